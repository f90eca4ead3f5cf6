"""CHECK: suppressions that name no rule, or suppress nothing (ruff's RUF100).

The runner (`pipeline.checks.runner`) applies `disable-next-line` comments
to the findings of each rule and asks :class:`Audit` which suppressions took
effect; META593 reports the others. A whole-page suppression counts as used
when a rule it covers would have reported something on the page (the rule
is run for that, its findings dropped), like ruff's `noqa` audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from pipeline.checks.metadata import MetadataOptions, metadata
from pipeline.checks.registry import REGISTRY, Rule, Severity, Violation
from pipeline.facts import PageFacts
from pipeline.facts_types import Pos
from pipeline.findings import Finding
from pipeline.suppressions import Suppression, matches

CODE = "META593"


@metadata.rule(CODE, Severity.WARNING)
def unused_suppression(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """A suppression names an unknown rule, or suppresses nothing.

    ## What it does
    Checks every `<!-- seo-pipeline: disable=… -->` and
    `<!-- seo-pipeline: disable-next-line=… -->` comment (in HTML, or in a
    content file's Markdown body), every `# seo-pipeline: disable-next-line=…`
    comment line in front matter or a YAML content file, and the front
    matter's `seo-pipeline-disable` list. An entry that is no rule code, prefix or
    name is reported, and so is one that suppressed nothing: no rule it
    covers would have reported anything on the page (`disable=`) or on the
    next line (`disable-next-line=`). Rules that did not run (not selected,
    site-wide `SITE` rules) are not judged. The runner reports this rule;
    its function yields nothing.

    ## Why is this bad?
    A misspelt code (`LEN13`) silences nothing while looking like it does,
    and a suppression left behind after the text was fixed will hide the
    next real problem on that line.

    ## Example
    ```html
    <html lang="en"><head><title>Winter running: a beginner's checklist</title>
    <!-- seo-pipeline: disable=LEN999 -->
    </head><body><main><h1>Winter running</h1><p>Text.</p></main></body></html>
    ```

    Use instead:
    ```html
    <html lang="en"><head><title>Winter running: a beginner's checklist</title>
    </head><body><main><h1>Winter running</h1><p>Text.</p></main></body></html>
    ```
    """
    return iter(())


@dataclass(slots=True)
class Audit:
    """One page's inline suppressions and which entries took effect.

    `html` are the HTML's comments (HTML lines); `content` the content
    file's (content lines; only when the page was built from it).
    """

    html: tuple[Suppression, ...]
    content: tuple[Suppression, ...]
    used: set[tuple[int, str]] = field(default_factory=set)
    """(index in `all`, entry) pairs that suppressed something."""

    @property
    def all(self) -> list[tuple[Suppression, bool]]:
        """Every suppression, with whether it is the content file's."""
        return [(s, False) for s in self.html] + [(s, True) for s in self.content]

    def keep(self, rule: Rule, finding: Finding, built: bool) -> bool:
        """False when a `disable-next-line` covers the finding (noted as used)."""
        if not self.html and not self.content:
            return True
        for index, (sup, in_content) in enumerate(self.all):
            if sup.target is None:
                continue
            line = finding.line if in_content else finding.html_line
            if (in_content and not built) or line != sup.target:
                continue
            for entry in sup.codes:
                if matches(rule.code, rule.name, entry):
                    self.used.add((index, entry))
                    return False
        return True

    def page_level_fired(self, rule: Rule) -> None:
        """A rule suppressed for the whole page would have reported something."""
        for index, (sup, _) in enumerate(self.all):
            if sup.target is None:
                for entry in sup.codes:
                    if matches(rule.code, rule.name, entry):
                        self.used.add((index, entry))

    def problems(self, ran: Iterable[Rule]) -> Iterator[tuple[Suppression, bool, str]]:
        """(suppression, is the content file's, message) for each entry that
        names no rule, or covers rules that ran and suppressed nothing."""
        judged = [r for r in ran if not r.site and r.code != CODE]
        for index, (sup, in_content) in enumerate(self.all):
            kind = "disable-next-line" if sup.target is not None else "disable"
            for entry in sup.codes:
                covered = [
                    r for r in REGISTRY.values() if matches(r.code, r.name, entry)
                ]
                if not covered:
                    yield (
                        sup,
                        in_content,
                        f"unknown rule `{entry}` in {_what(sup, kind)}",
                    )
                elif (index, entry) not in self.used and any(
                    matches(r.code, r.name, entry) for r in judged
                ):
                    where = (
                        f"on line {sup.target}"
                        if sup.target is not None
                        else "on this page"
                    )
                    yield (
                        sup,
                        in_content,
                        f"unused suppression: `{entry}` in {_what(sup, kind)} "
                        f"suppressed nothing {where}",
                    )


def _what(sup: Suppression, kind: str) -> str:
    if sup.text == "seo-pipeline-disable":
        return "`seo-pipeline-disable`"
    return f"a `{kind}=` comment"


def audit_findings(
    audit: Audit,
    ran: Sequence[Rule],
    severity: Severity,
    make: Callable[[Rule, Violation, Severity], Finding],
    content_finding: Callable[[Rule, Suppression, str, Severity], Finding],
) -> list[Finding]:
    """The META593 findings of one page."""
    rule = REGISTRY[CODE]
    out = []
    for sup, in_content, message in audit.problems(ran):
        if in_content:
            out.append(content_finding(rule, sup, message, severity))
        else:
            at = Pos(sup.text, sup.line, sup.column, "body")
            out.append(make(rule, Violation(message, at), severity))
    return out
