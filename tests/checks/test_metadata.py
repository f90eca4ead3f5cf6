"""META5xx: each rule firing and not firing, on small pages."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.findings import Finding

OG = "".join(
    f'<meta property="og:{k}" content="{v}">'
    for k, v in [
        ("title", "T"),
        ("type", "article"),
        ("image", "https://e.x/i.jpg"),
        ("url", "https://e.x/"),
    ]
)


def run(html: str | bytes, code: str, **config: Any) -> list[Finding]:
    result = check_html(html, CheckConfig(select=[code], **config))
    return [f for f in result.findings if f.code == code]


def ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


CASES = [
    ("no title", "<head></head><body><p>x</p></body>", "META501", 1),
    ("empty title", "<head><title> </title></head>", "META501", 1),
    ("title", "<head><title>T</title></head>", "META501", 0),
    ("svg title is not a title", "<head></head><body><svg><title>Icon</title></svg></body>", "META501", 1),
    ("two titles", "<head><title>A</title><title>B</title></head>", "META502", 1),
    ("one title plus svg title", "<head><title>A</title></head><body><svg><title>i</title></svg></body>", "META502", 0),
    ("title in body", "<head></head><body><p>x</p><title>T</title></body>", "META503", 1),
    ("title in head", "<head><title>T</title></head>", "META503", 0),
    ("no description", "<head><title>T</title></head>", "META504", 1),
    ("empty description", '<head><meta name="description" content=""></head>', "META504", 1),
    ("description", '<head><meta name="description" content="D"></head>', "META504", 0),
    ("uppercase NAME attribute", '<head><meta NAME="Description" content="D"></head>', "META504", 0),
    ("two descriptions", '<head><meta name="description" content="A"><meta name="description" content="B"></head>', "META505", 1),
    ("description in body", '<head></head><body><p>x</p><meta name="description" content="D"></body>', "META506", 1),
    ("description in head", '<head><meta name="description" content="D"></head>', "META506", 0),
    ("no lang", "<html><head></head></html>", "META507", 1),
    ("empty lang", '<html lang=""><head></head></html>', "META507", 1),
    ("lang", '<html lang="de-AT"><head></head></html>', "META507", 0),
    ("no canonical", "<head><title>T</title></head>", "META508", 1),
    ("canonical", '<head><link rel="canonical" href="https://e.x/"></head>', "META508", 0),
    ("relative canonical", '<head><link rel="canonical" href="/a/"></head>', "META509", 1),
    ("canonical with fragment", '<head><link rel="canonical" href="https://e.x/a/#top"></head>', "META509", 1),
    ("canonical in body", '<head></head><body><p>x</p><link rel="canonical" href="https://e.x/"></body>', "META509", 1),
    ("two canonicals", '<head><link rel="canonical" href="https://e.x/a"><link rel="canonical" href="https://e.x/b"></head>', "META509", 1),
    ("good canonical", '<head><link rel="canonical" href="https://e.x/a/"></head>', "META509", 0),
    ("no og", "<head><title>T</title></head>", "META510", 4),
    ("empty og:image", OG.replace("https://e.x/i.jpg", ""), "META510", 1),
    ("all og", f"<head>{OG}</head>", "META510", 0),
    ("img without alt", '<img src="a.jpg">', "META511", 1),
    ("decorative img", '<img src="a.jpg" alt="">', "META511", 0),
    ("img in header counts", '<header><img src="logo.png"></header><main><p>x</p></main>', "META511", 1),
    ("us date", ld('{"@type": "Article", "datePublished": "11/02/2026"}'), "META512", 1),
    ("impossible date", ld('{"@type": "Article", "dateModified": "2026-13-45"}'), "META512", 1),
    ("nested date", ld('{"@graph": [{"@type": "Event", "startDate": "next week"}]}'), "META512", 1),
    ("iso date", ld('{"@type": "Article", "datePublished": "2026-11-02"}'), "META512", 0),
    ("iso datetime tz", ld('{"@type": "Article", "datePublished": "2024-03-02T09:15:00+00:00"}'), "META512", 0),
    ("iso datetime Z", ld('{"@type": "Article", "dateModified": "2024-03-02T09:15:00Z"}'), "META512", 0),
    ("author string", ld('{"@type": "Article", "author": "Editorial Team"}'), "META513", 1),
    ("author without name", ld('{"@type": "Article", "author": {"@type": "Person"}}'), "META513", 1),
    ("author wrong type", ld('{"@type": "Article", "author": {"@type": "Thing", "name": "X"}}'), "META513", 1),
    ("author list with string", ld('{"@type": "Article", "author": [{"@type": "Person", "name": "A"}, "B"]}'), "META513", 1),
    ("author person", ld('{"@type": "Article", "author": {"@type": "Person", "name": "A"}}'), "META513", 0),
    ("author subtype", ld('{"@type": "Article", "author": {"@type": "NewsMediaOrganization", "name": "A"}}'), "META513", 0),
    ("author @id to person", ld('{"@graph": [{"@type": "Article", "author": {"@id": "#p"}}, {"@type": "Person", "@id": "#p", "name": "A"}]}'), "META513", 0),
    ("author @id to nameless", ld('{"@graph": [{"@type": "Article", "author": {"@id": "#p"}}, {"@type": "Person", "@id": "#p"}]}'), "META513", 1),
    ("U+FFFD in text", "<p>caf\ufffd</p>", "META514", 1),
    ("clean text", "<p>café</p>", "META514", 0),
    ("invalid utf-8 bytes", b"<p>caf\xe9</p>", "META514", 1),
    ("declared latin-1 bytes", b'<meta charset="iso-8859-1"><p>caf\xe9</p>', "META514", 0),
    ("utf-8 bytes with BOM", b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "META514", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "code", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_metadata_rules(html: str | bytes, code: str, expected: int) -> None:
    assert len(run(html, code)) == expected


def test_invalid_utf8_position() -> None:
    [finding] = run(b"<html>\n<body><p>ok</p>\n<p>caf\xe9</p></body></html>", "META514")
    assert (finding.line, finding.column) == (3, 7)
    assert "byte 0xe9" in finding.message


def test_open_graph_option() -> None:
    assert (
        len(run("<head></head>", "META510", metadata={"open-graph": ["og:title"]})) == 1
    )
