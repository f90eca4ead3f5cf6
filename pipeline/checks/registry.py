"""CHECK: the rule registry: families, rules, problems and selection.

A family module declares one `Family` (a code prefix such as `LEN1`, a
kebab-case name and one pydantic options model) and decorates pure functions:

    length = Family("LEN1", "length", LengthOptions)

    @length.rule("LEN103", Severity.ERROR)
    def meta_description_too_long(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
        '''<four-part doc: What it does / Why is this bad? / Example / Use instead:>'''

The rule's name is the function name in kebab case; its docstring is its
documentation (`seo-pipeline rules`, `docs/rules.md`). Codes are API: never
renumber or reuse one. A rule yields `Violation`s; the runner stamps code,
severity and location into `pipeline.findings.Finding`s.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from pipeline.facts import Located, PageFacts
from pipeline.findings import Severity
from pipeline.settings import SETTINGS, kebab

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Family",
    "Options",
    "Rule",
    "Severity",
    "SiteContext",
    "SiteViolation",
    "Violation",
    "is_selected",
    "resolve_severity",
]

CODE_RE = re.compile(r"^(?P<family>[A-Z]+[1-9])\d\d$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Options(BaseModel):
    """Base of a family's options: frozen, unknown keys rejected, kebab aliases.

    Each field's attribute docstring is its documentation (generated docs
    and `seo-pipeline rules` show it), so every field must have one.
    """

    model_config = SETTINGS


OptionsT = TypeVar("OptionsT", bound=Options)

Value = float | int | str | None


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: a message and the fact it is about.

    The message is a lowercase fragment naming the measured value and the
    limit ("meta description is 199 characters (max 155)"); `value` and
    `limit` repeat them for machine-readable reports.
    """

    message: str
    at: Located
    value: Value = None
    limit: Value = None
    severity: Severity | None = None
    """This problem's default severity when it differs from the rule's (a
    rule whose problems differ in weight); a configured severity still wins."""


SiteViolation = tuple[PageFacts, Violation]
"""What a site rule yields: the page a problem belongs to, and the problem."""


@dataclass(frozen=True, slots=True)
class SiteContext:
    """What a site rule may know beyond the checked pages: the files of the site.

    `files` are site paths of every file the site serves (`/images/x.jpg`,
    `/slug/index.html`); None when unknown (a single file or stdin is
    checked), and rules that need them are then skipped. `locations` maps a
    checked page's path to its own site path (`output/a/index.html` →
    `/a/index.html`), the URL its relative links resolve against; `hosts` are
    the site's own host names (the config's `base-url`).
    """

    files: frozenset[str] | None = None
    locations: Mapping[str, str] = field(default_factory=dict)
    hosts: frozenset[str] = frozenset()


PageCheck = Callable[[PageFacts, OptionsT], Iterable[Violation]]
SiteCheck = Callable[..., Iterable[SiteViolation]]
"""`(pages, options)`, or `(pages, options, context)` for a rule registered
with `needs_files=True`."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: code, name, default severity and its check function."""

    code: str
    name: str
    severity: Severity
    family: Family[Any]
    check: Callable[..., Iterable[Any]]
    site: bool = False
    languages: frozenset[str] | None = None
    """Primary language subtags the rule is valid for (None: any language)."""
    requires: Callable[[PageFacts], str | None] | None = None
    """Says why the rule does not apply to a page (None: it applies)."""
    opt_in: bool = False
    """Off by default: runs only when selected by its exact code or name
    (`ALL` and prefixes such as `HEAD` do not turn it on)."""
    needs_files: bool = False
    """A site rule that reads `SiteContext.files` (given as a third argument);
    it is skipped when they are unknown."""

    @property
    def order(self) -> tuple[str, str]:
        """Sort key: family digit (LEN1 before READ2 …), then code."""
        return (self.family.prefix[-1], self.code)

    @property
    def doc(self) -> str:
        """The rule's full documentation (its docstring, dedented)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.split("\n", 1)[0]

    def applies_to(self, lang: str | None) -> bool:
        """Whether the rule has a valid method for a page language."""
        if self.languages is None:
            return True
        primary = (lang or "").split("-")[0].lower()
        return primary in self.languages

    def run_page(self, page: PageFacts, options: Options) -> list[Violation]:
        """Problems of one page (page rules only)."""
        return list(self.check(page, options))

    def run_site(
        self,
        pages: Sequence[PageFacts],
        options: Options,
        context: SiteContext | None = None,
    ) -> list[SiteViolation]:
        """Problems across all pages (site rules only); `context` reaches the
        rules registered with `needs_files=True`."""
        if self.needs_files:
            return list(self.check(pages, options, context or SiteContext()))
        return list(self.check(pages, options))


REGISTRY: dict[str, Rule] = {}
"""Every rule by code, filled as family modules are imported."""

FAMILIES: dict[str, Family[Any]] = {}
"""Every family by name (its config table: `[tool.seo-pipeline.<name>]`)."""


class Family(Generic[OptionsT]):
    """A module of rules sharing a code prefix and one options model."""

    def __init__(self, prefix: str, name: str, options: type[OptionsT]) -> None:
        if not re.fullmatch(r"[A-Z]+[1-9]", prefix):
            raise ValueError(f"family prefix must look like LEN1, got {prefix!r}")
        if not NAME_RE.match(name):
            raise ValueError(f"family name must be kebab-case, got {name!r}")
        if name in FAMILIES:
            raise ValueError(f"family {name!r} is declared twice")
        self.prefix = prefix
        self.name = name
        self.options = options
        FAMILIES[name] = self

    @property
    def rules(self) -> list[Rule]:
        """This family's rules in code order."""
        return sorted(
            (r for r in REGISTRY.values() if r.family is self), key=lambda r: r.code
        )

    def rule(
        self,
        code: str,
        severity: Severity,
        *,
        languages: Iterable[str] | None = None,
        requires: Callable[[PageFacts], str | None] | None = None,
        opt_in: bool = False,
    ) -> Callable[[PageCheck[OptionsT]], PageCheck[OptionsT]]:
        """Register a page rule: `(PageFacts, options) -> Iterable[Violation]`.

        `languages` limits it to pages in those languages (elsewhere it is
        skipped with an info finding); `requires` returns why a page is out
        of scope (e.g. "no keyphrase"), and the rule is skipped silently;
        an `opt_in` rule runs only when selected by its exact code or name
        (its doc says why it is off by default).
        """

        def register(check: PageCheck[OptionsT]) -> PageCheck[OptionsT]:
            langs = frozenset(languages) if languages is not None else None
            self._add(
                code,
                severity,
                check,
                site=False,
                languages=langs,
                requires=requires,
                opt_in=opt_in,
            )
            return check

        return register

    def site_rule(
        self, code: str, severity: Severity, *, needs_files: bool = False
    ) -> Callable[[SiteCheck], SiteCheck]:
        """Register a site rule: `(Sequence[PageFacts], options) -> Iterable[SiteViolation]`.

        With `needs_files`, the rule also takes the run's `SiteContext` (the
        files of the site) and is skipped when they are unknown.
        """

        def register(check: SiteCheck) -> SiteCheck:
            self._add(
                code,
                severity,
                check,
                site=True,
                languages=None,
                requires=None,
                needs_files=needs_files,
            )
            return check

        return register

    def _add(
        self,
        code: str,
        severity: Severity,
        check: Callable[..., Iterable[Any]],
        *,
        site: bool,
        languages: frozenset[str] | None,
        requires: Callable[[PageFacts], str | None] | None,
        opt_in: bool = False,
        needs_files: bool = False,
    ) -> None:
        match = CODE_RE.match(code)
        if match is None or match["family"] != self.prefix:
            raise ValueError(
                f"{code}: code must be {self.prefix} followed by two digits"
            )
        if code in REGISTRY:
            raise ValueError(f"{code}: code is already registered")
        name = kebab(check.__name__)
        if any(r.name == name for r in REGISTRY.values()):
            raise ValueError(f"{code}: rule name {name!r} is already registered")
        REGISTRY[code] = Rule(
            code,
            name,
            severity,
            self,
            check,
            site,
            languages,
            requires,
            opt_in,
            needs_files,
        )


def _best(code: str, name: str, prefixes: Iterable[str]) -> int:
    """Length of the most specific prefix matching `code` (-1: none; ALL: 0)."""
    best = -1
    for prefix in prefixes:
        p = prefix.strip()
        if p.upper() == "ALL":
            best = max(best, 0)
        elif code.startswith(p.upper()):
            best = max(best, len(p))
        elif p.lower() == name:
            best = max(best, len(code) + 1)
    return best


def is_selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether `rule` runs: the most specific matching prefix wins.

    Prefixes are codes or their beginnings (`LEN`, `LEN1`, `LEN103`), `ALL`,
    or a rule name. On a tie, `ignore` wins. An opt-in rule is selected only
    by its exact code or name.
    """
    if rule.opt_in:
        select = [
            s
            for s in select
            if s.strip().upper() == rule.code or s.strip().lower() == rule.name
        ]
    chosen = _best(rule.code, rule.name, select)
    if chosen < 0:
        return False
    return chosen > _best(rule.code, rule.name, ignore)


def resolve_severity(
    rule: Rule, overrides: Mapping[str, Severity], default: Severity | None = None
) -> Severity:
    """The rule's severity after overrides keyed by prefix (most specific wins).

    `default` (a problem's own severity) stands in for the rule's default.
    """
    best, severity = -1, default or rule.severity
    for prefix, value in overrides.items():
        score = _best(rule.code, rule.name, [prefix])
        if score > best:
            best, severity = score, value
    return severity
