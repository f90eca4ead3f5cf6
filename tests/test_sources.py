"""Loading content: every bad input is a `file:line: field: message` problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ContentError
from pipeline.sources import content_files, load_article, read

BAD = Path(__file__).parent / "fixtures" / "content"


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_article(path)
    return [str(p) for p in info.value.problems]


def test_example_article_loads_with_field_lines(repo: Path) -> None:
    loaded = load_article(repo / "content" / "herpes-back-pain.md")
    assert loaded.article.title == "Herpes Virus Causes Back Pain"
    assert len(loaded.article.description or "") == 199
    assert loaded.article.description_claimed_length == 149
    assert len(loaded.article.key_points) == 5
    assert len(loaded.article.faq) == 3
    assert loaded.record.lines["description"] == 3
    assert loaded.record.lines["faq.1"] == 29
    assert loaded.record.body_line == 34


def test_wrong_types_name_line_and_field() -> None:
    found = problems(BAD / "bad-type.md")
    assert any(p.startswith(f"{BAD / 'bad-type.md'}:3: date:") for p in found), found
    assert any(":4: key_points:" in p for p in found), found


def test_missing_title() -> None:
    assert problems(BAD / "missing-title.md") == [
        f"{BAD / 'missing-title.md'}:2: title: required field is missing"
    ]


def test_unknown_fields_get_did_you_mean_at_any_depth() -> None:
    found = problems(BAD / "unknown-field.md")
    assert (
        f"{BAD / 'unknown-field.md'}:3: descripton: unknown field; did you mean 'description'?"
        in found
    )
    assert any(
        ":6: faq.0.answr: unknown field; did you mean 'answer'?" in p for p in found
    )
    assert any(":5: faq.0.answer: required field is missing" in p for p in found)


def test_broken_yaml_names_the_line() -> None:
    (message,) = problems(BAD / "broken-yaml.md")
    assert message.startswith(f"{BAD / 'broken-yaml.md'}:5:")
    assert "invalid YAML" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no front matter\n", ":1: missing front matter"),
        ("---\ntitle: x\n", ":1: front matter is not closed"),
        ("---\n- a\n- b\n---\n", ":2: front matter must be a mapping"),
        ("---\ntitle: a\ntitle: b\n---\n", ":3: title: duplicate key"),
        ("---\ntitle: a\nbody: x\n---\n", ":3: body: not allowed in front matter"),
        (
            "---\ntitle: a\nslug: ../../etc\n---\n",
            ":3: slug: must be lowercase letters",
        ),
        (
            "---\ntitle: a\nlang: english!\n---\n",
            ":3: lang: must be a BCP 47 language tag",
        ),
        (
            "---\ntitle: a\ndate: 2024-05-02\nupdated: 2024-01-01\n---\n",
            "updated: must not be earlier",
        ),
    ],
)
def test_front_matter_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert any(expected in p for p in found), found


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"---\ntitle: ok\n---\nline four \xff\n")
    assert problems(path) == [f"{path}:4: not valid UTF-8"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes("\ufeff---\r\ntitle: Café\r\n---\r\nBody\r\n".encode())
    loaded = load_article(path)
    assert loaded.article.title == "Café"
    assert loaded.article.body.strip() == "Body"


def test_yaml_and_json_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: A\nbody: |\n  Hello.\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(
        '{\n  "title": "B",\n  "faq": [{"question": "Q?"}]\n}\n', encoding="utf-8"
    )
    assert load_article(tmp_path / "a.yaml").article.body == "Hello."
    assert any(
        ":3: faq.0.answer: required field is missing" in p
        for p in problems(tmp_path / "b.json")
    )


def test_unknown_extension_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "_draft.md").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("x", encoding="utf-8")
    (tmp_path / "real.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert content_files(tmp_path) == [tmp_path / "real.md"]
    with pytest.raises(ContentError, match="unknown format"):
        read(tmp_path / "notes.txt")


def test_yaml_body_headings_map_to_file_lines(repo: Path) -> None:
    from pipeline.config import Site
    from pipeline.derive import derive_page

    path = repo / "content" / "winter-running-checklist.yaml"
    page = derive_page(load_article(path), Site())
    lines = path.read_text(encoding="utf-8").splitlines()
    for heading in page.body.headings:
        assert lines[heading.line - 1].strip() == f"## {heading.text}"
