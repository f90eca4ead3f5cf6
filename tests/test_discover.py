"""Discovery for `check`: which files are read, what is passed over, and the
build manifest's `PageMeta` for built pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.discover import html_files, read_pages
from pipeline.errors import PipelineError
from tests.helpers import write


def test_html_files_recursive_sorted_and_skipping_hidden(tmp_path: Path) -> None:
    for name in [
        "b/index.html",
        "a.htm",
        "b/c/deep.HTML",
        ".git/x.html",
        "node_modules/y.html",
        "notes.txt",
    ]:
        write(tmp_path, name, "<p>x</p>")
    found = [p.relative_to(tmp_path).as_posix() for p in html_files([tmp_path]).files]
    assert found == ["a.htm", "b/index.html", "b/c/deep.HTML"]


def test_explicit_file_of_any_name_and_no_duplicates(tmp_path: Path) -> None:
    page = write(tmp_path, "page.xhtml", "<p>x</p>")
    assert html_files([page, page]).files == (page,)


@pytest.mark.parametrize("make", ["missing", "empty-folder"])
def test_nothing_to_check_is_an_input_error(tmp_path: Path, make: str) -> None:
    target = tmp_path / "nope" if make == "missing" else tmp_path
    with pytest.raises(PipelineError):
        html_files([target])


def test_display_paths_are_relative_and_posix(tmp_path: Path) -> None:
    page = write(tmp_path, "blog/post.html", "<p>x</p>")
    [read] = read_pages([page], base=tmp_path, keyphrase="herpes")
    assert read.path == "blog/post.html"
    assert read.meta.keyphrase == "herpes"


def test_a_dangling_symlink_and_a_named_pipe_are_passed_over_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "ok.html", "<title>Fine</title><p>x</p>")
    (tmp_path / "gone.html").symlink_to(tmp_path / "missing.html")
    os.mkfifo(tmp_path / "x.html")  # reading it would block forever
    found = html_files([tmp_path])
    assert found.files == (tmp_path / "ok.html",)
    assert [p.message for p in found.skipped] == [
        "skipped: dangling symlink",
        "skipped: not a regular file",
    ]
    assert main(["check", str(tmp_path), "--fail-on", "never"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'gone.html'}: skipped: dangling symlink" in err
    assert f"{tmp_path / 'x.html'}: skipped: not a regular file" in err


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.md", b"# Title\n\nSome *Markdown*.\n"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\0\0"),
    ],
)
def test_a_named_file_that_is_not_html_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    path = write(tmp_path, name, data)
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {path}: not an HTML page (give .html or .htm files, or folders of them)\n"
    )


def test_a_named_page_without_an_html_suffix_is_sniffed(tmp_path: Path) -> None:
    page = write(tmp_path, "saved-page", "<!DOCTYPE html><html><title>x</title></html>")
    assert html_files([page]).files == (page,)


def test_a_named_pipe_given_explicitly_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "page.html")
    assert main(["check", str(tmp_path / "page.html")]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_the_tools_own_html_report_is_never_checked_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    write(
        site, "index.html", "<!DOCTYPE html><html lang='en'><title>Home</title></html>"
    )
    report = site / "report.html"
    assert main(["check", str(site), "--format", "html", "-o", str(report)]) in (0, 1)
    assert report.is_file()
    assert html_files([site]).files == (site / "index.html",)
    # and a second run may write over its own report again
    assert main(["check", str(site), "--format", "html", "-o", str(report)]) in (0, 1)
    capsys.readouterr()
