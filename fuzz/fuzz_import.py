"""Fuzz `import`: the draft importer and the HTML page importer.

    python fuzz/fuzz_import.py fuzz/corpus/import -max_total_time=300

The first input byte picks the importer (even: HTML page, odd: draft).
A `ContentError` (a `file:line` message for the user) is fine; any other
exception is a bug.
"""

from __future__ import annotations

import contextlib

from _common import run


def prepare() -> None:
    from pipeline.importing.files import import_bytes

    one_input(b"\x01Title\n\nA first paragraph.\n")
    one_input(b"\x00<!doctype html><html><head><title>T</title></head></html>")
    assert import_bytes


def one_input(data: bytes) -> None:
    from pipeline.errors import PipelineError
    from pipeline.importing.files import import_bytes

    if not data:
        return
    html = data[0] % 2 == 0
    body = data[1:]
    if html and not body.lstrip().lower().startswith((b"<!doctype", b"<html")):
        body = b"<!doctype html>" + body
    with contextlib.suppress(PipelineError):
        import_bytes("page.html" if html else "draft.md", body)


if __name__ == "__main__":
    run(one_input, prepare)
