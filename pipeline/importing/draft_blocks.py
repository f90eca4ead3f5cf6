"""IMPORT drafts: lines → blocks (paragraphs, headings, lists, tables, labels…).

Each block is one role candidate; `draft_headings`, `draft_faq` and
`draft` decide what it is. Works with or without Markdown markup, and joins
hard-wrapped prose back into paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.importing.draft_labels import description_value, label_kind, read_label

MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
LIST_RE = re.compile(r"^(\s*)(?:([-*])\s+|(•)\s*|(\d{1,3})[.)]\s+)(?=\S)(.*)$")
STRONG_RE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1\s*(?P<colon>:?)$")
HR_RE = re.compile(r"^(?:([-*_])\s*)(?:\1\s*){2,}$")
SEPARATOR_CELL_RE = re.compile(r"^:?-+:?$")
TERMINAL = ".!?:;,…。！？"
CLOSERS = "\"'”’)]»*_"

Rows = tuple[tuple[str, ...], ...]


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
    rows: Rows = ()
    field: str | None = None
    claimed: int | None = None
    nlines: int = 1
    blank_after: bool = False


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
        return Block("heading", no, unbold(m[2]), level=len(m[1])), i + 1
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
    if label := _label_at(lines, i):
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
    if ends_question(prev):
        return False
    if wrapped:
        return True
    return not ends_sentence(prev) and s[0].islower()


def _structural(line: str) -> bool:
    s = line.strip()
    return bool(
        s.startswith(("#", "+", ">", "|", "```", "~~~"))
        or LIST_RE.match(line)
        or HR_RE.match(s)
        or STRONG_RE.match(s)
        or ("|" in s and s.count("|") >= 2)
        or label_kind(s) is not None
    )


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Hard-wrapped prose: short lines, some of which break mid-sentence."""
    prose = [s for s in lines if s.strip() and not _structural(s)]
    if len(prose) < 3 or max(len(s) for s in prose) > 100:
        return False
    return any(
        not ends_sentence(a) and b.strip()[:1].islower() and not _structural(b)
        for a, b in itertools.pairwise(lines)
        if a.strip() and not _structural(a)
    )


def _table_at(lines: Sequence[str], i: int) -> tuple[Rows, int] | None:
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


def _label_at(lines: Sequence[str], i: int) -> tuple[Block, int] | None:
    """A labelled line (meta description, slug, Q:/A:, editor note…) as a block."""
    stripped = lines[i].strip()
    found = read_label(stripped)
    if found is None:
        return None
    target, value, end = found.target, found.value, i + 1
    if target is None:
        return Block("label", i + 1, stripped), i + 1
    if not value and target not in ("question", "answer"):
        # The value may sit on the next non-blank line.
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and not _structural(lines[j]):
            value, end = lines[j].strip(), j + 1
    value = value.strip("*_ ").strip()
    if target == "key_points" and not value:
        return None  # a "TL;DR:" heading over a list, not a one-line summary
    if target in ("question", "answer"):
        return Block(target, i + 1, value), end
    claimed = found.claimed
    if target == "description":
        value, claimed = description_value(value, claimed)
    block = Block("label", i + 1, value, field=target, claimed=claimed, nlines=end - i)
    return block, end


# --- block text ------------------------------------------------------------------


def unbold(text: str) -> str:
    """`**Text**:` → `Text:`; other text stripped."""
    m = STRONG_RE.match(text.strip())
    return m["text"].strip() + m["colon"] if m else text.strip()


def item_text(item: str) -> str:
    """A list item without its marker."""
    return re.sub(r"^\s*(?:-|\d+\.)\s+", "", item)


def heading_text(block: Block) -> str | None:
    """The text of a one-line block that could name a section."""
    if block.kind in ("heading", "strong", "text") and block.nlines == 1:
        return block.text.rstrip(":").strip()
    return None


def ends_question(text: str) -> bool:
    """Ends with `?` (closing quotes, brackets and emphasis aside)."""
    return text.rstrip().rstrip(CLOSERS).endswith("?")


def ends_sentence(text: str) -> bool:
    """Ends with terminal punctuation (closing quotes, brackets and emphasis aside)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL
