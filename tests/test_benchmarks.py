"""The benchmark's article generator: deterministic, and what it promises.

No timing here: the benchmarks measure speed (benchmarks/bench_build.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.sources import load_article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import articles

N = 8


@pytest.fixture(scope="module")
def generated() -> list[articles.Article]:
    return list(articles.generate(N))


def test_same_seed_same_articles_and_a_prefix_of_a_longer_run(
    generated: list[articles.Article],
) -> None:
    again = list(articles.generate(N))
    assert [articles.to_ours(a) for a in again] == [
        articles.to_ours(a) for a in generated
    ]
    assert list(articles.generate(3)) == generated[:3]
    other = list(articles.generate(3, seed=articles.SEED + 1))
    assert [a.body for a in other] != [a.body for a in generated[:3]]


def test_words_headings_table_lists_inline_markup_and_faq(
    generated: list[articles.Article],
) -> None:
    for a in generated:
        assert articles.MIN_WORDS <= a.words <= articles.MAX_WORDS
        assert articles.plain_words(a) == a.words
        body = a.body
        assert not re.search(r"^# ", body, re.M)  # the title is the only H1
        assert len(re.findall(r"^## ", body, re.M)) >= 4
        assert len(re.findall(r"^### ", body, re.M)) >= 2
        assert re.search(r"^\|( --- \|){3,4}$", body, re.M)  # one GFM table
        assert re.search(r"^- \S", body, re.M) and re.search(r"^1\. \S", body, re.M)
        assert re.search(r"\*\*\w[^*]*\*\*", body)  # bold
        assert re.search(r"(?<!\*)\*\w[^*]*\*(?!\*)", body)  # italic
        assert re.search(r"\[[^\]]+\]\((/|https://)[^)]+\)", body)  # link
        assert re.search(r"`[^`]+`", body)  # code span
        assert 3 <= len(a.faq) <= 5
        assert all(q.endswith("?") and ans for q, ans in a.faq)
    assert len({a.title for a in generated}) == N
    assert len({a.slug for a in generated}) == N


def test_the_three_formats(generated: list[articles.Article], tmp_path: Path) -> None:
    a = generated[0]
    _, front, body = articles.to_ours(a).split("---\n", 2)
    meta = yaml.safe_load(front)
    assert {"title", "description", "keyphrase", "date", "faq"} <= meta.keys()
    assert meta["faq"][0] == {"question": a.faq[0][0], "answer": a.faq[0][1]}
    assert body == a.body
    assert articles.to_hugo(a).startswith("---\ntitle:")
    pelican = articles.to_pelican(a)
    assert pelican.startswith(f"Title: {a.title}\nDate: {a.date.isoformat()}\n")
    assert "## Frequently Asked Questions" in pelican and a.faq[-1][0] in pelican

    articles.write(generated[:3], tmp_path, "ours")
    files = sorted(tmp_path.glob("*.md"))
    assert [f.name for f in files] == [f"article-0000{i}.md" for i in range(3)]
    for path, expected in zip(files, generated[:3], strict=True):
        loaded = load_article(path)  # valid content for the tool, no error
        assert loaded.article.title == expected.title
