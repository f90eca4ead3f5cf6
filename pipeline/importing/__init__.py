"""IMPORT stage: drafts and HTML pages in, one content file per input out.

`import_files` (in `files`) reads, parses and validates each input on its
own, writes the ones that pass and reports the others per file. Drafts are parsed by `draft` (with `draft_blocks`,
`draft_headings`, `draft_labels`, `draft_faq`), HTML pages by `html_page`
(with `html_metadata`, `html_markdown`, `html_faq`); both yield an
`ImportResult` (`result`) and share `common`. Content files are read back
by `pipeline.sources`, never by this package.
"""

from __future__ import annotations

from pipeline.importing.files import (
    ImportFailed,
    ImportOutcome,
    import_files,
    is_html,
)
from pipeline.importing.result import ImportResult

__all__ = ["ImportFailed", "ImportOutcome", "ImportResult", "import_files", "is_html"]
