"""IMPORT drafts: which blocks are section headings, and at what level.

Markdown headings keep their (shifted) levels; plain-text ones are inferred
from their shape (a short line without terminal punctuation over body
text) and from structure (a subtopic of the previous H2 becomes an H3).
"""

from __future__ import annotations

import re

from pipeline.importing.draft_blocks import Block, ends_sentence

HEADING_STOP = frozenset(
    "the and for with their its your how what why when who which from into about "
    "than und der die das den des von mit für les des une pour avec los las del "
    "por para con della per che een het van voor".split()
)


def looks_heading(blocks: list[Block], i: int, used: set[int], depth: int = 0) -> bool:
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
    return looks_heading(blocks, nxt, used, depth + 1)


def _heading_shape(b: Block) -> bool:
    """One short line, not starting lowercase, without terminal punctuation."""
    if b.kind not in ("text", "strong") or b.nlines > 1:
        return False
    text = b.text.rstrip(":") if b.kind == "strong" else b.text
    too_long = len(text) > 100 or len(text.split()) > 15
    return not (too_long or ends_sentence(text) or text[0].islower())


def heading_levels(blocks: list[Block], title: str) -> dict[int, int]:
    """Index → heading level (2–6). Markdown levels are kept; plain ones inferred."""
    has_markdown = any(b.kind == "heading" for b in blocks)
    heads = [
        i
        for i, b in enumerate(blocks)
        if (b.kind in ("heading", "strong") or not has_markdown)
        and looks_heading(blocks, i, set())
    ]
    explicit = [blocks[i].level for i in heads if blocks[i].kind == "heading"]
    offset = 2 - min(explicit) if explicit else 0
    title_words = _words(title)
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
