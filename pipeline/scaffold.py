"""INIT: a new site, ready for `seo-pipeline serve` (`seo-pipeline init [DIR]`).

Writes a config (`seo-pipeline.toml`), one example article, a theme folder
with a README on overrides, a `static/` folder and a `.pre-commit-config.yaml`.
Existing files are never replaced unless `force`: all of them are listed in
one error (exit 2) and nothing is written.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PipelineError, Problem
from pipeline.paths import display_path
from pipeline.write import atomic_write

CONFIG = """\
# seo-pipeline settings. Paths are relative to this file.
# Every setting: `seo-pipeline schema --kind config`.
site-name = "{name}"
base-url = "https://www.example.com"   # your site's address: canonical, og:url and sitemap URLs
default-lang = "en"
content-dir = "content"
output-dir = "output"
theme-dir = "theme"      # templates here replace the defaults by name
static-dir = "static"    # copied into output/ unchanged (images, robots.txt …)
"""

ARTICLE = """\
---
title: Welcome to Your New Site and How It Works
description: A first article that shows how seo-pipeline turns a Markdown file into a page with a title, a meta description, structured data and a report.
date: {date}
image:
  url: /images/welcome.png
  alt: A blue banner with a light stripe, the example image of a new site
  width: 1200
  height: 630
author:
  name: Editorial Team
  type: Organization
key_points:
  - Each Markdown file in the content folder becomes one page.
  - The checks say what to fix and on which line of this file.
faq:
  - question: Where do the pages go?
    answer: Into the output folder, with a sitemap and a report of the checks.
---
This is your first article. Edit it while `seo-pipeline serve` runs, and the
page in your browser shows the change as soon as you save the file. Each
Markdown file in the content folder becomes one page of the site.

## What a content file holds

The front matter at the top holds the title, the meta description, the date
and the author. The text below it is the article. Write the intro first, then
use `##` and `###` headings for the sections. Keep the title as the only top
heading of the page.

## What the checks look at

The checks read each built page the way a search engine does. They measure
the title and the meta description in characters and in pixels, so you know
what a result page will show. They score how easy the text is to read. They
look at the order of the headings and at the structured data of the page.

### Where to see the findings

Open the report at `/_report/` next to the pages. It lists each finding with
the line of this file to edit. Fix the line, save the file, and the report
updates too.

## Next steps

Copy this file to start a new article, and give it a new title. Put images in
the static folder and link them from the front matter or the text, as this
article does with its banner image. Set `base-url` in `seo-pipeline.toml` to
the address of your site. When you are ready, run `seo-pipeline build` to
write the whole site for your web host, and commit the content folder.
"""

THEME_README = """\
# Theme overrides

Templates in this folder replace the bundled ones by file name. Copy only what
you want to change; everything else keeps coming from seo-pipeline.

| File | What it renders |
| --- | --- |
| `article.html` | one article page (extends `base.html`) |
| `base.html` | the page shell: `<head>`, header, `<main>`, footer |
| `partials/faq.html`, `partials/key_points.html`, `partials/breadcrumbs.html`, `partials/byline.html` | parts of an article |
| `partials/style.html` | the inline CSS |
| `sitemap.xml` | the sitemap |

To change one block and keep the rest, extend the default by its
`default/` name and override that block, e.g. `theme/base.html`:

```html
{% extends "default/base.html" %}
{% block footer %}<footer>© My Site</footer>{% endblock %}
```

Templates are autoescaped and rendered with `StrictUndefined` (a misspelt
variable is an error naming the template and line). While
`seo-pipeline serve` runs, saving a template rebuilds every page.

Files that are not templates (this README) are never rendered.
"""

PRE_COMMIT = """\
# Checks the site before each commit: https://pre-commit.com
#   pip install pre-commit && pre-commit install
# Builds every page in memory (nothing is written) and fails on findings at or
# above `fail-on` (default: error), pointing at the content-file line.
repos:
  - repo: local
    hooks:
      - id: seo-pipeline-content
        name: seo-pipeline build --no-write
        entry: seo-pipeline build --no-write
        language: system
        pass_filenames: false
        files: ^(content/|theme/|seo-pipeline\\.toml$)
        require_serial: true
"""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """What `init_site` wrote."""

    folder: Path
    written: tuple[Path, ...]


def banner_png(width: int = 1200, height: int = 630) -> bytes:
    """A plain banner (blue, with a light stripe) as a PNG, made without Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    blue, light = bytes((40, 84, 140)) * width, bytes((226, 236, 246)) * width
    rows = b"".join(
        b"\x00" + (light if 280 <= y < 350 else blue) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def site_files(name: str, date: str) -> dict[str, str | bytes]:
    """The files of a new site, by path relative to its folder."""
    return {
        "seo-pipeline.toml": CONFIG.format(name=name.replace('"', "'")),
        "content/welcome.md": ARTICLE.format(date=date),
        "theme/README.md": THEME_README,
        "static/images/welcome.png": banner_png(),
        ".pre-commit-config.yaml": PRE_COMMIT,
    }


def init_site(
    folder: Path, *, force: bool = False, date: str | None = None
) -> Scaffold:
    """Write a new site into `folder` (made if missing).

    Raises `PipelineError` listing every file that exists (or cannot be
    written) without `force`; then nothing is written.
    """
    import datetime

    date = date or datetime.date.today().isoformat()
    name = folder.resolve().name.replace("-", " ").replace("_", " ").title()
    files = site_files(name or "My Site", date)
    targets = {rel: folder / rel for rel in files}
    blocked = [
        Problem(display_path(path), None, None, _why(path, force))
        for path in targets.values()
        if _why(path, force)
    ]
    if blocked:
        raise PipelineError(blocked)
    written: list[Path] = []
    for rel, text in files.items():
        try:
            atomic_write(targets[rel], text)
        except OSError as exc:
            raise PipelineError(
                [
                    Problem(
                        display_path(targets[rel]),
                        None,
                        None,
                        f"cannot write: {exc.strerror}",
                    )
                ]
            ) from None
        written.append(targets[rel])
    return Scaffold(folder, tuple(written))


def _why(path: Path, force: bool) -> str:
    """Why `path` may not be written ('' when it may)."""
    if not path.exists() and not path.is_symlink():
        return ""
    if not path.is_file() or path.is_symlink():
        return "exists and is not a regular file; refusing to replace it"
    return "" if force else "exists; use --force to overwrite"
