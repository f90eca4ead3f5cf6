"""`seo-pipeline import` over an archive: per-file problems, the rest written,
clashing slugs numbered, invalid JSON-LD reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.sources import load_article

ARCHIVE = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "archive"


def test_archive_import_writes_what_it_can_and_reports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "content"
    inputs = [str(ARCHIVE / f"home-{i}.html") for i in (1, 2, 3)]
    inputs.append(str(ARCHIVE / "untitled.html"))
    code = main(["import", "-o", str(out), *inputs])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert sorted(p.name for p in out.iterdir()) == [
        "home-2.md",
        "home-3.md",
        "home.md",
    ]
    slugs = [load_article(out / n).article.slug for n in ("home-2.md", "home-3.md")]
    assert slugs == ["home-2", "home-3"]
    assert "Welcome to archive copy number 3" in (out / "home-3.md").read_text()
    assert f"{ARCHIVE / 'home-3.html'} → {out / 'home-3.md'}" in captured.out
    assert "slug home-3 (home is taken by another input)" in captured.out
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {ARCHIVE / 'untitled.html'}: title: no title found "
        "(no <h1>, og:title or <title>)"
    ]


def test_existing_files_fail_per_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "content"
    out.mkdir()
    (out / "home.md").write_text("mine", encoding="utf-8")
    code = main(["import", "-o", str(out), str(ARCHIVE / "home-1.html"),
                 str(ARCHIVE / "broken-jsonld.html")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert f"error: {out / 'home.md'}: exists; use --force to overwrite it" in err
    assert (out / "home.md").read_text(encoding="utf-8") == "mine"
    assert (out / "opening-hours.md").is_file()


def test_invalid_jsonld_is_listed_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", "-o", str(tmp_path), str(ARCHIVE / "broken-jsonld.html")])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "not placed (line 7): invalid JSON-LD" in err, err
    assert "line 0" not in err
