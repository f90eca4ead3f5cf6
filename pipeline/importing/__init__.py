"""IMPORT stage: drafts and HTML pages in, one content file per input out.

`import_files` (in `files`) reads, parses and validates every input before
writing anything. Drafts are parsed by `draft` (with `draft_blocks`,
`draft_headings`, `draft_labels`, `draft_faq`), HTML pages by `html_page`
(with `html_metadata`, `html_markdown`, `html_faq`); both yield an
`ImportResult` (`result`) and share `common`. Content files are read back
by `pipeline.sources`, never by this package.
"""

from __future__ import annotations

from pipeline.importing.files import ImportOutcome, import_files, is_html
from pipeline.importing.result import ImportResult

__all__ = ["ImportOutcome", "ImportResult", "import_files", "is_html"]
