"""Input limits: how big and how deep a content file may be.

Content files are untrusted input (an archive from elsewhere, a dataset from a
spreadsheet export). Every reader enforces these limits before the expensive
step they protect, and a file over a limit is an error at its line
(`file:line: field: message`, exit 2), never a slow build or a crash.

Configure them in `[tool.seo-pipeline.limits]` (kebab-case keys)::

    [tool.seo-pipeline.limits]
    max-file-bytes = 5_000_000
    max-faq-items = 100
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from pipeline.settings import SETTINGS

MAX_SLUG_BYTES = 255
"""A slug is a folder name: at most 255 bytes in UTF-8 on every common file system."""


class Limits(BaseModel):
    """Sizes a content file may reach; beyond them it is refused with its line."""

    model_config = SETTINGS

    max_file_bytes: int = Field(default=5_000_000, ge=1)
    """Largest article file (`.md`, `.yaml`, `.json`), in bytes."""
    max_dataset_bytes: int = Field(default=100_000_000, ge=1)
    """Largest dataset file (`.csv`, `.jsonl`), in bytes."""
    max_title_chars: int = Field(default=500, ge=1)
    """Longest `title`, in characters."""
    max_description_chars: int = Field(default=5_000, ge=1)
    """Longest `description`, in characters."""
    max_body_chars: int = Field(default=1_000_000, ge=1)
    """Longest Markdown `body`, in characters."""
    max_text_chars: int = Field(default=50_000, ge=1)
    """Longest other text value (a FAQ answer, a key point, a tag…), in characters."""
    max_faq_items: int = Field(default=200, ge=0)
    """Most `faq` questions on one page."""
    max_depth: int = Field(default=20, ge=2, le=200)
    """Deepest nesting of lists and mappings (the top-level mapping is depth 1)."""
    max_yaml_aliases: int = Field(default=100, ge=0)
    """Most YAML alias expansions (`*name`) in one file; stops alias bombs."""
