"""IMPORT drafts: FAQ question/answer pairs among the blocks.

Pairs under an FAQ heading (up to the next section), and runs of pairs
elsewhere that are marked (`Q:`/`A:`, `+ answer`) or close the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.importing.draft_blocks import Block, heading_text, item_text, unbold
from pipeline.importing.draft_headings import looks_heading
from pipeline.vocabulary import FAQ_HEADING


@dataclass
class DraftFaq:
    """FAQ items of a draft, and questions or answers that found no partner."""

    items: list[dict[str, str]] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)

    def add(self, question: Block, answers: list[Block]) -> bool:
        """Add one item; a question without answer text is unplaced (False)."""
        text = " ".join(_answer_text(a) for a in answers if _answer_text(a))
        if not text:
            self.unplaced.append((question.line, _question_text(question)))
            return False
        self.items.append({"question": _question_text(question), "answer": text})
        return True


def find_faq(blocks: list[Block], used: set[int]) -> DraftFaq:
    """FAQ under an FAQ heading, and runs of question/answer pairs elsewhere.

    The blocks taken are added to `used`.
    """
    faq = DraftFaq()
    for i, block in enumerate(blocks):
        name = heading_text(block)
        if i not in used and name and FAQ_HEADING.fullmatch(name):
            used.add(i)
            _faq_section(faq, blocks, i, used)
    for run in _pair_runs(blocks, used):
        at_tail = all(j in used for j in range(run[-1][1], len(blocks)))
        if any(explicit for _, _, explicit in run) or (at_tail and len(run) >= 2):
            for start, end, _ in run:
                faq.add(blocks[start], blocks[start + 1 : end])
                used.update(range(start, end))
    return faq


def _pair_runs(
    blocks: list[Block], used: set[int]
) -> list[list[tuple[int, int, bool]]]:
    """Runs of adjacent question/answer pairs outside `used`."""
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
    return runs


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
        if b.kind != "answer" and looks_heading(blocks, end, used):
            break
        end += 1
    if end == i + 1:
        return None
    explicit = blocks[i].kind == "question" or blocks[i + 1].kind == "answer"
    return i, end, explicit


def _faq_section(
    faq: DraftFaq, blocks: list[Block], start: int, used: set[int]
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
            and looks_heading(blocks, j, used)
        )
        if ends or b.kind in ("table", "hr"):
            break
        used.add(j)
        if is_q:
            if question is not None:
                seen_pair |= faq.add(question, answers)
            question, answers = b, []
        elif question is None:
            faq.unplaced.append((b.line, _answer_text(b)))
        else:
            answers.append(b)
    if question is not None:
        faq.add(question, answers)


def _is_question(block: Block) -> bool:
    if block.kind == "question":
        return True
    text = heading_text(block) if block.kind != "list" else None
    if block.kind == "list" and len(block.items) == 1:
        text = item_text(block.items[0])
    if not text or not text.rstrip("*_").endswith("?") or len(text) > 250:
        return False
    # One question, not a paragraph that happens to end with one.
    return not re.search(r"[.!?]\s+\S", text.rstrip("*_")[:-1])


def _question_text(block: Block) -> str:
    text = item_text(block.items[0]) if block.kind == "list" else block.text
    return unbold(text)


def _answer_text(block: Block) -> str:
    if block.kind == "list":
        return " ".join(item_text(it).strip() for it in block.items)
    return block.text
