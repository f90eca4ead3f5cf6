"""Small helpers shared by tests: render bundled content without touching output/."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from pipeline.config import Site
from pipeline.derive import derive_page
from pipeline.pagemeta import PageMeta
from pipeline.render import RenderedPage, render_page
from pipeline.sources import load_article

SITE = Site(
    site_name="Health Notes",
    base_url="https://health-notes.example",
    logo="/images/logo.png",
)


def render_file(path: Path, site: Site = SITE) -> RenderedPage:
    return render_page(derive_page(load_article(path), site), site)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def jsonld_blocks(html: str) -> list[Any]:
    return [
        json.loads(s.string or "")
        for s in soup(html).find_all("script", type="application/ld+json")
    ]


def visible_text(html: str) -> str:
    doc = soup(html)
    for tag in doc(["script", "style", "head"]):
        tag.decompose()
    return " ".join(doc.get_text(" ").split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]


def meta_of(front: Mapping[str, Any] | None) -> PageMeta:
    """The `PageMeta` a build derives from these front-matter fields."""
    front = dict(front or {})
    disabled = front.pop("seo-pipeline-disable", front.pop("seo_pipeline_disable", []))
    known = {f.name for f in dataclasses.fields(PageMeta)}
    unmapped = [k for k in front if k not in known]
    return PageMeta.from_json(
        {**front, "disabled": list(disabled), "unmapped": unmapped}
    )


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write a file under `folder` (parents made), text as UTF-8."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
