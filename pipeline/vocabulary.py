"""Words more than one stage reads: the names of FAQ and key-points sections.

The importer turns a section headed by one of these names into front matter
(`faq`, `key_points`); the checker's page walk (`pipeline.facts`) reads a
section under an FAQ heading as the page's visible FAQ, which SD406 compares
with the FAQPage markup. Both read this module, so a heading one stage knows
is known to the other, in every language listed here.

The default templates' own headings (`pipeline.labels`) are always included:
a page built in any template language reads back as what it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pipeline.labels import LABELS

FAQ_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "en": (
        r"faqs?",
        r"frequently asked questions(?: \(faqs?\))?",
        r"common questions",
        r"questions (?:and|&) answers",
        r"q ?& ?a",
    ),
    "es": (r"preguntas frecuentes",),
    "fr": (r"foire aux questions", r"questions fréquentes"),
    "de": (r"häufig gestellte fragen", r"häufige fragen"),
    "it": (r"domande frequenti",),
    "pt": (r"perguntas frequentes",),
    "nl": (r"veelgestelde vragen",),
}
"""FAQ section names per language, as regular expressions (case ignored)."""

KEY_POINTS_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "en": (
        r"key (?:points|takeaways|facts)",
        r"takeaways",
        r"summary",
        r"tl;?\s?dr",
        r"at a glance",
        r"in (?:short|brief)",
    ),
    "es": (r"puntos clave",),
    "fr": (r"points clés", r"l'essentiel"),
    "de": (r"auf einen blick", r"das wichtigste(?: in kürze)?"),
    "it": (r"punti chiave",),
    "pt": (r"pontos-chave",),
    "nl": (r"kernpunten",),
}
"""Key-points section names per language, as regular expressions (case ignored)."""


def _names(table: Mapping[str, tuple[str, ...]], label: str) -> str:
    """One alternation: the table's names, then the template labels not yet in it."""
    names = [name for names in table.values() for name in names]
    known = re.compile("|".join(names), re.IGNORECASE)
    names += _new_labels(known, (labels[label] for labels in LABELS.values()))
    return "|".join(names)


def _new_labels(known: re.Pattern[str], labels: Iterable[str]) -> list[str]:
    return [re.escape(text) for text in labels if not known.fullmatch(text)]


FAQ_HEADING = re.compile(f"(?:{_names(FAQ_HEADINGS, 'faq')})", re.IGNORECASE)
"""A whole heading that names an FAQ section (use `fullmatch`)."""

FAQ_HEADING_START = re.compile(
    f"(?:{_names(FAQ_HEADINGS, 'faq')})(?!\\w)", re.IGNORECASE
)
"""A heading that starts with an FAQ name (`FAQ: shingles`; use `match`)."""

KEY_POINTS_HEADING = re.compile(
    f"(?:{_names(KEY_POINTS_HEADINGS, 'key_points')})", re.IGNORECASE
)
"""A whole heading that names a key-points section (use `fullmatch`)."""

KEY_POINTS_CLASS = re.compile(
    r"key[-_ ]?(?:points|takeaways|facts)|takeaways|tl-?dr", re.IGNORECASE
)
"""A `class` or `id` that marks a key-points box (use `search`)."""
