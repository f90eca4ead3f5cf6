"""Realistic, deterministic articles for the benchmarks.

    python benchmarks/articles.py                      # print article 0 (our format)
    python benchmarks/articles.py --pages 2000 --out /tmp/content [--flavour ours|pelican|hugo]

The vocabulary is real: a word-bigram model (a Markov chain over words, with
sentence start and end states) trained on the English prose bundled with the
repository: the bodies, descriptions, key points and FAQ of `content/` and of
the imported drafts in `tests/fixtures/drafts/*.expected.md`. Headings, FAQ
questions and sentences each have their own chain.

Each article has, like the machine-written drafts the tool is built for:

* front matter: title, description, slug, keyphrase, date and a `faq` list of
  3 to 5 questions (the content model's field; rendered as the visible FAQ);
* an intro, 4 to 6 `##` sections, 2 to 4 `###` subsections, one GFM table,
  one bullet list and one numbered list;
* bold, italic, links and code spans in the prose;
* between 1,000 and 1,060 words, counted as `count_words` counts them: the
  words of the body (prose, headings, table cells, list items) and of the FAQ
  questions and answers, without markup; the title and description are not
  counted.

Everything comes from one `random.Random(seed)` drawn in order, so the output
depends only on (seed, index): `generate(200)` is the first 200 articles of
`generate(2000)`, byte for byte, on every machine and Python 3.11+. Titles
(and so slugs) are unique within a run.

The same article is written in three flavours: ours (YAML front matter with
the `faq` list), Pelican's (`Key: value` metadata; the FAQ as a `##` section
of the body, since Pelican has no FAQ field) and Hugo's (YAML front matter;
the minimal layout renders `.Params.faq`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261201
MIN_WORDS, MAX_WORDS = 1000, 1060

START, END = "\x02", "\x03"
_WORD = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from has have how if in into is "
    "it its may more most of on or our so such than that the their them then there "
    "these they this those to up was what when which while who why will with you "
    "your not also each other one some many much very after before about over all "
    "any own same should could would been being were we us he she his her i me my "
    "only just both between through during under out off again further once here "
    "where because until against above below down too few nor own s t don now".split()
)


# --- corpus -----------------------------------------------------------------


def corpus_files(root: Path = ROOT) -> list[Path]:
    """The English content files the model is trained on, in a fixed order."""
    files = sorted((root / "content").glob("*.md"))
    files += sorted((root / "content").glob("*.yaml"))
    files += sorted((root / "tests" / "fixtures" / "drafts").glob("*.expected.md"))
    return files


def _load(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        data = yaml.safe_load(front) or {}
        data["body"] = body
        return data
    return yaml.safe_load(text) or {}


def _plain(markdown: str) -> tuple[list[str], list[str]]:
    """Prose paragraphs and headings of a Markdown body, markup removed."""
    paragraphs: list[str] = []
    headings: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or line.startswith(("|", "![", "```", "<")):
            flush()
            continue
        if line.startswith("#"):
            flush()
            headings.append(_clean(line.lstrip("#").strip()))
            continue
        if _LIST_MARKER.match(line):
            flush()
            paragraphs.append(_clean(_LIST_MARKER.sub("", line)))
            continue
        current.append(_clean(line))
    flush()
    return paragraphs, headings


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    return text.replace("**", "").replace("`", "").replace("*", "").replace("_", " ")


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(paragraph) if s.strip()]


@dataclass
class Corpus:
    sentences: list[list[str]]
    questions: list[list[str]]
    headings: list[list[str]]


def load_corpus(root: Path = ROOT) -> Corpus:
    """Sentences, questions and headings of the training files, tokenised."""
    sentences: list[list[str]] = []
    questions: list[list[str]] = []
    headings: list[list[str]] = []
    for path in corpus_files(root):
        data = _load(path)
        if data.get("lang", "en") != "en":
            continue
        paragraphs, heads = _plain(str(data.get("body", "")))
        for key in ("description",):
            if isinstance(data.get(key), str):
                paragraphs.append(_clean(str(data[key])))
        for point in data.get("key_points") or []:  # type: ignore[attr-defined]
            paragraphs.append(_clean(str(point)))
        for item in data.get("faq") or []:  # type: ignore[attr-defined]
            questions.append(_clean(str(item["question"])).split())
            paragraphs.append(_clean(str(item["answer"])))
        headings += [h.split() for h in heads if h]
        headings.append(_clean(str(data.get("title", ""))).split())
        for paragraph in paragraphs:
            for sentence in _sentences(paragraph):
                words = sentence.split()
                if len(words) < 3:
                    continue
                (questions if sentence.endswith("?") else sentences).append(words)
    return Corpus(sentences, questions, [h for h in headings if h])


# --- the bigram model -------------------------------------------------------


class Bigram:
    """A word-bigram chain: each word's successors with their frequencies."""

    def __init__(self, sequences: Sequence[Sequence[str]], strip_end: str = ".!?"):
        self.next: dict[str, list[str]] = {}
        for seq in sequences:
            words = list(seq)
            words[-1] = words[-1].rstrip(strip_end) or words[-1]
            previous = START
            for word in [*words, END]:
                self.next.setdefault(previous, []).append(word)
                previous = word
        self.words = sorted(w for w in self.next if w not in (START, END))

    def walk(
        self, rng: random.Random, low: int, high: int, tries: int = 40
    ) -> list[str]:
        """A chain of `low` to `high` words (the closest try, cut to `high`)."""
        best: list[str] = []
        for _ in range(tries):
            out: list[str] = []
            word = START
            while len(out) <= high:
                word = rng.choice(self.next.get(word) or [END])
                if word == END:
                    break
                out.append(word)
            if low <= len(out) <= high:
                return out
            if not best or abs(len(out) - high) < abs(len(best) - high):
                best = out
        return best[:high] if len(best) >= low else (best + ["today"] * low)[:low]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _sentence(words: list[str], end: str = ".") -> str:
    text = " ".join(words).rstrip(",;:—-– ")
    return _cap(text) + end


def _title_case(words: list[str]) -> str:
    small = {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
    }
    out = []
    for i, w in enumerate(words):
        out.append(w if (i and w.lower() in small) or w[:1].isupper() else _cap(w))
    return " ".join(out).rstrip(",;:.—-– ")


def slugify(text: str) -> str:
    """ASCII slug: lower case, words joined by hyphens (what the peers accept)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:70].rstrip("-")


def count_words(text: str) -> int:
    """Words of plain text: whitespace-separated tokens holding a letter or digit."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


# --- articles ---------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    index: int
    title: str
    slug: str
    description: str
    keyphrase: str
    date: dt.date
    body: str  # Markdown: intro, ##/### sections, table, lists, inline markup
    faq: tuple[tuple[str, str], ...]
    words: int  # body + FAQ, markup excluded (see count_words)


class Generator:
    """Draws articles one after another from a seeded random stream."""

    def __init__(self, seed: int = SEED, root: Path = ROOT):
        corpus = load_corpus(root)
        self.rng = random.Random(seed)
        self.prose = Bigram(corpus.sentences)
        self.questions = Bigram(corpus.questions)
        self.headings = Bigram(corpus.headings, strip_end=".:")
        self.keyphrases = _keyphrases(corpus.sentences)
        self.titles: set[str] = set()
        self.slugs: list[str] = []
        self.slug_set: set[str] = set()
        self.index = 0
        self.pool: dict[int, list[list[str]]] = {}

    # small pieces

    def _heading(self, seen: set[str]) -> str:
        for _ in range(30):
            text = _title_case(self.headings.walk(self.rng, 3, 8))
            if text.lower() not in seen:
                seen.add(text.lower())
                return text
        text = f"{text} {len(seen) + 1}"
        seen.add(text.lower())
        return text

    def _sentence_words(self, low: int = 6, high: int = 30) -> list[str]:
        """A sentence of `low` to `high` words, from the pool if it has one."""
        lengths = [n for n in range(low, high + 1) if self.pool.get(n)]
        if lengths:
            return self.pool[self.rng.choice(lengths)].pop()
        return self.prose.walk(self.rng, low, high)

    def _sentence_of(self, n: int) -> list[str]:
        """A sentence of exactly `n` words (6 <= n <= 30): walks are pooled by
        length until one of `n` words comes up, and the others are used later."""
        for _ in range(12):
            if self.pool.get(n):
                return self.pool[n].pop()
            words = self.prose.walk(self.rng, 6, 30)
            self.pool.setdefault(len(words), []).append(words)
        # A rare length: cut the shortest longer sentence (keeps the pool small).
        longer = [k for k, v in self.pool.items() if v and k > n]
        if longer:
            return self.pool[min(longer)].pop()[:n]
        return self.prose.walk(self.rng, n, n)

    def _inline(self, words: list[str]) -> list[str]:
        """Put bold, italic, a link or a code span on a few plain words."""
        rng = self.rng
        words = [_cap(words[0]), *words[1:]] if words else []
        for kind, p in (("bold", 0.35), ("italic", 0.3), ("link", 0.3), ("code", 0.12)):
            if rng.random() >= p or len(words) < 4:
                continue
            span = 1 if kind in ("italic", "code") else rng.randint(2, 3)
            for _ in range(8):
                i = rng.randrange(0, len(words) - span + 1)
                chunk = words[i : i + span]
                if all(_WORD.match(w) for w in chunk):
                    text = " ".join(chunk)
                    if kind == "bold":
                        text = f"**{text}**"
                    elif kind == "italic":
                        text = f"*{text}*"
                    elif kind == "code":
                        text = f"`{text}`"
                    else:
                        target = (
                            f"/{rng.choice(self.slugs)}/"
                            if self.slugs and rng.random() < 0.7
                            else f"https://www.example.org/{slugify(text)}"
                        )
                        text = f"[{text}]({target})"
                    words[i : i + span] = [text]
                    break
        return words

    def _paragraph(self, budget: int) -> tuple[str, int]:
        """Whole sentences of exactly `budget` words in all (`budget` >= 6)."""
        sentences: list[str] = []
        left = budget
        while left > 0:
            if left <= 30:  # the last sentence: exactly the words left
                words = self._sentence_of(left)
            else:  # never leave fewer than 6 words for the last one
                words = self._sentence_words(6, min(30, left - 6))
            left -= len(words)
            sentences.append(_sentence(self._inline(words)))
        return " ".join(sentences), budget

    def _phrase(self, low: int, high: int) -> str:
        words = self.prose.walk(self.rng, 1, 30)[: self.rng.randint(low, high)]
        return _cap(" ".join(words).rstrip(",;:.—-– "))

    # the article

    def article(self) -> Article:
        rng = self.rng
        index = self.index
        self.index += 1
        keyphrase = rng.choice(self.keyphrases)
        title = ""
        for attempt in range(50):
            head = _title_case(self.headings.walk(rng, 2, 6))
            pattern = rng.randrange(3)
            if pattern == 0:
                title = f"{_title_case(keyphrase.split())}: {head}"
            elif pattern == 1:
                title = f"{head} and {_title_case(keyphrase.split())}"
            else:
                title = f"{head}: A Guide to {_title_case(keyphrase.split())}"
            if attempt == 49:
                title = f"{title} ({index})"
            if title.lower() not in self.titles and len(title) <= 70:
                break
        self.titles.add(title.lower())
        slug = slugify(title)
        if slug in self.slug_set:
            slug = f"{slug}-{index}"

        description = f"{_cap(keyphrase)}: " + " ".join(self._sentence_words(8, 18))
        description = description.rstrip(",;:.—-– ") + "."
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2500))

        faq = []
        for _ in range(rng.randint(3, 5)):
            question = _sentence(self.questions.walk(rng, 5, 14), "?")
            answer = " ".join(
                _sentence(self._inline(self._sentence_words(6, 24)))
                for _ in range(rng.randint(1, 3))
            )
            faq.append((question, answer))

        # The plan: an intro, then H2 sections, some with H3 subsections.
        seen: set[str] = {"frequently asked questions", "faq"}
        n_h2 = rng.randint(4, 6)
        h3_at = sorted(rng.sample(range(n_h2), 2))
        plan: list[tuple[int, str]] = [(0, "")]  # (level, heading); 0: intro
        for s in range(n_h2):
            plan.append((2, self._heading(seen)))
            if s in h3_at:
                for _ in range(rng.randint(1, 2)):
                    plan.append((3, self._heading(seen)))
        slots = len(plan)
        table_at, bullets_at, numbers_at = (rng.randrange(1, slots) for _ in range(3))

        extras: dict[int, list[str]] = {}
        fixed = sum(count_words(q) + count_words(_strip_md(a)) for q, a in faq)
        fixed += sum(count_words(h) for _, h in plan)

        columns = rng.randint(3, 4)
        header = [self._phrase(1, 2) for _ in range(columns)]
        rows = [
            [self._phrase(1, 5) for _ in range(columns)]
            for _ in range(rng.randint(3, 5))
        ]
        table = [
            "| " + " | ".join(header) + " |",
            "|" + " --- |" * columns,
            *("| " + " | ".join(r) + " |" for r in rows),
        ]
        fixed += sum(count_words(c) for c in header) + sum(
            count_words(c) for r in rows for c in r
        )
        extras.setdefault(table_at, []).append("\n".join(table))
        for at, numbered in ((bullets_at, False), (numbers_at, True)):
            items = []
            for k in range(rng.randint(3, 5)):
                words = self._sentence_words(5, 16)
                fixed += len(words)
                marker = f"{k + 1}." if numbered else "-"
                items.append(f"{marker} {_sentence(self._inline(words))}")
            extras.setdefault(at, []).append("\n".join(items))

        target = rng.randint(MIN_WORDS, MAX_WORDS)
        prose = max(target - fixed, 40 * slots)
        n_paragraphs = max(slots, round(prose / 80))
        owners = list(range(slots)) + sorted(
            rng.randrange(slots) for _ in range(n_paragraphs - slots)
        )
        owners.sort()
        weights = [rng.uniform(0.6, 1.4) for _ in owners]
        budgets = [max(20, int(prose * w / sum(weights))) for w in weights]
        budgets[-1] += prose - sum(budgets)

        blocks: list[str] = []
        words_total = fixed
        for slot, (level, heading) in enumerate(plan):
            if level:
                blocks.append(f"{'#' * level} {heading}")
            mine = [b for o, b in zip(owners, budgets, strict=True) if o == slot]
            for k, budget in enumerate(mine):
                text, n = self._paragraph(budget)
                words_total += n
                blocks.append(text)
                if k == 0 and slot in extras:
                    blocks.extend(extras.pop(slot))
            blocks.extend(extras.pop(slot, []))
        body = "\n\n".join(blocks) + "\n"
        self.slugs.append(slug)
        self.slug_set.add(slug)
        return Article(
            index,
            title,
            slug,
            description,
            keyphrase,
            date,
            body,
            tuple(faq),
            words_total,
        )


def _keyphrases(sentences: list[list[str]]) -> list[str]:
    """Two-word phrases of content words that occur at least twice, by frequency."""
    counts: dict[str, int] = {}
    for words in sentences:
        low = [w.lower().strip(".,;:!?()“”\"'") for w in words]
        for a, b in itertools.pairwise(low):
            if (
                _WORD.match(a)
                and _WORD.match(b)
                and a not in STOPWORDS
                and b not in STOPWORDS
                and len(a) > 2
                and len(b) > 2
            ):
                counts[f"{a} {b}"] = counts.get(f"{a} {b}", 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, c in ranked if c >= 2][:200]


def _strip_md(text: str) -> str:
    """Plain text of inline Markdown (for counting words)."""
    return _clean(text)


def generate(n: int, seed: int = SEED, root: Path = ROOT) -> Iterator[Article]:
    """The first `n` articles of the stream for `seed`."""
    generator = Generator(seed, root)
    for _ in range(n):
        yield generator.article()


def plain_words(article: Article) -> int:
    """Recount the words of an article from its Markdown (the generator's count)."""
    total = 0
    for line in article.body.splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"\|( --- \|)+", line):
            continue
        line = re.sub(r"^#{2,3} ", "", line)
        line = _LIST_MARKER.sub("", line)
        total += count_words(_clean(line).replace("|", " "))
    for question, answer in article.faq:
        total += count_words(question) + count_words(_clean(answer))
    return total


# --- the three flavours -----------------------------------------------------


def _yaml(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def to_ours(article: Article) -> str:
    """Our content format: YAML front matter with the `faq` list."""
    front = {
        "title": article.title,
        "description": article.description,
        "slug": article.slug,
        "keyphrase": article.keyphrase,
        "date": article.date,
        "faq": [{"question": q, "answer": a} for q, a in article.faq],
    }
    return f"---\n{_yaml(front)}---\n{article.body}"


def to_hugo(article: Article) -> str:
    """Hugo: the same YAML front matter (`faq` is read by the layout as a param)."""
    return to_ours(article)


def to_pelican(article: Article) -> str:
    """Pelican's Markdown metadata; the FAQ becomes the last section of the body."""
    meta = [
        f"Title: {article.title}",
        f"Date: {article.date.isoformat()}",
        f"Slug: {article.slug}",
        f"Summary: {article.description}",
        f"Keyphrase: {article.keyphrase}",
    ]
    faq = ["## Frequently Asked Questions"]
    for question, answer in article.faq:
        faq += [f"### {question}", answer]
    return "\n".join(meta) + "\n\n" + article.body + "\n" + "\n\n".join(faq) + "\n"


FLAVOURS = {"ours": to_ours, "pelican": to_pelican, "hugo": to_hugo}


def write(articles: Sequence[Article], folder: Path, flavour: str = "ours") -> None:
    """Write articles as `article-00000.md`… in `folder` (created if need be)."""
    render = FLAVOURS[flavour]
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"article-{article.index:05d}.md").write_text(
            render(article), encoding="utf-8"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Print one article, or write N of them to a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="folder to write to (default: print)")
    parser.add_argument("--flavour", choices=sorted(FLAVOURS), default="ours")
    args = parser.parse_args(argv)
    articles = list(generate(args.pages, args.seed))
    if args.out is None:
        for article in articles:
            sys.stdout.write(FLAVOURS[args.flavour](article))
        return
    write(articles, args.out, args.flavour)
    words = [a.words for a in articles]
    print(
        f"{len(articles)} articles in {args.out}: {min(words)}–{max(words)} words, "
        f"mean {sum(words) / len(words):.0f}"
    )


if __name__ == "__main__":
    main()
