"""Property: any content file either loads or is refused with one-line
`file:line: field: message` problems — never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ContentError
from pipeline.sources import load_articles

FRAGMENTS = [
    "---\n", "+++\n", "\n", "title: T\n", "Title: T\n", 'title = "T"\n',
    "&a ", "*a", "[", "]", "{", "}", ": ", "- ", '"', "'", "\x00", "\x07",
    "2024-02-30", "9" * 4400, "NaN", "-Infinity", "1e400", ".nan", ".inf",
    "!!binary /w==", "!!python/object:os.system", "? ", "|\n", ">\n", "\t",
    "%YAML 1.1\n", "<<: *a\n", "date = 2020-01-01T00:00:00Z\n", "[a]\n",
    "slug: ", "Ελληνικά", "中文", "\ufeff", "0x1F", "1_000", "~", "null",
    "faq:\n  - question: q\n    answer: a\n", "layout: post\n", "draft: true\n",
    '{"title": "T", "body": "b"}', ',"title":"x"', "\\u0000", "title,body\n",
    'A,"open\n', "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u,x\n",
]  # fmt: skip

SUFFIXES = [".md", ".yaml", ".json", ".jsonl", ".csv"]


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25),
    suffix=st.sampled_from(SUFFIXES),
)
def test_content_loads_or_is_refused_in_one_line(parts: list[str], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_text("".join(parts), encoding="utf-8")
        try:
            load_articles(path)
        except ContentError as exc:
            assert exc.problems
            for problem in exc.problems:
                text = str(problem)
                assert text.startswith(str(path)), text
                assert "\n" not in text, text
