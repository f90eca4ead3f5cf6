"""CHECK: rule families over `PageFacts`, and the runner that applies them.

Importing this package registers every rule: each family module below fills
`REGISTRY` as it is imported. `check_pages` is the entry point for `build`
and `check`.
"""

from __future__ import annotations

from pipeline.checks import (  # noqa: F401  (importing a family registers its rules)
    headings,
    keyphrase,
    length,
    limits,
    metadata,
    readability,
    site,
    structured_data,
    structured_data_faq,
)
from pipeline.checks.config import PROFILES, CheckConfig
from pipeline.checks.registry import (
    FAMILIES,
    REGISTRY,
    Family,
    Options,
    Rule,
    SiteContext,
    Violation,
)
from pipeline.checks.runner import (
    CheckResult,
    PageInput,
    PageReport,
    check_html,
    check_pages,
    exit_code,
)

__all__ = [
    "FAMILIES",
    "PROFILES",
    "REGISTRY",
    "CheckConfig",
    "CheckResult",
    "Family",
    "Options",
    "PageInput",
    "PageReport",
    "Rule",
    "SiteContext",
    "Violation",
    "check_html",
    "check_pages",
    "exit_code",
]
