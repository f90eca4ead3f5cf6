"""`seo-pipeline fix`: safe fixes written into content files, the rest byte-identical."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.checks.config import CheckConfig
from pipeline.cli import cli
from pipeline.cli.main import main
from pipeline.fix import fix_file
from pipeline.sources import load_article
from pipeline.textmetrics import grapheme_len, text_width_px

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content" / "herpes-back-pain.md"
ORIGINAL = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "content" / EXAMPLE.name)
    return tmp_path


def test_example_golden_fix(site: Path) -> None:
    """The bundled draft: description within budget, the claim removed, the
    original kept, and every other line byte-identical."""
    path = site / "content" / EXAMPLE.name
    before = path.read_bytes()
    code, out, err = run("fix", cwd=site)
    assert code == 0, err
    after = path.read_bytes()
    article = load_article(path).article
    assert article.description_original == ORIGINAL
    assert article.description_claimed_length is None
    description = article.description or ""
    assert grapheme_len(description) <= 155 and text_width_px(description, 14) <= 920
    assert description == (
        "Discover the connection between the herpes virus and back pain, "
        "including symptoms, diagnosis, and treatment options."
    )
    old, new = before.split(b"\n"), after.split(b"\n")
    assert old[3] == b"description_claimed_length: 149"
    assert new[2] == f'description: "{description}"'.encode()
    assert new[3] == f'description_original: "{ORIGINAL}"'.encode()
    assert old[:2] == new[:2] and old[4:] == new[4:]
    assert "herpes-back-pain.md:3: LEN103 fixed" in err + out
    assert "LEN110 fixed" in err + out
    # A second run has nothing to do, and the build no longer reports them.
    assert run("fix", "--diff", cwd=site)[0] == 0
    assert path.read_bytes() == after
    code, out, _ = run("build", "--no-write", "--select", "LEN103,LEN104,LEN110",
                       cwd=site)  # fmt: skip
    assert code == 0 and "LEN1" not in out.split("Built")[0]


def test_diff_prints_and_changes_nothing(site: Path) -> None:
    path = site / "content" / EXAMPLE.name
    before = path.read_bytes()
    code, out, err = run("fix", "--diff", cwd=site)
    assert code == 1
    assert path.read_bytes() == before
    assert out.startswith("--- a/content/herpes-back-pain.md\n+++ b/content/")
    assert "-description_claimed_length: 149\n" in out
    assert f'+description_original: "{ORIGINAL}"\n' in out
    assert "Would fix 2 problems in 1 file." in err


def test_headings_that_skip_are_shifted(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    text = (
        "---\n"
        "# a comment\n"
        "title: 'Heading levels'   # keep me\n"
        "description: Short enough.\n"
        "---\n"
        "Intro.\n\n"
        "## Two\n\n"
        "#### Four ####\n\n"
        "Text with ## inside.\n\n"
        "##### Five\n\n"
        "#### Four again\n\n"
        "```\n#### not a heading\n```\n\n"
        "## Two again\n\n"
        "### Three\n"
    )
    path.write_text(text)
    fixed = fix_file(path, CheckConfig())
    assert [f.code for f in fixed.applied] == ["HEAD303", "HEAD303", "HEAD303"]
    assert fixed.after.decode() == (
        text.replace("#### Four ####", "### Four ####")
        .replace("##### Five", "#### Five")
        .replace("#### Four again", "### Four again")
    )


def test_yaml_file_keeps_comments_order_and_quoting(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = (
        "# Winter notes\n"
        "title: Running in winter\n"
        "description: >-\n"
        f"  {ORIGINAL}\n"
        "description_claimed_length: 149  # from the draft\n"
        "tags: [running, 'winter']\n"
        "body: |\n"
        "  Intro paragraph.\n"
        "\n"
        "  ## Gear\n"
        "\n"
        "  #### Gloves\n"
    )
    path.write_text(text)
    fixed = fix_file(path, CheckConfig())
    assert [f.code for f in fixed.applied] == ["LEN103", "LEN110", "HEAD303"]
    after = fixed.after.decode()
    assert after.startswith("# Winter notes\ntitle: Running in winter\ndescription: ")
    assert f"description_original: >-\n  {ORIGINAL}\n" in after
    assert "claimed" not in after
    assert after.endswith("tags: [running, 'winter']\nbody: |\n  Intro paragraph.\n\n"
                          "  ## Gear\n\n  ### Gloves\n")  # fmt: skip


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    text = f"---\ntitle: T\ndescription: {ORIGINAL}\n---\nIntro.\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    after = fix_file(path, CheckConfig()).after
    assert after.startswith(b"\xef\xbb\xbf---\r\n")
    assert after.count(b"\r\n") == after.count(b"\n") == 6
    assert f"description_original: {ORIGINAL}\r\n".encode() in after


def test_unsafe_title_fix_needs_the_flag(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    title = (
        "How to Choose Winter Running Gloves, Tights and Jackets | The Complete Guide"
    )
    path = tmp_path / "content" / "a.md"
    path.write_text(f"---\ntitle: {title}\ndescription: Fine.\n---\nIntro.\n")
    code, out, err = run("fix", "--diff", cwd=tmp_path)
    assert code == 0 and out == ""
    assert "1 more fix available with --unsafe-fixes" in err
    code, out, err = run("fix", "--unsafe-fixes", cwd=tmp_path)
    assert code == 0, err
    article = load_article(path).article
    assert article.title == title
    assert (
        article.seo_title == "How to Choose Winter Running Gloves, Tights and Jackets"
    )


def test_ignored_rules_and_suppressions_are_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        f"---\ntitle: T\ndescription: {ORIGINAL}\nseo-pipeline-disable: [LEN10]\n"
        "---\n## A\n\n#### B\n"
    )
    fixed = fix_file(path, CheckConfig(ignore=["HEAD303"]))
    assert not fixed.changed


def test_existing_original_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        f"---\ntitle: T\ndescription: {ORIGINAL}\ndescription_original: older\n---\n"
    )
    fixed = fix_file(path, CheckConfig())
    assert not fixed.changed
    assert (
        "a.md:3: LEN103 not fixed: `description_original` already holds"
        in (fixed.notes[0])
    )


def test_bad_input_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.md"
    good.write_text(f"---\ntitle: T\ndescription: {ORIGINAL}\n---\n")
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: T\ntitel: x\n---\n")
    before = good.read_bytes()
    assert main(["fix", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bad.md:3: titel: unknown field" in err
    assert good.read_bytes() == before


def test_unsupported_formats_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "a.json"
    page.write_text('{"title": "T"}')
    assert main(["fix", str(page)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith(
        "a.json: fix: .json files are not supported "
        "(Markdown with YAML front matter, and YAML)"
    )
    assert "\n" not in err
    toml = tmp_path / "b.md"
    toml.write_text('+++\ntitle = "T"\n+++\n')
    assert main(["fix", str(toml)]) == 2
    assert "b.md:1: fix: only YAML front matter ('---') is supported" in (
        capsys.readouterr().err
    )


def test_written_file_keeps_umask_mode(site: Path) -> None:
    path = site / "content" / EXAMPLE.name
    old = os.umask(0o027)
    try:
        assert run("fix", cwd=site)[0] == 0
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in path.parent.iterdir() if p.name != EXAMPLE.name]


def test_heading_levels_count_shift_headings(tmp_path: Path) -> None:
    """With `shift-headings: 1` a `#` is an H2: `#` then `###` skips (h2 → h4)."""
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\n---\n# Two\n\n### Four\n\n## Three\n")
    fixed = fix_file(path, CheckConfig(), shift_headings=1)
    assert fixed.after.decode().endswith("# Two\n\n## Four\n\n## Three\n")
    assert "`###` → `##` (h4 → h3 under an h2)" in fixed.applied[0].message
    unshifted = fix_file(path, CheckConfig())  # `#` is the H1 then: h1 → h3
    assert unshifted.after.decode().endswith("# Two\n\n## Four\n\n## Three\n")


def test_a_true_claim_and_a_claim_without_description_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: T\ndescription: Twelve chars\ndescription_claimed_length: 12\n---\n"
    )
    assert not fix_file(path, CheckConfig()).changed
    path.write_text("---\ntitle: T\ndescription_claimed_length: 12\n---\nIntro.\n")
    assert not fix_file(path, CheckConfig()).changed
    path.write_text(
        "---\ntitle: T\ndescription: Twelve chars\ndescription_claimed_length: 149\n---\n"
    )
    fixed = fix_file(path, CheckConfig())
    assert fixed.after == b"---\ntitle: T\ndescription: Twelve chars\n---\n"


def test_folder_passes_over_files_it_cannot_edit(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "hugo.md").write_text('+++\ntitle = "T"\n+++\nText.\n')
    (tmp_path / "content" / "rows.csv").write_text("title\nT\n")
    (tmp_path / "content" / "a.md").write_text(
        f"---\ntitle: T\ndescription: {ORIGINAL}\n---\n"
    )
    code, out, err = run("fix", cwd=tmp_path)
    assert code == 0, err
    assert "content/hugo.md: fix: only YAML front matter ('---') is supported" in err
    assert "content/rows.csv: fix: .csv files are not supported" in err
    assert "Fixed 1 problem in 1 file." in out + err


def test_an_edit_that_would_touch_other_fields_is_not_made(tmp_path: Path) -> None:
    """An alias shares its text with another field: editing it would change
    both, so the read-back check refuses and the file is passed over."""
    (tmp_path / "content").mkdir()
    path = tmp_path / "content" / "a.md"
    path.write_text(
        f"---\ntitle: T\nkey_points:\n  - &long {ORIGINAL}\ndescription: *long\n---\n"
    )
    before = path.read_bytes()
    code, _, err = run("fix", cwd=tmp_path)
    assert code == 0
    assert "a.md: fix: the edit did not read back as intended; nothing written" in err
    assert path.read_bytes() == before


def test_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"title: T\nbody: Intro.\ndescription: '{ORIGINAL}'")
    after = fix_file(path, CheckConfig()).after.decode()
    assert after.startswith("title: T\nbody: Intro.\ndescription: 'Discover")
    assert after.endswith(f"'\ndescription_original: '{ORIGINAL}'\n")
    assert load_article(path).article.description_original is None  # not written


def test_blank_lines_before_the_body_keep_heading_lines_true(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    text = "---\ntitle: T\n---\n\n\nIntro.\n\n## A\n\n#### B\n\n## C\n"
    path.write_text(text)
    after = fix_file(path, CheckConfig()).after.decode()
    assert after == text.replace("#### B", "### B")
