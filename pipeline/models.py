"""MODEL: validated content (pydantic v2).

`Article` is what a content file must contain once loaded. Unknown fields are
rejected with a did-you-mean by `pipeline.sources`; field docstrings are the
reference of the content format (see `seo-pipeline schema`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.slugs import SLUG_RE, check_slug

__all__ = ["SLUG_RE", "Article", "Author", "Breadcrumb", "FaqItem", "Image"]

_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",  # Jekyll: 2014-03-02 14:33:00 +0100
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",  # Pelican: 2010-12-03 10:20
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
)
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

NonEmpty = Annotated[str, Field(min_length=1)]


class StrictModel(BaseModel):
    """Base: immutable, unknown fields rejected, attribute docstrings as docs."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        populate_by_name=True,
    )


class FaqItem(StrictModel):
    """A question and its answer, shown visibly and marked up as FAQPage."""

    question: NonEmpty
    """The question, as a reader would ask it (plain text)."""
    answer: NonEmpty
    """The answer; inline Markdown (emphasis, links, code) is allowed."""


class Author(StrictModel):
    """The author: a Person (default) or an Organization."""

    name: NonEmpty
    """Display name."""
    url: str | None = None
    """Profile page URL."""
    type: Literal["Person", "Organization"] = "Person"
    """schema.org type of the author."""


class Image(StrictModel):
    """The lead image of the article (used for og:image and JSON-LD)."""

    url: NonEmpty
    """Absolute URL, or a path resolved against the site's `base_url`."""
    alt: NonEmpty
    """Alternative text: what the image shows."""
    width: int | None = Field(default=None, gt=0)
    """Intrinsic width in pixels."""
    height: int | None = Field(default=None, gt=0)
    """Intrinsic height in pixels."""


class Breadcrumb(StrictModel):
    """One step of the breadcrumb trail (Home → … → this page)."""

    name: NonEmpty
    """Label of the step."""
    url: str | None = None
    """Its URL; may be omitted on the last step (the page itself)."""


def _name_or_object(schema: dict[str, Any]) -> None:
    """JSON Schema: `author` may also be just a name (editors must accept it)."""
    schema.setdefault("anyOf", []).insert(0, {"type": "string", "minLength": 1})


class Article(StrictModel):
    """One article: front matter fields plus the Markdown body."""

    title: NonEmpty
    """The article's visible title: its single H1, and the `<title>` unless
    `seo_title` is set."""
    seo_title: NonEmpty | None = None
    """The `<title>` (also og:title, twitter:title and the WebPage name) when it
    should differ from the H1; defaults to `title`."""
    description: str | None = None
    """The meta description. Derived from the intro when omitted."""
    description_claimed_length: int | None = Field(default=None, ge=0)
    """A length the draft claims for its description (kept so checks can test it)."""
    description_original: str | None = None
    """The writer's description as it was before `seo-pipeline fix` fitted it
    to the snippet budget: kept so no word is lost; never published."""
    slug: str | None = None
    """URL path segment (lowercase, digits, hyphens). Derived from the title."""
    lang: str | None = None
    """BCP 47 language tag; defaults to the site's `default_lang`."""
    date: dt.date | None = None
    """Publication date (ISO 8601)."""
    updated: dt.date | None = None
    """Last modification date (ISO 8601). Also read from `lastmod` (Hugo),
    `modified` (Pelican) and `last_modified_at` (Jekyll)."""
    author: Author | None = Field(default=None, json_schema_extra=_name_or_object)
    """Author name, or an object with `name`, `url`, `type`."""
    keyphrase: str | None = None
    """The focus keyphrase the page should rank for."""
    schema_type: Literal["Article", "BlogPosting", "MedicalWebPage"] = "Article"
    """JSON-LD type: MedicalWebPage marks the page itself as medical content."""
    audience: Literal["general", "health"] = "general"
    """Readability target: `health` asks for plain language (grade 8 or lower)."""
    key_points: list[NonEmpty] = Field(default_factory=list)
    """Short takeaways shown as a list under the intro."""
    faq: list[FaqItem] = Field(default_factory=list)
    """Questions and answers, shown on the page and marked up as FAQPage."""
    breadcrumbs: list[Breadcrumb] | None = None
    """The trail; defaults to Home → this page."""
    image: Image | None = None
    """Lead image (recommended for Article rich results and social cards)."""
    tags: list[NonEmpty] = Field(default_factory=list)
    """Topic tags (Jekyll, Hugo and Pelican `tags`)."""
    categories: list[NonEmpty] = Field(default_factory=list)
    """Sections the article belongs to (`categories`, Pelican `Category`)."""
    draft: bool = False
    """A draft (Hugo `draft: true`, Jekyll `published: false`, Pelican `Status: draft`)."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Front-matter keys of another generator that have no field here (Jekyll
    `layout`, Hugo `aliases`, …), kept as read; the build lists them."""
    seo_pipeline_disable: list[str] = Field(
        default_factory=list, alias="seo-pipeline-disable"
    )
    """Rule codes (or prefixes) not to report for this page."""
    shift_headings: int | None = Field(default=None, ge=0, le=5, alias="shift-headings")
    """Demote every body heading by this many levels (`1`: `#` → H2, `##` →
    H3 …; H6 stays H6), for archives whose sections start at `#`. Overrides
    the site's `shift-headings`."""
    body: str = ""
    """Markdown: the intro, then `##`/`###` sections and GFM tables."""

    @field_validator("author", mode="before")
    @classmethod
    def _author_from_string(cls, value: object) -> object:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("date", "updated", mode="before")
    @classmethod
    def _date_from_datetime(cls, value: object) -> object:
        """Dates with a time (and zone), as Jekyll, Hugo and Pelican write them."""
        if isinstance(value, dt.datetime):
            return value.date()
        if not isinstance(value, str) or len(value) > 64:
            return value
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        for fmt in _DATETIME_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return value  # pydantic names what is wrong ("day value is outside …")

    @field_validator("slug")
    @classmethod
    def _slug_is_safe(cls, value: str | None) -> str | None:
        return None if value is None else check_slug(value)

    @field_validator("lang")
    @classmethod
    def _lang_is_tag(cls, value: str | None) -> str | None:
        if value is not None and not LANG_RE.match(value):
            raise ValueError(f"must be a BCP 47 language tag like 'en' (got {value!r})")
        return value

    @model_validator(mode="after")
    def _updated_not_before_date(self) -> Article:
        if self.date and self.updated and self.updated < self.date:
            raise ValueError("updated: must not be earlier than date")
        return self
