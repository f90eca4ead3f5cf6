"""One did-you-mean for every error message that names an unknown word."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The known word closest to `value`, or None when nothing is close."""
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=cutoff)
    return guess[0] if guess else None


def hint(guess: str | None) -> str:
    """`"; did you mean 'x'?"` for a guess, else `""`."""
    return f"; did you mean {guess!r}?" if guess else ""


def did_you_mean(value: str, known: Iterable[str], *, cutoff: float = 0.6) -> str:
    """`"; did you mean 'x'?"` for the closest known word, else `""`."""
    return hint(closest(value, known, cutoff=cutoff))
