"""UI strings of the default templates, per language (English as the fallback)."""

from __future__ import annotations

from collections.abc import Mapping

LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "key_points": "Key points",
        "faq": "Frequently asked questions",
        "breadcrumbs": "Breadcrumb",
        "by": "By",
        "updated": "Updated",
        "reading_time": "{minutes} min read",
    },
    "de": {
        "key_points": "Das Wichtigste",
        "faq": "Häufige Fragen",
        "breadcrumbs": "Brotkrümelnavigation",
        "by": "Von",
        "updated": "Aktualisiert",
        "reading_time": "{minutes} Min. Lesezeit",
    },
    "fr": {
        "key_points": "Points clés",
        "faq": "Questions fréquentes",
        "breadcrumbs": "Fil d’Ariane",
        "by": "Par",
        "updated": "Mis à jour",
        "reading_time": "{minutes} min de lecture",
    },
    "es": {
        "key_points": "Puntos clave",
        "faq": "Preguntas frecuentes",
        "breadcrumbs": "Ruta de navegación",
        "by": "Por",
        "updated": "Actualizado",
        "reading_time": "{minutes} min de lectura",
    },
}


def labels_for(lang: str) -> Mapping[str, str]:
    """UI strings for a language tag (`de-AT` → `de`)."""
    return LABELS.get(lang.split("-")[0].lower(), LABELS["en"])
