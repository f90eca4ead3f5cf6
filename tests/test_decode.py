"""pipeline.decode: the one bytes-to-text decoder of content files, drafts and pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import facts
from pipeline.decode import byte_position, decode_html, decode_text, read_text
from pipeline.errors import ContentError


def test_facts_and_the_importer_use_this_decoder() -> None:
    assert facts.decode_html is decode_html


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbfa\r\nb\rc\n", "a\nb\nc\n"),
        ("é\n".encode(), "é\n"),
    ],
    ids=["bom-and-line-endings", "utf8"],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_decode_text_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"---\ntitle: x\n---\ncaf\xe9\n")
    with pytest.raises(ContentError, match=r"post\.md:4: not valid UTF-8"):
        read_text(path)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><p>caf\xe9</p>', "café"),
        (
            b"<meta http-equiv='content-type' content='text/html; charset=koi8-r'>\xc1",
            "а",
        ),
        (b'<meta charset="windows-1252"><p>\x93q\x94</p>', "“q”"),
        (b"\xfe\xff\x00c\x00a\x00f\x00\xe9", "café"),
    ],
    ids=["xml-declaration", "http-equiv", "meta-charset", "utf16-be-bom"],
)
def test_decode_html_honours_declared_charsets(data: bytes, text: str) -> None:
    decoded, issue = decode_html(data)
    assert text in decoded
    assert issue is None


@pytest.mark.parametrize(
    "data",
    [
        b"<p>ok</p>\n<p>caf\xe9</p>",
        b'<meta charset="utf-8">\n<p>caf\xe9</p>',
        b'<meta charset="no-such-codec">\n<p>caf\xe9</p>',
    ],
    ids=["undeclared", "declared-utf8", "unknown-charset"],
)
def test_invalid_utf8_is_replaced_and_its_position_kept(data: bytes) -> None:
    decoded, issue = decode_html(data)
    assert "caf\ufffd" in decoded
    assert issue is not None
    assert (issue.line, issue.column) == (2, 7)
    assert issue.message == (
        "not valid UTF-8 at line 2, column 7 (byte 0xe9); decoded with U+FFFD"
    )


def test_byte_position_is_one_based() -> None:
    data = b"ab\ncd\n\nef"
    assert byte_position(data, 0) == (1, 1)
    assert byte_position(data, 4) == (2, 2)
    assert byte_position(data, 7) == (4, 1)
