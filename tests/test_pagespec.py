"""Programmatic pages: a page spec renders every row of a CSV, JSON Lines or
SQLite dataset into an article, which then goes through the same validation,
rendering and checks as any content file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import ContentError
from pipeline.run import build
from pipeline.sources import content_files, load_articles, load_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "programmatic"

SPEC = """\
data: {data}
{extra}page:
  slug: "plumbers-{{{{ city | slug }}}}"
  title: "Emergency plumbers in {{{{ city }}}}"
  description: "{{{{ blurb }}}}"
  body: |
    {{{{ intro }}}}

    ## Prices in {{{{ city }}}}

    A call-out costs ${{{{ fee }}}}.
  faq:
    - question: "{{{{ question }}}}"
      answer: "{{{{ answer }}}}"
"""
ROWS = [
    {
        "city": "Austin",
        "blurb": "Fast plumbers in Austin.",
        "intro": "Slab leaks are common in Austin.",
        "fee": 89,
        "question": "Do you work at night?",
        "answer": "Yes, every night.",
    },
    {
        "city": "São Paulo",
        "blurb": "",
        "intro": "Old pipes in São Paulo need care.",
        "fee": 70,
        "question": "",
        "answer": "",
    },
]


def write_csv(folder: Path, rows: list[dict[str, object]] = ROWS) -> Path:
    names = list(rows[0])
    lines = [",".join(names)] + [
        ",".join(json.dumps(str(row[n]), ensure_ascii=False) for n in names)
        for row in rows
    ]
    path = folder / "cities.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_spec(folder: Path, data: str, extra: str = "", text: str = SPEC) -> Path:
    path = folder / "cities.pagespec.yaml"
    path.write_text(text.format(data=data, extra=extra), encoding="utf-8")
    return path


def test_csv_rows_become_articles(tmp_path: Path) -> None:
    write_csv(tmp_path)
    spec = write_spec(tmp_path, "cities.csv")
    austin, sao_paulo = load_articles(spec)
    assert austin.article.title == "Emergency plumbers in Austin"
    assert austin.article.slug == "plumbers-austin"
    assert austin.article.description == "Fast plumbers in Austin."
    assert "A call-out costs $89." in austin.article.body
    assert austin.article.faq[0].question == "Do you work at night?"
    # Findings point at the row's line in the CSV file.
    assert austin.record.path == tmp_path / "cities.csv"
    assert austin.record.line_of("title") == 2
    assert sao_paulo.record.line_of("body") == 3
    # A field that renders empty is left out (the description is then derived);
    # so is a FAQ item whose question renders empty. Non-Latin slugs are kept.
    assert sao_paulo.article.description is None
    assert sao_paulo.article.faq == []
    assert sao_paulo.article.slug == "plumbers-sao-paulo"


def test_jsonl_rows_become_articles(tmp_path: Path) -> None:
    lines = [json.dumps(row) for row in ROWS]
    (tmp_path / "cities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spec = write_spec(tmp_path, "cities.jsonl")
    austin, _ = load_articles(spec)
    assert austin.article.title == "Emergency plumbers in Austin"
    assert austin.record.line_of("faq.0.answer") == 1


def make_db(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE cities (city TEXT, blurb TEXT, intro TEXT, fee INTEGER,"
            " question TEXT, answer TEXT, open INTEGER)"
        )
        conn.executemany(
            "INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*row.values(), i % 2) for i, row in enumerate(ROWS)],
        )
    conn.close()
    return path


def test_sqlite_table_and_query(tmp_path: Path) -> None:
    make_db(tmp_path / "cities.db")
    spec = write_spec(tmp_path, "cities.db", "table: cities\n")
    assert [a.article.title for a in load_articles(spec)] == [
        "Emergency plumbers in Austin",
        "Emergency plumbers in São Paulo",
    ]
    spec = write_spec(
        tmp_path, "cities.db", "query: SELECT * FROM cities WHERE open = 1\n"
    )
    (only,) = load_articles(spec)
    assert only.article.title == "Emergency plumbers in São Paulo"
    # No lines in a database: findings point at the spec's templates.
    assert only.record.path == spec
    assert only.record.line_of("title") == 5
    assert only.record.row == 1 and only.record.row_path == tmp_path / "cities.db"


def test_sqlite_is_read_only(tmp_path: Path) -> None:
    db = make_db(tmp_path / "cities.db")
    spec = write_spec(tmp_path, "cities.db", "query: DELETE FROM cities\n")
    with pytest.raises(ContentError) as info:
        load_articles(spec)
    assert [str(p) for p in info.value.problems] == [
        f"{spec}:2: query: SQLite: attempt to write a readonly database"
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM cities").fetchone() == (2,)
    conn.close()


def test_a_bad_row_names_file_row_and_field(tmp_path: Path) -> None:
    rows = [ROWS[0], {**ROWS[1], "city": ""}, {**ROWS[0], "city": "Waco"}]
    write_csv(tmp_path, rows)
    spec = write_spec(tmp_path, "cities.csv")
    text = spec.read_text(encoding="utf-8").replace("{{ fee }}", "{{ fees }}")
    spec.write_text(text, encoding="utf-8")
    loaded = load_file(spec)
    assert loaded.articles == []
    csv = tmp_path / "cities.csv"
    # Every row's problems, in row order, in one run.
    assert [str(p) for p in loaded.bad_rows] == [
        f"{csv}:row 2: body: 'fees' is undefined (the row's columns: "
        "answer, blurb, city, fee, intro, question)",
        f"{csv}:row 3: body: 'fees' is undefined (the row's columns: "
        "answer, blurb, city, fee, intro, question)",
        f"{csv}:row 4: body: 'fees' is undefined (the row's columns: "
        "answer, blurb, city, fee, intro, question)",
    ]


def test_a_row_failing_validation_is_a_row_problem(tmp_path: Path) -> None:
    write_csv(tmp_path, [ROWS[0], {**ROWS[0], "city": ""}, {**ROWS[0], "city": "X"}])
    text = SPEC.replace('title: "Emergency plumbers in {{{{ city }}}}"', "")
    text = text.replace("slug:", 'title: "{{{{ city }}}}"\n  slug:')
    spec = write_spec(tmp_path, "cities.csv", text=text)
    loaded = load_file(spec)
    assert [a.article.title for a in loaded.articles] == ["Austin", "X"]
    csv = tmp_path / "cities.csv"
    assert [str(p) for p in loaded.bad_rows] == [
        f"{csv}:row 3: title: required field is missing",
        f"{csv}:row 3: slug: must be lowercase letters (any script), digits and"
        " single hyphens (got 'plumbers-')",
    ]


def test_spec_problems_are_at_spec_lines(tmp_path: Path) -> None:
    write_csv(tmp_path)
    text = SPEC.replace("{{{{ blurb }}}}", "{{{{ blurb }}").replace(
        "page:", "pgae: 1\npage:"
    )
    spec = write_spec(tmp_path, "missing.csv", text=text)
    with pytest.raises(ContentError) as info:
        load_articles(spec)
    assert [str(p) for p in info.value.problems] == [
        f"{spec}:2: pgae: unknown key; did you mean 'page'? (a page spec has data,"
        " table, query, page; page fields go under `page`)",
        f"{spec}:1: data: file not found: missing.csv",
        f"{spec}:6: page.description: invalid template: unexpected '}}'",
    ]


def test_templates_run_in_a_sandbox(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "intro": "{{ 7 * 7 }} <script>alert(1)</script>"}]
    write_csv(tmp_path, rows)
    text = SPEC.replace("{{{{ blurb }}}}", "{{{{ city.__class__.__mro__ }}}}")
    spec = write_spec(tmp_path, "cities.csv", text=text)
    (bad,) = load_file(spec).bad_rows
    assert bad.row == 2 and bad.field == "description"
    assert "unsafe" in bad.message or "not safely" in bad.message
    # Row values are data, never templates; the Markdown body is sanitised later.
    spec = write_spec(tmp_path, "cities.csv")
    (austin,) = load_articles(spec)
    assert austin.article.body.startswith("{{ 7 * 7 }} <script>")
    out = tmp_path / "site"
    (out / "content").mkdir(parents=True)
    shutil.copy(tmp_path / "cities.csv", out / "content")
    shutil.copy(spec, out / "content")
    result = build(load_config(cwd=out), check=False, write=False)
    (page,) = result.pages
    assert "{{ 7 * 7 }}" in page.html and "<script>alert" not in page.html


def test_the_dataset_of_a_spec_is_not_read_as_articles(tmp_path: Path) -> None:
    write_csv(tmp_path)
    write_spec(tmp_path, "cities.csv")
    (tmp_path / "other.csv").write_text("title\nA\n", encoding="utf-8")
    assert [p.name for p in content_files(tmp_path)] == [
        "cities.pagespec.yaml",
        "other.csv",
    ]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "site", ignore=shutil.ignore_patterns("output"))
    monkeypatch.chdir(tmp_path / "site")
    return tmp_path / "site"


def test_the_example_builds_50_distinct_pages_that_pass_the_checks(
    example: Path,
) -> None:
    result = build(load_config(cwd=example))
    assert len(result.pages) == 50
    assert len({r.page.slug for r in result.pages}) == 50
    assert len({r.page.seo_title for r in result.pages}) == 50
    assert len({r.page.description for r in result.pages}) == 50
    assert result.checks is not None
    findings = result.checks.findings
    assert not [f for f in findings if f.code.startswith("SITE")]
    assert not [f for f in findings if f.severity.label == "error"]
    assert list(findings) == []  # no warnings or info either
    assert result.rows_skipped == ()
    assert (
        example / "output" / "emergency-plumbers-denver-co" / "index.html"
    ).is_file()


def test_on_bad_row_fail_and_skip(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example / "content" / "plumbers.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("Phoenix", "", 1)  # row 4: no city
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spec = example / "content" / "plumbers.pagespec.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("{{ city | slug }}", "{{ city | slug or 1/0 }}"))
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: content/plumbers.csv:row 4: slug: division by zero",
    ]
    assert not (example / "output").exists()  # nothing written
    assert main(["build", "--on-bad-row", "skip"]) == 0
    captured = capsys.readouterr()
    assert "Built 49 pages into output/" in captured.out
    assert (
        "warning: content/plumbers.csv:row 4: slug: division by zero "
        "(row skipped: --on-bad-row skip)"
    ) in captured.err.splitlines()


def test_the_readme_page_spec_builds(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (spec,) = [
        block
        for block in readme.split("```yaml\n")[1:]
        if block.startswith("# content/plumbers.pagespec.yaml")
    ]
    content = tmp_path / "content"
    content.mkdir()
    (content / "plumbers.pagespec.yaml").write_text(
        spec.split("```")[0], encoding="utf-8"
    )
    shutil.copy(EXAMPLE / "content" / "plumbers.csv", content)
    result = build(load_config(cwd=tmp_path), write=False, check=False)
    assert len(result.pages) == 50
    denver = next(r for r in result.pages if r.page.slug.endswith("denver-co"))
    assert "Winters freeze here." in denver.html


def test_a_row_cannot_make_a_template_build_gigabytes(tmp_path: Path) -> None:
    write_csv(tmp_path, [{**ROWS[0], "fee": 10**9}, {**ROWS[0], "fee": 3}])
    text = SPEC.replace("{{{{ blurb }}}}", "{{{{ '-' * (fee | int) }}}}")
    spec = write_spec(tmp_path, "cities.csv", text=text)
    loaded = load_file(spec)
    assert [a.article.description for a in loaded.articles] == ["---"]
    (bad,) = loaded.bad_rows
    assert str(bad) == (
        f"{tmp_path / 'cities.csv'}:row 2: description: repeating would build"
        " 1,000,000,000 items, over the limit of 100,000"
    )


def test_the_dataset_must_be_beside_the_spec_or_below(tmp_path: Path) -> None:
    write_csv(tmp_path)
    (tmp_path / "content").mkdir()
    spec = write_spec(tmp_path / "content", "../cities.csv")
    with pytest.raises(ContentError) as info:
        load_articles(spec)
    assert [str(p) for p in info.value.problems] == [
        f"{spec}:1: data: must be in the spec's folder or below it"
        " (got '../cities.csv')"
    ]


def test_fix_leaves_page_specs_alone(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = example / "content" / "plumbers.pagespec.yaml"
    before = spec.read_bytes()
    assert main(["fix"]) == 0
    out = capsys.readouterr()
    assert (
        "content/plumbers.pagespec.yaml: fix: page specs are not supported"
        in out.out + out.err
    )
    assert spec.read_bytes() == before


def test_an_unknown_page_field_is_one_spec_problem_not_one_per_row(
    tmp_path: Path,
) -> None:
    write_csv(tmp_path)
    spec = write_spec(tmp_path, "cities.csv", text=SPEC.replace("  title:", "  titel:"))
    with pytest.raises(ContentError) as info:
        load_file(spec)
    assert [str(p) for p in info.value.problems] == [
        f"{spec}:4: page.titel: unknown field; did you mean 'title'?"
    ]
