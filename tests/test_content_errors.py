"""Hostile content through `seo-pipeline build`: one `file:line: field: message`
line each, exit 2, no traceback, nothing written — never an internal error.

Each fixture under tests/fixtures/content/hostile/ crashed the build (or took
minutes and gigabytes) before the content readers were guarded.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ContentError
from pipeline.limits import Limits
from pipeline.sources import content_files, load_article, load_articles

HOSTILE = Path(__file__).parent / "fixtures" / "content" / "hostile"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "seo-pipeline.toml").write_text('site-name = "Test"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build_error(project: Path, name: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Build a project holding only fixture `name`; return its one error line."""
    shutil.copy(HOSTILE / name, project / "content" / name)
    code = main(["build"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert not (project / "output").exists(), "nothing may be written"
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("name", "line", "field", "message"),
    [
        ("alias-bomb.md", 6, "d.0.0", "YAML aliases expand more than 100 times"),
        ("recursive-alias.md", 3, "key_points.0", "recursive YAML alias"),
        ("impossible-date.md", 3, "date", "day value is outside expected range"),
        ("nul.md", 2, "title", "control character U+0000 is not allowed"),
        ("deep.json", 3, None, "nested more than 20 levels deep (limit max-depth)"),
        ("deep.jsonl", 1, None, "nested more than 20 levels deep (limit max-depth)"),
        ("long-int.json", 3, "description_claimed_length", "4301 digits"),
        ("long-int.md", 3, "description_claimed_length", "4301 digits"),
        ("long-slug.md", 3, "slug", "is 256 bytes in UTF-8"),
        ("duplicate-key.json", 2, "title", "duplicate key"),
        ("nan.json", 3, "description_claimed_length", "NaN is not a number"),
        ("unterminated.csv", 3, "body", "a quoted cell is not closed"),
        ("empty.csv", 2, None, "dataset has 0 rows"),
        ("long-title.md", 2, "title", "over the limit of 500 (limit max-title-chars)"),
        ("many-faq.md", 3, "faq", "201 questions, over the limit of 200"),
        ("toml-impossible-date.md", 3, "date", "invalid TOML: Invalid date"),
        ("float-overflow.json", 3, "description_claimed_length", "out of range"),
        ("yaml-nan.md", 4, "extra.weight", "nan is not a number"),
    ],
)
def test_hostile_content_is_one_line_at_its_place(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    line: int,
    field: str | None,
    message: str,
) -> None:
    error = build_error(project, name, capsys)
    where = f"error: content/{name}:{line}: "
    assert error.startswith(where), error
    rest = error.removeprefix(where)
    if field is None:  # a dotted path deep into the value
        assert re.match(r"^faq(\.0)+: |^[a-z]", rest), error
    else:
        assert rest.startswith(f"{field}: "), error
    assert message in error, error


def test_alias_bomb_is_refused_fast_and_small() -> None:
    # 9**9 expansions would take minutes and gigabytes; the count stops it at
    # once (a timed assertion would fail on a loaded machine: the message proves it).
    with pytest.raises(ContentError, match=r"aliases expand more than 100 times"):
        load_article(HOSTILE / "alias-bomb.md")


def test_a_few_aliases_are_fine_and_the_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Shared\nkey_points: &p [One, Two]\nextra:\n  copy: *p\n---\nBody.\n"
    )
    assert load_article(path).article.extra == {"copy": ["One", "Two"]}
    with pytest.raises(ContentError, match="expand more than 0 times"):
        load_article(path, Limits(max_yaml_aliases=0))


def test_limits_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Small\nfaq:\n  - question: Q?\n    answer: A.\n---\nBody.\n"
    )
    load_article(path)
    cases = [
        (Limits(max_faq_items=0), ":3: faq: 1 questions, over the limit of 0"),
        (Limits(max_title_chars=3), ":2: title: 5 characters, over the limit of 3"),
        (Limits(max_body_chars=2), ":7: body: 6 characters, over the limit of 2"),
        (Limits(max_text_chars=1), ":4: faq.0.question: 2 characters"),
        (Limits(max_depth=2), ":4: faq.0: nested more than 2 levels deep"),
        (Limits(max_file_bytes=10), ": file is 64 bytes, over the limit of 10"),
    ]
    for limits, expected in cases:
        with pytest.raises(ContentError) as info:
            load_article(path, limits)
        assert expected in str(info.value), (limits, str(info.value))


def test_limits_read_kebab_case_keys() -> None:
    limits = Limits.model_validate({"max-faq-items": 5, "max-yaml-aliases": 3})
    assert (limits.max_faq_items, limits.max_yaml_aliases) == (5, 3)
    with pytest.raises(ValueError, match="max-faq-itmes"):
        Limits.model_validate({"max-faq-itmes": 5})


def test_jsonl_rows_are_strict_too(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        '{"title": "Fine", "body": "b"}\n'
        '{"title": "Twice", "title": "Again"}\n'
        '{"title": "Inf", "description_claimed_length": -Infinity}\n'
    )
    with pytest.raises(ContentError) as info:
        load_articles(path)
    found = [str(p) for p in info.value.problems]
    assert found == [
        f"{path}:2: title: duplicate key",
        f"{path}:3: description_claimed_length: -Infinity is not a number JSON allows",
    ]


def test_control_characters_in_a_body_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\n---\nFirst line.\nSecond \x01 line.\n")
    with pytest.raises(ContentError, match=r"a\.md:5: body: control character U\+0001"):
        load_article(path)


def test_symlinked_content_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "linked.md").write_text("---\ntitle: Linked\n---\nBody.\n")
    content = tmp_path / "content"
    content.mkdir()
    (content / "posts").symlink_to(real, target_is_directory=True)
    (content / "loop").symlink_to(content, target_is_directory=True)
    (content / "file.md").symlink_to(real / "linked.md")
    names = [p.relative_to(content).as_posix() for p in content_files(content)]
    assert names == ["file.md", "posts/linked.md"]
    alias = tmp_path / "content-link"  # the content folder itself a link
    alias.symlink_to(content, target_is_directory=True)
    assert [p.name for p in content_files(alias)] == ["file.md", "linked.md"]


def test_a_broken_symlink_is_reported_not_skipped(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "gone.md").symlink_to(tmp_path / "missing.md")
    with pytest.raises(ContentError, match=r"gone\.md: broken symbolic link"):
        content_files(content)


def test_output_folder_inside_content_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "a.md").write_text("---\ntitle: A\n---\nBody.\n")
    (project / "seo-pipeline.toml").write_text(
        'site-name = "Test"\noutput-dir = "content/site"\n'
    )
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "output_dir: must not be inside the content folder" in err, err
    assert not (project / "content" / "site").exists()
