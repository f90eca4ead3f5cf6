"""SD4xx: the structured-data family and its options, shared by its rule modules.

The rules are in `structured_data` (syntax, context, Article, breadcrumbs,
vocabulary) and `structured_data_faq` (FAQPage, SD403–SD406); both import the
family from here and register on it, so neither imports the other.
"""

from __future__ import annotations

from pipeline.checks.registry import Family, Options

__all__ = ["StructuredDataOptions", "structured_data"]


class StructuredDataOptions(Options):
    """Settings of the structured-data family."""

    article_properties: tuple[str, ...] = (
        "headline",
        "author",
        "datePublished",
        "image",
    )
    """Properties every Article (or subtype) should have: Google's recommended Article properties."""
    min_breadcrumbs: int = 2
    """Fewest ListItems in a BreadcrumbList (Google: at least two)."""
    extra_terms: tuple[str, ...] = ()
    """Type or property names to accept although the shipped schema.org release lacks them."""


structured_data = Family("SD4", "structured-data", StructuredDataOptions)
