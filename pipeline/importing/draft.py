"""IMPORT plain-text drafts: text → `ImportResult` (front matter + Markdown body).

Recognises, with or without Markdown markup: the title (first line), the
intro, a key-points list, section headings (H2/H3 decided by structure), pipe
tables, FAQ blocks, labelled metadata lines (meta description with its claimed
length, slug, keyphrase, author, dates, language) and editor notes. Every line
ends up in the front matter, the body, or `unplaced`.

Lines become blocks in `draft_blocks` (labels: `draft_labels`); headings
and FAQ are found in `draft_headings` and `draft_faq`; this module assembles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.decode import normalise_newlines
from pipeline.errors import ContentError, Problem
from pipeline.importing.common import ImportState, headings_summary
from pipeline.importing.draft_blocks import Block, heading_text, item_text, split_blocks
from pipeline.importing.draft_faq import find_faq
from pipeline.importing.draft_headings import heading_levels
from pipeline.importing.draft_labels import parse_value
from pipeline.importing.result import ImportResult, gfm_table, plural, tables_summary
from pipeline.vocabulary import KEY_POINTS_HEADING

BY_RE = re.compile(r"^(?i:by|written by|von|par|por|di)\s+(?P<name>[\w .'-]{2,60})$")


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


@dataclass
class _Draft(ImportState):
    """Mutable working state of one parse (local to `parse_draft`)."""

    metadata: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    faq: list[dict[str, str]] = field(default_factory=list)


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
    parsed = parse_value(target, value) if value else None
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


def _structure(draft: _Draft, blocks: list[Block]) -> str:
    """Key points, FAQ, headings and body of the content blocks → Markdown body."""
    blocks = _take_byline(draft, blocks)
    used: set[int] = set()
    _key_points(draft, blocks, used)
    faq = find_faq(blocks, used)
    draft.faq += faq.items
    draft.unplaced += faq.unplaced
    rest = [b for i, b in enumerate(blocks) if i not in used]
    levels = heading_levels(rest, str(draft.front["title"]))
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


def _key_points(draft: _Draft, blocks: list[Block], used: set[int]) -> None:
    """A key-points heading over a list."""
    for i, block in enumerate(blocks[:-1]):
        name = heading_text(block)
        if name and KEY_POINTS_HEADING.fullmatch(name) and blocks[i + 1].kind == "list":
            draft.key_points.extend(item_text(it) for it in blocks[i + 1].items)
            used.update((i, i + 1))


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
    draft.recognised += headings_summary(list(levels.values()))
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
