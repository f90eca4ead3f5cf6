#!/usr/bin/env python3
"""Generate ``pipeline/data/widths.json`` from Liberation Sans (fonts-liberation2).

Usage::

    python scripts/gen_widths.py            # write pipeline/data/widths.json
    python scripts/gen_widths.py --check    # exit 1 if the shipped file is stale
    python scripts/gen_widths.py --stdout   # print the JSON instead

Liberation Sans is metric-compatible with Arial, the face Google result pages
use for titles and snippets, so its advance widths give pixel-true SERP widths.

What goes into the table, per weight (regular, bold):

* ``widths``: the ``hmtx`` advance width, in font units, of the glyph the
  ``cmap`` maps each code point to, for every mapped code point.  Stored as
  runs of consecutive code points: ``[first_codepoint, w0, w1, ...]``.
  Glyphs that ``GDEF`` classes as marks get 0, because HarfBuzz (the shaper of
  Chromium, Firefox and Safari) zeroes mark advances.
* ``kern``: pair adjustments of the GPOS ``kern`` feature for the ``latn``
  script (the same lookup also serves Cyrillic and Greek in this font),
  flattened from glyph pairs to code point pairs:
  ``{"left_codepoint": [right_cp, value, right_cp, value, ...]}``.
* ``fallback_width``: ``OS/2.xAvgCharWidth``, used for characters the font
  lacks (the browser then draws them with some other font, so any width for
  them is a guess).

Why kerning is included: Chromium shapes text with HarfBuzz and enables the
``kern`` feature by default.  Measured in Chromium 156 with this font at
20 px, "AV" is 1.48 px narrower than the sum of its advances, "To" 2.22 px,
"Ya" 1.48 px; a realistic title such as "Your Travel Guide: Visit Tokyo,
Vancouver & Warsaw Today" is 10.7 px narrower in page layout.  Over the 200
strings of tests/test_browser_widths.py, a kerning-free table is off by up to
22 px (121 strings by more than 1 px) at 20 px; with kerning the worst case is
0.015 px.  So the pairs are shipped and applied (all 908 pairs of the lookup:
small enough to ship whole).  Kerning also applies across spaces in page
layout (pairs such as " A", "A ", " T"), which is what a result page renders;
canvas ``measureText`` instead shapes word by word and skips those pairs.

Marks: the kern lookup ignores glyphs that ``GDEF`` classes as marks, but in
this font those are only Hebrew points; Latin combining accents (U+0300...)
are base glyphs there, so "A" + U+0330 + "V" is not kerned (as Chromium shows).

Not modelled: the ``ccmp`` ligatures of tone letters U+02E5..U+02E9 and the
Hebrew-only kerning lookup; neither matters for SEO text.

The output is deterministic: sorted keys, no whitespace, no timestamps.  The
font data (metrics only, no outlines) comes from Liberation Sans, licensed
under the SIL Open Font License 1.1; the attribution is stored in the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_FILES = {
    "regular": FONT_DIR / "LiberationSans-Regular.ttf",
    "bold": FONT_DIR / "LiberationSans-Bold.ttf",
}
OUTPUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "widths.json"

LICENSE = "SIL Open Font License, Version 1.1"
LICENSE_URL = "https://openfontlicense.org"
ATTRIBUTION = (
    "Advance widths and kerning values extracted from Liberation Sans "
    "(Debian package fonts-liberation2). Digitized data copyright (c) 2010 "
    "Google Corporation; copyright (c) 2012 Red Hat, Inc. Licensed under the "
    "SIL Open Font License, Version 1.1. This file holds metrics only, no "
    "glyph outlines."
)

_GDEF_MARK = 3
_LOOKUP_FLAG_IGNORE_MARKS = 0x8
_VALUE_X_ADVANCE = 0x4


def _name(font: TTFont, name_id: int) -> str:
    value = font["name"].getDebugName(name_id)
    if value is None:
        raise SystemExit(f"font has no name record {name_id}")
    return str(value).strip()


def _mark_glyphs(font: TTFont) -> set[str]:
    if "GDEF" not in font or font["GDEF"].table.GlyphClassDef is None:
        return set()
    class_defs = font["GDEF"].table.GlyphClassDef.classDefs
    return {glyph for glyph, cls in class_defs.items() if cls == _GDEF_MARK}


def _widths(font: TTFont) -> dict[int, int]:
    hmtx = font["hmtx"]
    marks = _mark_glyphs(font)
    return {
        cp: 0 if glyph in marks else int(hmtx[glyph][0])
        for cp, glyph in font.getBestCmap().items()
    }


def _runs(widths: dict[int, int]) -> list[list[int]]:
    """Pack {codepoint: width} into runs ``[first, w0, w1, ...]``."""
    runs: list[list[int]] = []
    previous = -2
    for cp in sorted(widths):
        if cp != previous + 1:
            runs.append([cp])
        runs[-1].append(widths[cp])
        previous = cp
    return runs


def _kern_lookups(font: TTFont) -> list[Any]:
    """The GPOS lookups behind the ``kern`` feature of the latn script."""
    gpos = font["GPOS"].table
    script = next(
        rec.Script for rec in gpos.ScriptList.ScriptRecord if rec.ScriptTag == "latn"
    )
    indices: list[int] = []
    for feature_index in script.DefaultLangSys.FeatureIndex:
        record = gpos.FeatureList.FeatureRecord[feature_index]
        if record.FeatureTag == "kern":
            indices.extend(record.Feature.LookupListIndex)
    return [gpos.LookupList.Lookup[i] for i in sorted(set(indices))]


def _glyph_pairs(font: TTFont) -> dict[tuple[str, str], int]:
    """Flatten PairPos subtables into {(left glyph, right glyph): x-advance}."""
    glyph_order = font.getGlyphOrder()
    total: dict[tuple[str, str], int] = defaultdict(int)
    for lookup in _kern_lookups(font):
        if lookup.LookupFlag not in (0, _LOOKUP_FLAG_IGNORE_MARKS):
            raise SystemExit(f"unsupported lookup flag {lookup.LookupFlag}")
        subtables = lookup.SubTable
        if lookup.LookupType == 9:
            subtables = [st.ExtSubTable for st in subtables]
        elif lookup.LookupType != 2:
            raise SystemExit(f"unexpected kern lookup type {lookup.LookupType}")
        seen: dict[tuple[str, str], int] = {}
        for st in subtables:
            if st.ValueFormat1 & ~_VALUE_X_ADVANCE or st.ValueFormat2:
                raise SystemExit("only first-glyph XAdvance kerning is supported")
            if st.Format == 1:
                for left, pair_set in zip(st.Coverage.glyphs, st.PairSet, strict=True):
                    for rec in pair_set.PairValueRecord:
                        value = getattr(rec.Value1, "XAdvance", 0) or 0
                        # Within a lookup, the first subtable that matches wins.
                        seen.setdefault((left, rec.SecondGlyph), value)
            elif st.Format == 2:
                cls1 = st.ClassDef1.classDefs
                cls2 = st.ClassDef2.classDefs
                for left in st.Coverage.glyphs:
                    row = st.Class1Record[cls1.get(left, 0)].Class2Record
                    for right in glyph_order:
                        value = getattr(row[cls2.get(right, 0)].Value1, "XAdvance", 0)
                        if value:
                            seen.setdefault((left, right), value)
            else:
                raise SystemExit(f"unexpected PairPos format {st.Format}")
        for pair, value in seen.items():
            total[pair] += value
    return {pair: value for pair, value in total.items() if value}


def _kern(font: TTFont) -> dict[str, list[int]]:
    by_glyph: dict[str, list[int]] = defaultdict(list)
    for cp, glyph in font.getBestCmap().items():
        by_glyph[glyph].append(cp)
    pairs: dict[int, dict[int, int]] = defaultdict(dict)
    for (left, right), value in _glyph_pairs(font).items():
        for lcp in by_glyph.get(left, []):
            for rcp in by_glyph.get(right, []):
                pairs[lcp][rcp] = value
    return {
        str(lcp): [x for rcp in sorted(rights) for x in (rcp, rights[rcp])]
        for lcp, rights in sorted(pairs.items())
    }


def _weight(path: Path) -> dict[str, Any]:
    font = TTFont(path)
    return {
        "file": path.name,
        "full_name": _name(font, 4),
        "version": _name(font, 5),
        "copyright": _name(font, 0),
        "fallback_width": int(font["OS/2"].xAvgCharWidth),
        "widths": _runs(_widths(font)),
        "kern": _kern(font),
    }


def generate() -> str:
    """Return the widths table as compact, deterministic JSON text."""
    weights = {name: _weight(path) for name, path in FONT_FILES.items()}
    upm = {int(TTFont(path)["head"].unitsPerEm) for path in FONT_FILES.values()}
    if len(upm) != 1:
        raise SystemExit(f"weights disagree on unitsPerEm: {upm}")
    data = {
        "format": 1,
        "generator": "scripts/gen_widths.py",
        "family": "Liberation Sans",
        "source_package": "fonts-liberation2",
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "attribution": ATTRIBUTION,
        "units_per_em": upm.pop(),
        "weights": weights,
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if stale")
    group.add_argument("--stdout", action="store_true", help="print, don't write")
    args = parser.parse_args(argv)
    missing = [str(p) for p in FONT_FILES.values() if not p.is_file()]
    if missing:
        print(
            "missing font files (apt-get install fonts-liberation2): "
            + ", ".join(missing),
            file=sys.stderr,
        )
        return 2
    text = generate()
    if args.stdout:
        sys.stdout.write(text)
    elif args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run scripts/gen_widths.py", file=sys.stderr)
            return 1
    else:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
