"""FIX: write safe fixes back into content files (ruff's `--fix` / `--diff` model).

Each fix is a text edit at the span of one field or one heading marker, so
everything else in the file stays byte-identical: comments, key order, the
quoting of untouched fields, line endings and a BOM. YAML is never re-dumped.

Fixes, by the rule they answer:

* LEN103/LEN104 (safe): a description over the character or pixel budget is
  replaced by :func:`pipeline.snippets.fit` of itself (the fitter of
  `meta --fit`, with the effective config's budgets); the writer's text is
  kept, as written, in `description_original` on the next line.
* LEN110 (safe): a `description_claimed_length` that differs from the
  (fixed) description's length is removed.
* HEAD303 (safe): Markdown headings that skip a level (`##` then `####`) are
  shifted up; only the `#` run changes, never the words.
* LEN101/LEN102 (unsafe, `--unsafe-fixes`): a title over budget gets a
  fitted `seo_title` (the `<title>`), cut at a separator or word boundary;
  `title` stays the H1.

Every edited file is read back with the content readers and must give
exactly the intended data, else it is not written. Markdown with YAML front
matter and YAML content files are supported; other formats are reported as
not supported.
"""

from __future__ import annotations

import difflib
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.checks.config import CheckConfig
from pipeline.checks.registry import REGISTRY, is_selected
from pipeline.config import Config
from pipeline.errors import ContentError, PipelineError, Problem
from pipeline.limits import Limits
from pipeline.paths import display_path
from pipeline.profiles import SnippetLimits
from pipeline.snippets import fit, measure
from pipeline.sources import DATASETS, READERS, content_files, validate
from pipeline.sources.frontmatter import FENCE, read_markdown
from pipeline.sources.pagespec import is_pagespec
from pipeline.sources.record import Record
from pipeline.sources.structured import read_yaml

SUPPORTED = (".md", ".markdown", ".yaml", ".yml")
ORIGINAL_FIELD = "description_original"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` (offsets in the LF-normalised file text)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One fix of one finding: its rule, content line, what it does, its edits."""

    code: str
    line: int
    message: str
    edits: tuple[Edit, ...]
    unsafe: bool = False
    value: str = ""
    """The field's new value (description and title fixes)."""


@dataclass(frozen=True, slots=True)
class FileFixes:
    """The fixes of one file and the text before and after them."""

    path: Path
    display: str
    before: bytes
    after: bytes
    applied: tuple[Fix, ...]
    unsafe_skipped: tuple[Fix, ...]
    notes: tuple[str, ...]
    """Findings that have no safe fix here, one line each (`file:line: …`)."""

    @property
    def changed(self) -> bool:
        """Whether the file would change."""
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff of the change (`a/path`, `b/path`)."""
        before = self.before.decode("utf-8-sig").splitlines(keepends=True)
        after = self.after.decode("utf-8-sig").splitlines(keepends=True)
        lines = difflib.unified_diff(
            before, after, fromfile=f"a/{self.display}", tofile=f"b/{self.display}"
        )
        return "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in lines
        )


@dataclass(frozen=True, slots=True)
class FixPlan:
    """Every file's fixes, and the files passed over (unsupported formats)."""

    files: tuple[FileFixes, ...]
    unsupported: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> tuple[FileFixes, ...]:
        """The files that would change."""
        return tuple(f for f in self.files if f.changed)

    @property
    def fix_count(self) -> int:
        """Fixes that would be applied."""
        return sum(len(f.applied) for f in self.files)

    @property
    def unsafe_count(self) -> int:
        """Fixes left out for want of `--unsafe-fixes`."""
        return sum(len(f.unsafe_skipped) for f in self.files)


# --- planning ----------------------------------------------------------------


def plan_fixes(
    paths: Sequence[Path],
    checks: CheckConfig,
    *,
    unsafe: bool = False,
    limits: Limits | None = None,
    root: Path | None = None,
    shift_headings: int = 0,
) -> FixPlan:
    """The fixes of every content file under `paths` (files or folders).

    Raises `ContentError` listing every unreadable or invalid file (nothing is
    written then), and for a named file in a format `fix` cannot edit.
    """
    limits = limits or Limits()
    problems: list[Problem] = []
    unsupported: list[str] = []
    targets: list[tuple[Path, bool]] = []  # (file, found in a folder)
    for path in paths:
        if path.is_dir():
            for found in content_files(path):
                if _fixable(found):
                    targets.append((found, True))
                else:
                    unsupported.append(_unsupported(found, root))
        elif not path.exists():
            problems.append(Problem(path, None, None, "no such file or folder"))
        elif _fixable(path):
            targets.append((path, False))
        else:
            problems.append(Problem(path, None, None, _unsupported_reason(path)))
    files: list[FileFixes] = []
    for path, in_folder in targets:
        try:
            files.append(
                fix_file(
                    path,
                    checks,
                    unsafe=unsafe,
                    limits=limits,
                    root=root,
                    shift_headings=shift_headings,
                )
            )
        except Unsupported as exc:
            if not in_folder:
                raise
            unsupported.append(f"{_display(path, root)}: {exc.problems[0].message}")
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return FixPlan(tuple(files), tuple(unsupported))


class Unsupported(ContentError):
    """A content file `fix` cannot edit (TOML or Pelican front matter, a flow
    mapping, mixed line endings): passed over with a note in a folder."""


def plan_project(
    paths: Sequence[Path], config: Config, *, unsafe: bool = False
) -> FixPlan:
    """:func:`plan_fixes` with a loaded config: its content folder when `paths`
    is empty, its check settings, limits and `shift-headings`."""
    return plan_fixes(
        list(paths) or [config.site.content_dir],
        config.checks,
        unsafe=unsafe,
        limits=config.site.limits,
        shift_headings=int(getattr(config.site, "shift_headings", 0)),
    )


def _fixable(path: Path) -> bool:
    """Markdown and YAML articles; a page spec (`.pagespec.yaml`) is not one."""
    return path.suffix.lower() in SUPPORTED and not is_pagespec(path)


def _unsupported_reason(path: Path) -> str:
    suffix = path.suffix.lower()
    what = (
        "page specs"
        if is_pagespec(path)
        else f"{suffix} files"
        if suffix in READERS or suffix in DATASETS
        else "files of this format"
    )
    return f"fix: {what} are not supported (Markdown with YAML front matter, and YAML)"


def _unsupported(path: Path, root: Path | None) -> str:
    return f"{_display(path, root)}: {_unsupported_reason(path)}"


def _display(path: Path, root: Path | None) -> str:
    return display_path(path, root) if root is not None else display_path(path)


def fix_file(
    path: Path,
    checks: CheckConfig,
    *,
    unsafe: bool = False,
    limits: Limits | None = None,
    root: Path | None = None,
    shift_headings: int = 0,
) -> FileFixes:
    """Plan the fixes of one Markdown or YAML content file (nothing is written)."""
    limits = limits or Limits()
    display = _display(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(
            [Problem(path, None, None, exc.strerror or str(exc))]
        ) from None
    if len(raw) > limits.max_file_bytes:
        raise ContentError(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"file is {len(raw):,} bytes, over the limit of "
                    f"{limits.max_file_bytes:,} (limit max-file-bytes)",
                )
            ]
        )
    source = _Source.of(path, raw)
    record = source.read(path, limits)
    loaded = validate(record, limits)
    doc = _Document.of(path, source.text, markdown=source.markdown)
    shift = getattr(loaded.article, "shift_headings", None)
    shift = shift_headings if shift is None else int(shift)
    fixes, notes = _find_fixes(doc, record, loaded.article, checks, display, shift)
    chosen = [f for f in fixes if unsafe or not f.unsafe]
    skipped = tuple(f for f in fixes if f.unsafe and not unsafe)
    after = raw
    if chosen:
        new_text = _apply(source.text, [e for f in chosen for e in f.edits])
        _verify(path, record, new_text, chosen, source, limits, display)
        after = source.encode(new_text)
    return FileFixes(path, display, raw, after, tuple(chosen), skipped, tuple(notes))


@dataclass(frozen=True, slots=True)
class _Source:
    """A file's text with LF line endings, and how to give it its bytes back."""

    text: str
    bom: bool
    crlf: bool
    markdown: bool

    @classmethod
    def of(cls, path: Path, raw: bytes) -> _Source:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise ContentError([Problem(path, line, None, "not valid UTF-8")]) from None
        bom = text.startswith("\ufeff")
        text = text.removeprefix("\ufeff")
        crlf = "\r\n" in text
        if crlf and text.count("\n") != text.count("\r\n"):
            text = "\r"  # mixed: refused below
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            raise Unsupported(
                [Problem(path, None, None, "fix: mixed line endings are not supported")]
            )
        markdown = path.suffix.lower() in (".md", ".markdown")
        return cls(text, bom, crlf, markdown)

    def read(self, path: Path, limits: Limits, text: str | None = None) -> Record:
        text = self.text if text is None else text
        if not self.markdown:
            return read_yaml(path, text, limits)
        first = text.split("\n", 1)[0].strip()
        if first != FENCE:
            raise Unsupported(
                [
                    Problem(
                        path,
                        1,
                        None,
                        "fix: only YAML front matter ('---') is supported",
                    )
                ]
            )
        return read_markdown(path, text, limits)

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")


@dataclass(frozen=True, slots=True)
class _Document:
    """The YAML mapping of a file (front matter or the whole file), with spans."""

    text: str
    offset: int
    """Where the YAML starts in `text`."""
    keys: dict[str, tuple[yaml.Node, yaml.Node]]
    body_start: int | None
    """Offset of the Markdown body (Markdown files)."""

    @classmethod
    def of(cls, path: Path, text: str, *, markdown: bool) -> _Document:
        if markdown:
            lines = text.split("\n")
            end = next(
                i for i in range(1, len(lines)) if lines[i].strip() in (FENCE, "...")
            )
            offset = len(lines[0]) + 1
            yaml_text = "\n".join(lines[1:end])
            body_start: int | None = sum(len(line) + 1 for line in lines[: end + 1])
        else:
            offset, yaml_text, body_start = 0, text, None
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        keys: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        if isinstance(node, yaml.MappingNode):
            if node.flow_style:
                raise Unsupported(
                    [
                        Problem(
                            path,
                            1,
                            None,
                            "fix: a flow-style {…} mapping is not supported",
                        )
                    ]
                )
            for key, value in node.value:
                keys[str(key.value)] = (key, value)
        return cls(text, offset, keys, body_start)

    def span(self, name: str) -> tuple[int, int] | None:
        """Offsets of a top-level field's value."""
        if name not in self.keys:
            return None
        value = self.keys[name][1]
        return self.offset + value.start_mark.index, self.offset + value.end_mark.index

    def line(self, name: str) -> int:
        """1-based file line of a top-level key."""
        return self.text.count("\n", 0, self.key_start(name)) + 1

    def key_start(self, name: str) -> int:
        return self.offset + self.keys[name][0].start_mark.index

    def after_value_line(self, name: str) -> int:
        """Offset of the line after the end of a field's value."""
        _, end = self.span(name) or (0, 0)
        if end > 0 and self.text[end - 1] == "\n":
            return end
        newline = self.text.find("\n", end)
        return len(self.text) if newline < 0 else newline + 1

    def line_break(self, at: int) -> str:
        """A newline to insert before a new line at `at` when the file's last
        line has none (else nothing)."""
        return "\n" if at == len(self.text) and not self.text.endswith("\n") else ""

    def indent(self, name: str) -> str:
        start = self.key_start(name)
        return self.text[self.text.rfind("\n", 0, start) + 1 : start]


def _rule_on(code: str, checks: CheckConfig, disabled: Iterable[str]) -> bool:
    rule = REGISTRY.get(code)
    if rule is None or not is_selected(rule, checks.selected, checks.ignore):
        return False
    for prefix in [*disabled, *checks.ignored_for()]:
        p = prefix.strip()
        if p and (code.startswith(p.upper()) or p.lower() == rule.name):
            return False
    return True


def _find_fixes(
    doc: _Document,
    record: Record,
    article: Any,
    checks: CheckConfig,
    display: str,
    shift: int = 0,
) -> tuple[list[Fix], list[str]]:
    limits = checks.snippet_limits
    disabled = list(article.seo_pipeline_disable) + checks.ignored_for(display)
    on = {code: _rule_on(code, checks, disabled) for code in _CODES}
    fixes: list[Fix] = []
    notes: list[str] = []
    description = article.description
    if description and (on["LEN103"] or on["LEN104"]):
        fix, note = _fix_description(
            doc, description, article.keyphrase, limits, display
        )
        if fix is not None:
            fixes.append(fix)
            description = fix.value
        if note:
            notes.append(note)
    claimed = article.description_claimed_length
    if (
        claimed is not None
        and description  # a claim about a derived description is left alone
        and on["LEN110"]
        and "description_claimed_length" in doc.keys
    ):
        real = measure(description or "", "description", limits).chars
        if real != claimed:
            fixes.append(
                _remove_field(doc, "description_claimed_length", claimed, real)
            )
    if on["HEAD303"]:
        raw_body = str(record.data.get("body", ""))  # as in the file, not stripped
        fixes.extend(_fix_headings(doc, record, raw_body, shift))
    if on["LEN101"] or on["LEN102"]:
        fix, note = _fix_title(doc, article, limits, display)
        if fix is not None:
            fixes.append(fix)
        if note:
            notes.append(note)
    return fixes, notes


_CODES = ("LEN101", "LEN102", "LEN103", "LEN104", "LEN110", "HEAD303")


def _fix_description(
    doc: _Document,
    description: str,
    keyphrase: str | None,
    limits: SnippetLimits,
    display: str,
) -> tuple[Fix | None, str | None]:
    measured = measure(description, "description", limits)
    if measured.fits:
        return None, None
    code = "LEN103" if not measured.fits_chars else "LEN104"
    if "description" not in doc.keys:
        return (
            None,
            f"{display}: {code} not fixed: the description is not a `description:` field",
        )
    line = doc.line("description")
    if ORIGINAL_FIELD in doc.keys:
        return None, (
            f"{display}:{line}: {code} not fixed: `{ORIGINAL_FIELD}` already holds "
            "an earlier original; merge or remove it first"
        )
    fitted = fit(description, "description", limits, keyphrase)
    if not fitted or fitted == measured.text:
        return None, f"{display}:{line}: {code} not fixed: no shorter version fits"
    start, end = doc.span("description") or (0, 0)
    value_src = doc.text[start:end]
    style = getattr(doc.keys["description"][1], "style", None)
    new_value = _scalar(fitted, style)
    original_src = value_src.rstrip("\n")
    insert_at = doc.after_value_line("description")
    indent = doc.indent("description")
    edits = (
        Edit(start, end, new_value + ("\n" if value_src.endswith("\n") else "")),
        Edit(
            insert_at,
            insert_at,
            doc.line_break(insert_at) + f"{indent}{ORIGINAL_FIELD}: {original_src}\n",
        ),
    )
    after = measure(fitted, "description", limits)
    what = (
        f"{measured.chars} → {after.chars} characters"
        if not measured.fits_chars
        else f"{measured.px:.0f} → {after.px:.0f} px"
    )
    fix = Fix(
        code,
        line,
        f"description fitted ({what}); the original is kept in `{ORIGINAL_FIELD}`",
        edits,
        value=fitted,
    )
    return fix, None


def _remove_field(doc: _Document, name: str, claimed: int, real: int) -> Fix:
    start = doc.key_start(name)
    line_start = doc.text.rfind("\n", 0, start) + 1
    end = doc.after_value_line(name)
    return Fix(
        "LEN110",
        doc.line(name),
        f"`{name}: {claimed}` removed (the description has {real} characters)",
        (Edit(line_start, end, ""),),
    )


def _fix_title(
    doc: _Document, article: Any, limits: SnippetLimits, display: str
) -> tuple[Fix | None, str | None]:
    shown = article.seo_title or article.title
    measured = measure(shown, "title", limits)
    if measured.fits:
        return None, None
    code = "LEN101" if not measured.fits_chars else "LEN102"
    if article.seo_title is not None or "title" not in doc.keys:
        where = doc.line("seo_title") if "seo_title" in doc.keys else None
        at = f"{display}:{where}" if where else display
        return None, f"{at}: {code} not fixed: shorten `seo_title` by hand"
    fitted = fit(shown, "title", limits)
    if not fitted or fitted == measured.text:
        return None, None
    insert_at = doc.after_value_line("title")
    indent = doc.indent("title")
    after = measure(fitted, "title", limits)
    return (
        Fix(
            code,
            doc.line("title"),
            f"`seo_title` added, fitted from the title ({measured.chars} → "
            f"{after.chars} characters); `title` stays the H1",
            (
                Edit(
                    insert_at,
                    insert_at,
                    doc.line_break(insert_at)
                    + f"{indent}seo_title: {_scalar(fitted, None)}\n",
                ),
            ),
            unsafe=True,
            value=fitted,
        ),
        None,
    )


def _scalar(text: str, style: str | None) -> str:
    """`text` as a YAML scalar in the original's quoting style where possible."""
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style in (None, "") and _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}\n") == {"k": text})
    except yaml.YAMLError:
        return False


# --- headings ---------------------------------------------------------------


def _fix_headings(
    doc: _Document, record: Record, body: str, shift: int = 0
) -> list[Fix]:
    """HEAD303: shift `#` runs so no heading skips a level on the page.

    Levels are the page's (`shift` is `shift-headings`: a `#` is an H2 when
    it is 1); the H1 is the title, so the first body heading may be an H2.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table"]).parse(body)
    body_lines = body.split("\n")
    stack: list[tuple[int, int]] = [(1, 1)]
    fixes: list[Fix] = []
    for token in tokens:
        if token.type != "heading_open" or token.map is None:
            continue
        level = min(6, int(token.tag[1]) + shift)  # on the page
        if level <= 1:
            stack = [(1, 1)]
            continue
        while stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1]
        marks = max(1, min(level, parent + 1) - shift)  # `#`s in the Markdown
        new = min(6, marks + shift)
        stack.append((level, new))
        if new == level or not token.markup.startswith("#"):
            continue
        index = token.map[0]
        text_line = body_lines[index]
        marker = text_line.lstrip(" ").split(" ", 1)[0].split("\t", 1)[0]
        file_offset = _body_line_offset(doc, record, index)
        if file_offset is None:
            continue
        file_line_end = doc.text.find("\n", file_offset)
        file_line = doc.text[
            file_offset : file_line_end if file_line_end >= 0 else None
        ]
        at = file_line.find(marker)
        if at < 0 or set(marker) != {"#"}:
            continue
        start = file_offset + at
        fixes.append(
            Fix(
                "HEAD303",
                doc.text.count("\n", 0, start) + 1,
                f"heading `{marker}` → `{'#' * marks}` (h{level} → h{new} "
                f"under an h{parent})",
                (Edit(start, start + len(marker), "#" * marks),),
            )
        )
    return fixes


def _body_line_offset(doc: _Document, record: Record, index: int) -> int | None:
    """Offset in the file of body line `index`; None where lines do not map."""
    if doc.body_start is not None:
        start = doc.body_start
    else:
        node = doc.keys.get("body", (None, None))[1]
        if not isinstance(node, yaml.ScalarNode) or node.style != "|":
            return None
        start = doc.text.find("\n", doc.offset + node.start_mark.index) + 1
        if start <= 0:
            return None
    for _ in range(index):
        nxt = doc.text.find("\n", start)
        if nxt < 0:
            return None
        start = nxt + 1
    return start


# --- applying and verifying -------------------------------------------------


def _apply(text: str, edits: Sequence[Edit]) -> str:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end:
            raise PipelineError("fix: overlapping edits (please report this)")
    for edit in reversed(ordered):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


def _verify(
    path: Path,
    record: Record,
    new_text: str,
    fixes: Sequence[Fix],
    source: _Source,
    limits: Limits,
    display: str,
) -> None:
    """The edited text must read back as exactly the intended data."""
    expected = dict(record.data)
    for fix in fixes:
        if fix.code in ("LEN103", "LEN104"):
            expected[ORIGINAL_FIELD] = record.data["description"]
            expected["description"] = fix.value
        elif fix.code == "LEN110":
            expected.pop("description_claimed_length", None)
        elif fix.code in ("LEN101", "LEN102"):
            expected["seo_title"] = fix.value
    headings = [f for f in fixes if f.code == "HEAD303"]
    try:
        again = source.read(path, limits, new_text)
        validate(again, limits)
    except ContentError as exc:
        raise Unsupported(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"fix: the edit did not read back ({exc}); nothing written",
                )
            ]
        ) from None
    got = dict(again.data)
    if headings:
        old = str(record.data.get("body", "")).split("\n")
        new = str(got.get("body", "")).split("\n")
        if len(old) != len(new) or any(
            a != b and a.lstrip(" #") != b.lstrip(" #")
            for a, b in zip(old, new, strict=True)
        ):
            raise Unsupported(
                [
                    Problem(
                        path,
                        None,
                        None,
                        "fix: the heading edit changed more than levels; nothing written",
                    )
                ]
            )
        expected["body"] = got.get("body")
    if got != expected:
        raise Unsupported(
            [
                Problem(
                    path,
                    None,
                    None,
                    "fix: the edit did not read back as intended; nothing written",
                )
            ]
        )


# --- writing ----------------------------------------------------------------


def write_fixes(plan: FixPlan) -> list[FileFixes]:
    """Write every changed file atomically; the files written."""
    from pipeline.write import atomic_write

    written = []
    for file in plan.changed:
        target = file.path.resolve()
        try:
            if target.read_bytes() != file.before:
                raise PipelineError(
                    [
                        Problem(
                            file.path, None, None, "changed while fixing; run fix again"
                        )
                    ]
                )
            atomic_write(target, file.after)
        except OSError as exc:
            raise PipelineError(
                [Problem(file.path, None, None, f"cannot write: {exc.strerror or exc}")]
            ) from None
        written.append(file)
    return written


# --- what the command line prints -------------------------------------------


def fix_lines(plan: FixPlan, *, diff: bool) -> list[str]:
    """One line per fix (`file:line: CODE fixed: …`), then the summary."""
    verb = "would fix" if diff else "fixed"
    lines = [
        f"{file.display}:{fix.line}: {fix.code} {verb}: {fix.message}"
        for file in plan.files
        for fix in file.applied
    ]
    n, files = plan.fix_count, len(plan.changed)
    count = (
        f"{n} problem{'' if n == 1 else 's'} in {files} file{'' if files == 1 else 's'}"
    )
    if n == 0:
        lines.append("Nothing to fix.")
    else:
        lines.append(f"{'Would fix' if diff else 'Fixed'} {count}.")
    if plan.unsafe_count:
        u = plan.unsafe_count
        lines.append(
            f"{u} more fix{'' if u == 1 else 'es'} available with --unsafe-fixes "
            "(they change words beyond the description):"
        )
        lines += [
            f"  {file.display}:{fix.line}: {fix.code}: {fix.message}"
            for file in plan.files
            for fix in file.unsafe_skipped
        ]
    return lines


def note_lines(plan: FixPlan) -> list[str]:
    """Findings without a fix here, and files passed over (standard error)."""
    return [*(n for file in plan.files for n in file.notes), *plan.unsupported]
