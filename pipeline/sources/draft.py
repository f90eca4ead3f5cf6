"""IMPORT plain-text drafts: text → `ImportResult` (front matter + Markdown body).

Recognises, with or without Markdown markup: the title (first line), the
intro, a key-points list, section headings (H2/H3 decided by structure), pipe
tables, FAQ blocks, labelled metadata lines (meta description with its claimed
length, slug, keyphrase, author, dates, language) and editor notes. Every line
ends up in the front matter, the body, or `unplaced`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.errors import ContentError, Problem
from pipeline.mdrender import slugify
from pipeline.models import LANG_RE, SLUG_RE
from pipeline.sources.imported import ImportResult, gfm_table, plural, tables_summary

# --- line patterns -------------------------------------------------------------

KEY_POINTS_RE = re.compile(
    r"(?:key (?:points|takeaways|facts)|takeaways|summary|tl;?\s?dr|at a glance|"
    r"in (?:short|brief)|puntos clave|points clés|l'essentiel|auf einen blick|"
    r"das wichtigste(?: in kürze)?|punti chiave|pontos-chave|kernpunten)",
    re.IGNORECASE,
)
FAQ_RE = re.compile(
    r"(?:faqs?|frequently asked questions(?: \(faqs?\))?|common questions|"
    r"questions and answers|q ?& ?a|preguntas frecuentes|foire aux questions|"
    r"questions fréquentes|häufig gestellte fragen|häufige fragen|domande frequenti|"
    r"perguntas frequentes|veelgestelde vragen)",
    re.IGNORECASE,
)
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
LIST_RE = re.compile(r"^(\s*)(?:([-*])\s+|(•)\s*|(\d{1,3})[.)]\s+)(?=\S)(.*)$")
STRONG_RE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1\s*(?P<colon>:?)$")
HR_RE = re.compile(r"^(?:([-*_])\s*)(?:\1\s*){2,}$")
SEPARATOR_CELL_RE = re.compile(r"^:?-+:?$")
LABEL_RE = re.compile(
    r"^[*_]{0,2}(?P<label>[^\W\d_][\w' /&-]{0,40}?)\s*(?:\((?P<n>\d+)\s*(?:char\w*|zeichen|caracteres|caractères|caratteri|tekens)\))?"
    r"\s*[*_]{0,2}\s*[:：]\s*[*_]{0,2}\s*(?P<value>.*)$"
)
CLAIMED_RE = re.compile(
    r"\s*(?:[(\[]\s*(?P<a>\d+)\s*(?:characters?|chars?|zeichen|caracteres|caractères|caratteri|tekens)\s*[)\]]|"
    r"[-–—]\s*(?P<b>\d+)\s*(?:characters?|chars?|zeichen|caracteres|caractères|caratteri|tekens))\s*\.?$",
    re.IGNORECASE,
)
BY_RE = re.compile(r"^(?i:by|written by|von|par|por|di)\s+(?P<name>[\w .'-]{2,60})$")
QUOTES_OPEN = "\"'“”„«‘‚"
QUOTES_CLOSE = "\"'”“»’‘"
TERMINAL = ".!?:;,…。！？"
CLOSERS = "\"'”’)]»*_"

# Labels of metadata lines → front-matter field (None: an editor note, not content).
LABELS: dict[str, str | None] = {
    "title": "title",
    "meta description": "description",
    "description": "description",
    "slug": "slug",
    "url slug": "slug",
    "url": "slug",
    "keyphrase": "keyphrase",
    "focus keyphrase": "keyphrase",
    "focus keyword": "keyphrase",
    "primary keyword": "keyphrase",
    "target keyword": "keyphrase",
    "keyword": "keyphrase",
    "author": "author",
    "written by": "author",
    "date": "date",
    "published": "date",
    "publication date": "date",
    "updated": "updated",
    "last updated": "updated",
    "language": "lang",
    "lang": "lang",
    "tl;dr": "key_points",
    "tldr": "key_points",
    "question": "question",
    "q": "question",
    "answer": "answer",
    "a": "answer",
    "word count": None,
    "seo title": None,
    "title tag": None,
    "meta title": None,
    "tags": None,
    "category": None,
    "categories": None,
    "image": None,
    "image prompt": None,
    "featured image": None,
    "alt text": None,
    "internal links": None,
    "external links": None,
    "reading time": None,
    "target audience": None,
    "tone": None,
    "note to editor": None,
    "editor's note": None,
}
LABEL_NOISE_RE = re.compile(
    r"\b(?:suggested|suggestion|recommended|proposed|proposal)\b", re.I
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _set("the and of is that with for are this can which from"),
    "de": _set("der die und das ist nicht mit den von ein eine auch sich wird"),
    "fr": _set("le les et des est une du pour qui dans pas sont avec au"),
    "es": _set("el los las y que es una por para con del se como pero"),
    "it": _set("il gli e di che è per una non con della sono anche nel"),
    "pt": _set("o os e que é em um uma para com não do da são"),
    "nl": _set("het een en van is dat niet op te zijn met voor ook worden"),
}
HEADING_STOP = _set(
    "the and for with their its your how what why when who which from into about "
    "than und der die das den des von mit für les des une pour avec los las del "
    "por para con della per che een het van voor"
)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of draft lines with one role candidate.

    kind: text | heading | strong | list | table | raw | hr | label | answer | question
    """

    kind: str
    line: int
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    field: str | None = None
    claimed: int | None = None
    nlines: int = 1
    blank_after: bool = False


@dataclass
class _Draft:
    """Mutable working state of one parse (local to `parse_draft`)."""

    front: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    metadata: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    faq: list[dict[str, str]] = field(default_factory=list)


def decode_text(data: bytes, source: str = "-") -> str:
    """UTF-8 (with or without BOM) → text with `\\n` line endings."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(source, line, None, "not valid UTF-8")]) from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR into LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_draft(text: str, source: str) -> ImportResult:
    """Recognise the parts of a plain-text (or light Markdown) draft."""
    lines = [line.rstrip() for line in normalise_newlines(text).split("\n")]
    blocks = split_blocks(lines)
    if not blocks:
        raise ContentError([Problem(source, 1, "title", "the draft is empty")])
    draft = _Draft()
    title_block, rest = _take_title(blocks, source)
    draft.front["title"] = title_block.text
    draft.recognised.append("title")
    content = [b for b in rest if not _take_label(draft, b)]
    body = _structure(draft, content)
    _finish_front(draft, body)
    return ImportResult(
        front_matter=draft.front,
        body=body,
        recognised=[*draft.recognised, *draft.metadata],
        unplaced=draft.unplaced,
    )


# --- lines → blocks ------------------------------------------------------------


def split_blocks(lines: Sequence[str]) -> list[Block]:
    """Group lines into blocks: paragraphs, headings, lists, tables, labels…"""
    wrapped = _is_wrapped(lines)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped:
            if blocks:
                blocks[-1] = replace(blocks[-1], blank_after=True)
            i += 1
            continue
        block, i = _next_block(lines, i, wrapped, title=not blocks)
        blocks.append(block)
    return blocks


def _next_block(
    lines: Sequence[str], i: int, wrapped: bool, title: bool
) -> tuple[Block, int]:
    line, stripped, no = lines[i], lines[i].strip(), i + 1
    if stripped.startswith(("```", "~~~")):
        end = next(
            (
                j
                for j in range(i + 1, len(lines))
                if lines[j].strip().startswith(stripped[:3])
            ),
            len(lines) - 1,
        )
        return Block("raw", no, "\n".join(lines[i : end + 1])), end + 1
    if "|" in stripped:
        table = _table_at(lines, i)
        if table is not None:
            rows, end = table
            return Block("table", no, rows=rows, nlines=end - i), end
    if m := MD_HEADING_RE.match(stripped):
        return Block("heading", no, _unbold(m[2]), level=len(m[1])), i + 1
    if HR_RE.match(stripped):
        return Block("hr", no), i + 1
    if stripped.startswith("+"):
        return Block("answer", no, stripped[1:].strip()), i + 1
    if LIST_RE.match(line):
        return _list_at(lines, i)
    if stripped.startswith(">"):
        end = i
        while end < len(lines) and lines[end].strip().startswith(">"):
            end += 1
        return Block("raw", no, "\n".join(lines[i:end]), nlines=end - i), end
    if label := _label(stripped, lines, i):
        return label
    if m := STRONG_RE.match(stripped):
        return Block("strong", no, m["text"].strip() + m["colon"]), i + 1
    end = i + 1
    while (  # the title is the first line alone
        not title
        and end < len(lines)
        and _continues(lines[end - 1], lines[end], wrapped)
    ):
        end += 1
    text = " ".join(s.strip() for s in lines[i:end])
    return Block("text", no, text, nlines=end - i), end


def _continues(prev: str, nxt: str, wrapped: bool) -> bool:
    """Whether `nxt` continues the paragraph of `prev` (hard-wrapped prose)."""
    s = nxt.strip()
    if not s or _structural(nxt):
        return False
    if _ends_question(prev):
        return False
    if wrapped:
        return True
    return not _ends_sentence(prev) and s[0].islower()


def _structural(line: str) -> bool:
    s = line.strip()
    return bool(
        s.startswith(("#", "+", ">", "|", "```", "~~~"))
        or LIST_RE.match(line)
        or HR_RE.match(s)
        or STRONG_RE.match(s)
        or ("|" in s and s.count("|") >= 2)
        or _label_kind(s) is not None
    )


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Hard-wrapped prose: short lines, some of which break mid-sentence."""
    prose = [s for s in lines if s.strip() and not _structural(s)]
    if len(prose) < 3 or max(len(s) for s in prose) > 100:
        return False
    return any(
        not _ends_sentence(a) and b.strip()[:1].islower() and not _structural(b)
        for a, b in itertools.pairwise(lines)
        if a.strip() and not _structural(a)
    )


def _table_at(
    lines: Sequence[str], i: int
) -> tuple[tuple[tuple[str, ...], ...], int] | None:
    """A pipe table starting at line `i`: (rows without separators, end index)."""
    end = i
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        end += 1
    raw = [_cells(lines[j]) for j in range(i, end)]
    separators = [all(SEPARATOR_CELL_RE.match(c) for c in row) for row in raw]
    rows = tuple(tuple(r) for r, sep in zip(raw, separators, strict=True) if not sep)
    if not rows or (end - i < 2):
        return None
    widths = {len(r) for r in rows}
    if any(separators) or (
        len(rows) >= 2 and max(widths) - min(widths) <= 1 and min(widths) >= 2
    ):
        return rows, end
    return None


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s.removeprefix("|")
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def _list_at(lines: Sequence[str], i: int) -> tuple[Block, int]:
    """Consecutive list items (`-`, `*`, `•`, `1.`), with indented continuations."""
    items: list[str] = []
    end = i
    while end < len(lines):
        line = lines[end]
        m = LIST_RE.match(line)
        if m:
            indent = "  " * (len(m[1].expandtabs(4)) // 2)
            marker = f"{m[4]}." if m[4] else "-"
            items.append(f"{indent}{marker} {m[5].strip()}")
        elif line.strip() and line[:1].isspace() and items:
            items[-1] += " " + line.strip()
        else:
            break
        end += 1
    return Block("list", i + 1, items=tuple(items), nlines=end - i), end


def _label_kind(stripped: str) -> str | None:
    """The canonical label of a `Label: value` metadata line, if it is one."""
    m = LABEL_RE.match(stripped)
    if not m:
        return None
    label = LABEL_NOISE_RE.sub("", m["label"].replace("-", " ")).strip().lower()
    label = re.sub(r"\s+", " ", label)
    if label in LABELS:
        return label
    if re.fullmatch(r"q\d+", label):
        return "q"
    if re.fullmatch(r"a\d+", label):
        return "a"
    return None


def _label(stripped: str, lines: Sequence[str], i: int) -> tuple[Block, int] | None:
    """A labelled line (meta description, slug, Q:/A:, editor note…) as a block."""
    label = _label_kind(stripped)
    m = LABEL_RE.match(stripped)
    if label is None or m is None:
        return None
    target = LABELS[label]
    value, end = m["value"].strip(), i + 1
    if not value and target not in ("question", "answer"):
        # The value may sit on the next non-blank line.
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and not _structural(lines[j]):
            value, end = lines[j].strip(), j + 1
    value = value.strip("*_ ").strip()
    if target is None:
        return Block("label", i + 1, stripped), i + 1
    if target == "key_points" and not value:
        return None  # a "TL;DR:" heading over a list, not a one-line summary
    if target == "question":
        return Block("question", i + 1, value), end
    if target == "answer":
        return Block("answer", i + 1, value), end
    claimed = int(m["n"]) if m["n"] else None
    if target == "description":
        value, trailing = _split_claim(value)
        claimed = trailing if trailing is not None else claimed
        value = _unquote(value)
    return Block(
        "label", i + 1, value, field=target, claimed=claimed, nlines=end - i
    ), end


def _split_claim(value: str) -> tuple[str, int | None]:
    m = CLAIMED_RE.search(value)
    if not m:
        return value, None
    return value[: m.start()].strip(), int(m["a"] or m["b"])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] in QUOTES_OPEN and value[-1] in QUOTES_CLOSE:
        return value[1:-1].strip()
    return value


def _unbold(text: str) -> str:
    m = STRONG_RE.match(text.strip())
    return m["text"].strip() + m["colon"] if m else text.strip()


# --- blocks → roles ------------------------------------------------------------


def _take_title(blocks: list[Block], source: str) -> tuple[Block, list[Block]]:
    """The first line is the title (`# Title`, `**Title**`, `Title: …` or plain)."""
    titled = next((b for b in blocks if b.kind == "label" and b.field == "title"), None)
    first = blocks[0]
    if titled is not None:
        return titled, [b for b in blocks if b is not titled]
    if first.kind in ("text", "heading", "strong") and first.text:
        return replace(first, text=first.text.rstrip(":")), blocks[1:]
    message = f"the first line must be the title (found a {first.kind})"
    raise ContentError([Problem(source, first.line, "title", message)])


def _take_label(draft: _Draft, block: Block) -> bool:
    """Move a metadata line into the front matter; True when consumed."""
    if block.kind != "label":
        return False
    target, value = block.field, block.text
    if target is None:
        draft.unplaced.append((block.line, value))
        return True
    parsed = _parse_value(target, value) if value else None
    if target == "key_points" and parsed is not None:
        draft.key_points.append(value)
        return True
    if parsed is None or target in draft.front:
        draft.unplaced.append((block.line, value or f"empty {target}"))
        return True
    draft.front[target] = parsed
    if target == "description":
        claim = f", claimed {block.claimed}" if block.claimed is not None else ""
        draft.metadata.append(f"meta description ({len(value)} chars{claim})")
        if block.claimed is not None:
            draft.front["description_claimed_length"] = block.claimed
    else:
        draft.metadata.append(f"{target}: {value}")
    return True


def _parse_value(target: str, value: str) -> Any:
    """A metadata value in the type the model wants, or None if it does not fit."""
    if target in ("date", "updated"):
        return _parse_date(value)
    if target == "slug":
        candidate = value.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
        return candidate if SLUG_RE.match(candidate) else (slugify(candidate) or None)
    if target == "lang":
        return value if LANG_RE.match(value) else None
    if target == "author":
        return {"name": value}
    return value


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
    if m:
        try:
            return dt.date.fromisoformat(m[1])
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _structure(draft: _Draft, blocks: list[Block]) -> str:
    """Key points, FAQ, headings and body of the content blocks → Markdown body."""
    blocks = _take_byline(draft, blocks)
    used: set[int] = set()
    _key_points(draft, blocks, used)
    _faq(draft, blocks, used)
    rest = [b for i, b in enumerate(blocks) if i not in used]
    levels = _heading_levels(draft, rest)
    return _render(draft, rest, levels)


def _take_byline(draft: _Draft, blocks: list[Block]) -> list[Block]:
    first = blocks[0] if blocks else None
    m = BY_RE.match(first.text) if first and first.kind == "text" else None
    capitalised = m is not None and all(w[0].isupper() for w in m["name"].split())
    if m is None or not capitalised or "author" in draft.front:
        return blocks
    draft.front["author"] = {"name": m["name"].strip()}
    draft.metadata.append(f"author: {m['name'].strip()}")
    return blocks[1:]


def _heading_text(block: Block) -> str | None:
    if block.kind in ("heading", "strong", "text") and block.nlines == 1:
        return block.text.rstrip(":").strip()
    return None


def _key_points(draft: _Draft, blocks: list[Block], used: set[int]) -> None:
    for i, block in enumerate(blocks[:-1]):
        name = _heading_text(block)
        if name and KEY_POINTS_RE.fullmatch(name) and blocks[i + 1].kind == "list":
            draft.key_points.extend(_item_text(it) for it in blocks[i + 1].items)
            used.update((i, i + 1))


def _item_text(item: str) -> str:
    return re.sub(r"^\s*(?:-|\d+\.)\s+", "", item)


def _is_question(block: Block) -> bool:
    if block.kind == "question":
        return True
    text = _heading_text(block) if block.kind != "list" else None
    if block.kind == "list" and len(block.items) == 1:
        text = _item_text(block.items[0])
    if not text or not text.rstrip("*_").endswith("?") or len(text) > 250:
        return False
    # One question, not a paragraph that happens to end with one.
    return not re.search(r"[.!?]\s+\S", text.rstrip("*_")[:-1])


def _question_text(block: Block) -> str:
    text = _item_text(block.items[0]) if block.kind == "list" else block.text
    return _unbold(text)


def _answer_text(block: Block) -> str:
    if block.kind == "list":
        return " ".join(_item_text(it).strip() for it in block.items)
    return block.text


def _faq(draft: _Draft, blocks: list[Block], used: set[int]) -> None:
    """FAQ under an FAQ heading, and runs of question/answer pairs elsewhere."""
    for i, block in enumerate(blocks):
        name = _heading_text(block)
        if i not in used and name and FAQ_RE.fullmatch(name):
            used.add(i)
            _faq_section(draft, blocks, i, used)
    runs: list[list[tuple[int, int, bool]]] = []
    i = 0
    while i < len(blocks):
        pair = _pair_at(blocks, i, used)
        if pair is None:
            i += 1
            continue
        if runs and runs[-1][-1][1] == i:
            runs[-1].append(pair)
        else:
            runs.append([pair])
        i = pair[1]
    for run in runs:
        at_tail = all(j in used for j in range(run[-1][1], len(blocks)))
        if any(explicit for _, _, explicit in run) or (at_tail and len(run) >= 2):
            for start, end, _ in run:
                _add_faq(draft, blocks[start], blocks[start + 1 : end])
                used.update(range(start, end))


def _pair_at(
    blocks: list[Block], i: int, used: set[int]
) -> tuple[int, int, bool] | None:
    """A question at `i` with its answer blocks: (start, end, explicit markers)."""
    if i in used or not _is_question(blocks[i]):
        return None
    end = i + 1
    while end < len(blocks) and end not in used:
        b = blocks[end]
        if b.kind not in ("answer", "text", "list") or _is_question(b):
            break
        if b.kind != "answer" and _looks_heading(blocks, end, used):
            break
        end += 1
    if end == i + 1:
        return None
    explicit = blocks[i].kind == "question" or blocks[i + 1].kind == "answer"
    return i, end, explicit


def _faq_section(
    draft: _Draft, blocks: list[Block], start: int, used: set[int]
) -> None:
    top = blocks[start].level if blocks[start].kind == "heading" else 7
    question: Block | None = None
    answers: list[Block] = []
    seen_pair = False
    for j in range(start + 1, len(blocks)):
        b = blocks[j]
        if j in used:
            continue
        is_q = _is_question(b)
        ends = (b.kind == "heading" and b.level <= top and not is_q) or (
            seen_pair
            and not is_q
            and b.kind in ("strong", "text")
            and _looks_heading(blocks, j, used)
        )
        if ends or b.kind in ("table", "hr"):
            break
        used.add(j)
        if is_q:
            if question is not None:
                seen_pair |= _add_faq(draft, question, answers)
            question, answers = b, []
        elif question is None:
            draft.unplaced.append((b.line, _answer_text(b)))
        else:
            answers.append(b)
    if question is not None:
        _add_faq(draft, question, answers)


def _add_faq(draft: _Draft, question: Block, answers: list[Block]) -> bool:
    text = " ".join(_answer_text(a) for a in answers if _answer_text(a))
    if not text:
        draft.unplaced.append((question.line, _question_text(question)))
        return False
    draft.faq.append({"question": _question_text(question), "answer": text})
    return True


def _looks_heading(blocks: list[Block], i: int, used: set[int], depth: int = 0) -> bool:
    """A short line without terminal punctuation that is followed by body text
    (possibly through one or two more headings, as in H2 → H3 → text)."""
    b = blocks[i]
    if b.kind == "heading":
        return True
    if not _heading_shape(b) or depth > 2:
        return False
    nxt = next((j for j in range(i + 1, len(blocks)) if j not in used), None)
    if nxt is None:
        return False
    follow = blocks[nxt]
    if follow.kind in ("list", "table", "raw") or (
        follow.kind == "text" and not _heading_shape(follow)
    ):
        return True
    return _looks_heading(blocks, nxt, used, depth + 1)


def _heading_shape(b: Block) -> bool:
    """One short line, not starting lowercase, without terminal punctuation."""
    if b.kind not in ("text", "strong") or b.nlines > 1:
        return False
    text = b.text.rstrip(":") if b.kind == "strong" else b.text
    too_long = len(text) > 100 or len(text.split()) > 15
    return not (too_long or _ends_sentence(text) or text[0].islower())


def _ends_question(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith("?")


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def _heading_levels(draft: _Draft, blocks: list[Block]) -> dict[int, int]:
    """Index → heading level (2–6). Markdown levels are kept; plain ones inferred."""
    has_markdown = any(b.kind == "heading" for b in blocks)
    heads = [
        i
        for i, b in enumerate(blocks)
        if (b.kind in ("heading", "strong") or not has_markdown)
        and _looks_heading(blocks, i, set())
    ]
    explicit = [blocks[i].level for i in heads if blocks[i].kind == "heading"]
    offset = 2 - min(explicit) if explicit else 0
    title_words = _words(str(draft.front["title"]))
    levels: dict[int, int] = {}
    parent: int | None = None
    for n, i in enumerate(heads):
        b = blocks[i]
        if b.kind == "heading":
            level = max(2, min(6, b.level + offset))
        elif n and heads[n - 1] == i - 1:
            level = min(levels[i - 1] + 1, 3)  # a heading right under a heading
        elif parent is not None and _is_subsection(
            blocks, heads, n, parent, title_words
        ):
            level = 3
        else:
            level = 2
        levels[i] = level
        if level == 2:
            parent = i
    return levels


def _is_subsection(
    blocks: list[Block], heads: list[int], n: int, parent: int, title_words: set[str]
) -> bool:
    """H3 when it names a subtopic of the previous H2 and has one paragraph (or
    is set apart from its parent by its spacing)."""
    i = heads[n]
    own = _words(blocks[i].text) - title_words - _words(blocks[parent].text)
    section = set().union(*(_words(_block_words(b)) for b in blocks[parent + 1 : i]))
    if not own or len(own & section) / len(own) < 0.6:
        return False
    end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
    paragraphs = sum(1 for b in blocks[i + 1 : end] if b.kind == "text")
    return paragraphs <= 1 or blocks[i].blank_after != blocks[parent].blank_after


def _block_words(block: Block) -> str:
    return " ".join([block.text, *block.items, *(" ".join(r) for r in block.rows)])


def _words(text: str) -> set[str]:
    """Content words, lowercased and crudely singularised."""
    out = set()
    for word in re.findall(r"\w+", text.lower().replace("’", "'")):
        if len(word) < 3 or word in HEADING_STOP:
            continue
        out.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return out


def _render(draft: _Draft, blocks: list[Block], levels: dict[int, int]) -> str:
    """Blocks → Markdown; orphan answers go to `unplaced`."""
    parts: list[str] = []
    intro = 0
    tables: list[int] = []
    for i, b in enumerate(blocks):
        if i in levels:
            parts.append("#" * levels[i] + " " + b.text.rstrip(":"))
        elif b.kind == "answer":
            draft.unplaced.append((b.line, b.text))
        elif b.kind == "list":
            parts.append("\n".join(b.items))
        elif b.kind == "table":
            parts.append(gfm_table(b.rows))
            tables.append(len(b.rows) - 1)
        elif b.kind == "hr":
            parts.append("***")
        elif b.kind == "strong":
            parts.append(f"**{b.text}**")
        else:
            parts.append(b.text)
        if not levels or i < min(levels):
            intro += b.kind == "text"
    if intro:
        draft.recognised.append(f"intro ({plural(intro, 'paragraph')})")
    _count(draft, levels, tables)
    while parts and parts[-1] == "***":  # a rule left over from notes below the text
        parts.pop()
    return "\n\n".join(parts)


def _count(draft: _Draft, levels: dict[int, int], tables: list[int]) -> None:
    if draft.key_points:
        draft.recognised.append(plural(len(draft.key_points), "key point"))
    if levels:
        counts = list(levels.values())
        by_level = ", ".join(f"{counts.count(lv)} H{lv}" for lv in sorted(set(counts)))
        draft.recognised.append(f"{plural(len(levels), 'heading')} ({by_level})")
    draft.recognised += tables_summary(tables)
    if draft.faq:
        draft.recognised.append(plural(len(draft.faq), "FAQ item"))


def _finish_front(draft: _Draft, body: str) -> None:
    if draft.key_points:
        draft.front["key_points"] = draft.key_points
    if draft.faq:
        draft.front["faq"] = draft.faq
    if "lang" not in draft.front:
        lang = guess_language(body)
        if lang:
            draft.front["lang"] = lang
            draft.metadata.append(f"lang: {lang} (guessed from the text)")


def guess_language(text: str) -> str | None:
    """A language tag from function-word counts, or None when unsure."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < 40:
        return None
    scores = sorted(
        ((sum(w in stop for w in words), lang) for lang, stop in STOP_WORDS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = scores[0], scores[1]
    if best >= 0.08 * len(words) and best >= 1.5 * second:
        return lang
    return None
