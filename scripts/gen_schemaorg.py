"""Generate `pipeline/data/schemaorg.json`, the offline schema.org vocabulary.

A dev-time step, never run by the package. It reads two files of a schema.org
release (the schemaorg/schemaorg repository's `data/releases/<version>/`):

* `schemaorg-all-https.jsonld`: every term (core, pending, extensions such as
  `health-lifesci`, and the attic) as `rdfs:Class` and `rdf:Property` nodes;
* `schemaorgcontext.jsonld`: the `@context` that `https://schema.org` serves,
  i.e. what a page's `"@context": "https://schema.org"` means.

and writes one compact table:

* `types`: type name → direct supertypes (`rdfs:subClassOf`, schema.org only);
* `properties`: property name → `domains` (`schema:domainIncludes`) and
  `ranges` (`schema:rangeIncludes`);
* `superseded`: term → the term that replaces it (`schema:supersededBy`);
* `parts`: term → the part of schema.org it belongs to when that is not the
  core (`schema:isPartOf`: `pending`, `attic`, or an extension such as
  `health-lifesci`, `auto`, `bib`, `meta`);
* `context`: the remote context reduced to what term resolution needs: the
  keyword aliases (`type` → `@type`, `id` → `@id`), `@vocab`, the prefixes
  (`schema`, `dcterms` …) and the terms it maps outside schema.org.

Inheritance is resolved at load time by `pipeline/schemaorg.py`.

Usage::

    python scripts/gen_schemaorg.py tests/fixtures/schemaorg-30.0        # the committed copy
    python scripts/gen_schemaorg.py path/to/data/releases/30.0 --release 30.0
    python scripts/gen_schemaorg.py tests/fixtures/schemaorg-30.0 --check  # exit 1 if stale

SOURCE is a folder holding both files, plain or compressed (`.xz`, `.gz`). The
release number is read from the folder name (`schemaorg-30.0`, `…/30.0`) unless
`--release` gives it. The output is deterministic (sorted, one entry per line)
so a regeneration shows as a readable diff. Schema.org is licensed CC BY-SA
3.0; the attribution is written into the table and into
`pipeline/data/SCHEMAORG-LICENSE`, which this script also writes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pipeline" / "data" / "schemaorg.json"
LICENSE_OUT = REPO / "pipeline" / "data" / "SCHEMAORG-LICENSE"
VOCAB_FILE = "schemaorg-all-https.jsonld"
CONTEXT_FILE = "schemaorgcontext.jsonld"
VERSION = re.compile(r"(?:^|[-/])(?P<version>\d+\.\d+)$")
ATTRIBUTION = (
    "Schema.org vocabulary, release {version}, by schema.org "
    "(https://schema.org/docs/terms.html), licensed under the Creative Commons "
    "Attribution-ShareAlike 3.0 License "
    "(https://creativecommons.org/licenses/by-sa/3.0/). Reduced by "
    "scripts/gen_schemaorg.py to term names, supertypes, property domains and "
    "ranges, superseded terms, the part of schema.org each term belongs to, and "
    "the keyword aliases and prefixes of the schema.org JSON-LD context."
)
LICENSE_TEXT = """\
schemaorg.json in this folder is derived from the Schema.org vocabulary.

Source:      Schema.org, release {version}: schemaorg-all-https.jsonld and
             schemaorgcontext.jsonld from data/releases/{version}/ of the
             schemaorg/schemaorg repository (https://github.com/schemaorg/schemaorg);
             a copy is committed under tests/fixtures/schemaorg-{version}/.
Authors:     schema.org — https://schema.org/ (terms: https://schema.org/docs/terms.html)
Licence:     Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0)
             https://creativecommons.org/licenses/by-sa/3.0/
             Legal code: https://creativecommons.org/licenses/by-sa/3.0/legalcode
Changes:     reduced by scripts/gen_schemaorg.py to the type names with their
             direct supertypes, the property names with their domains
             (domainIncludes) and ranges (rangeIncludes), superseded terms
             (supersededBy), the part of schema.org each non-core term belongs
             to (isPartOf: pending, attic, extensions), and the keyword aliases
             and prefixes of the JSON-LD context; descriptions and examples
             were dropped.

The derived file schemaorg.json is distributed under the same licence,
CC BY-SA 3.0. The rest of seo-pipeline is under its own licence (MIT).
"""
PREFIX = "schema:"
PART = re.compile(r"^https?://(?P<part>[a-z-]+)\.schema\.org/?$")


def _read(folder: Path, name: str) -> Any:
    """`name` in `folder`, plain or as `.xz`/`.gz`, decoded as JSON."""
    for candidate, opener in (
        (folder / name, Path.read_bytes),
        (folder / f"{name}.xz", lambda p: lzma.decompress(p.read_bytes())),
        (folder / f"{name}.gz", lambda p: gzip.decompress(p.read_bytes())),
    ):
        if candidate.is_file():
            return json.loads(opener(candidate))
    raise FileNotFoundError(f"{name}(.xz|.gz) not in {folder}")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _ids(value: Any) -> list[str]:
    """`{"@id": "schema:X"}` or a list of them → `["X"]`; non-schema ids dropped."""
    return sorted(
        i["@id"].removeprefix(PREFIX)
        for i in _as_list(value)
        if isinstance(i, dict) and str(i.get("@id", "")).startswith(PREFIX)
    )


def _part(node: Mapping[str, Any]) -> str | None:
    """`pending`, `attic`, `health-lifesci` …; None for the core."""
    for item in _as_list(node.get("schema:isPartOf")):
        ident = item.get("@id", "") if isinstance(item, dict) else str(item)
        if m := PART.match(ident):
            return m["part"]
    return None


def reduce_context(context: Mapping[str, Any]) -> dict[str, str]:
    """The remote context's aliases, `@vocab`, prefixes and non-schema terms.

    Terms that the context maps to `schema:<same name>` are left out: `@vocab`
    resolves them the same way.
    """
    ctx = context.get("@context", context)
    out: dict[str, str] = {}
    for term, definition in ctx.items():
        iri = definition.get("@id") if isinstance(definition, dict) else definition
        if not isinstance(iri, str):
            continue
        if iri == f"{PREFIX}{term}":
            continue
        out[term] = iri
    return dict(sorted(out.items()))


def build(
    graph: Iterable[Mapping[str, Any]],
    version: str,
    context: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The compact vocabulary (see the module docstring)."""
    types: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str]]] = {}
    superseded: dict[str, str] = {}
    parts: dict[str, str] = {}
    for node in graph:
        ident = str(node.get("@id", ""))
        if not ident.startswith(PREFIX):
            continue  # an equivalent term of another vocabulary
        name = ident.removeprefix(PREFIX)
        kinds = _as_list(node.get("@type"))
        if "rdfs:Class" in kinds:
            types[name] = _ids(node.get("rdfs:subClassOf"))
        elif "rdf:Property" in kinds:
            properties[name] = {
                "domains": _ids(node.get("schema:domainIncludes")),
                "ranges": _ids(node.get("schema:rangeIncludes")),
            }
        else:
            continue  # an enumeration member (InStock), not a type or property
        if newer := _ids(node.get("schema:supersededBy")):
            superseded[name] = newer[0]
        if part := _part(node):
            parts[name] = part
    # A superseded property may have lost its domain (interactionCount): give
    # it the domain of its replacement, else Thing, so it stays usable.
    for name, entry in properties.items():
        if not entry["domains"]:
            replacement = properties.get(superseded.get(name, ""), {})
            entry["domains"] = replacement.get("domains") or ["Thing"]
    return {
        "attribution": ATTRIBUTION.format(version=version),
        "release": version,
        "context": reduce_context(context or {}),
        "parts": dict(sorted(parts.items())),
        "superseded": dict(sorted(superseded.items())),
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
    }


def dump(vocab: Mapping[str, Any]) -> str:
    """Sorted JSON with one entry per line (small, diffable)."""
    lines = ["{"]
    for key in ("attribution", "release"):
        lines.append(f"{json.dumps(key)}: {json.dumps(vocab[key])},")
    sections = ("context", "parts", "superseded", "types", "properties")
    for section in sections:
        entries = [
            f"{json.dumps(name)}:{json.dumps(values, separators=(',', ':'))}"
            for name, values in vocab[section].items()
        ]
        body = ",\n".join(entries)
        close = "}" if section == sections[-1] else "},"
        lines.append(f"{json.dumps(section)}: {{\n{body}\n{close}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def generate(source: Path, version: str) -> tuple[str, str]:
    """The table's text and the licence note's text, from a release folder."""
    graph = _read(source, VOCAB_FILE)["@graph"]
    context = _read(source, CONTEXT_FILE)
    vocab = build(graph, version, context)
    text = dump(vocab)
    assert json.loads(text) == vocab
    return text, LICENSE_TEXT.format(version=version)


def main(argv: list[str]) -> int:
    """Read the release folder named in argv and write (or --check) the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder with the two release files")
    parser.add_argument("--release", help="release number (default: from the folder)")
    parser.add_argument("--output", type=Path, default=OUT)
    parser.add_argument("--license-output", type=Path, default=LICENSE_OUT)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the outputs are stale"
    )
    args = parser.parse_args(argv)
    version = args.release
    if version is None:
        m = VERSION.search(args.source.resolve().as_posix())
        if m is None:
            parser.error(f"cannot tell the release from {args.source}: use --release")
        version = m["version"]
    text, licence = generate(args.source, version)
    if args.check:
        stale = [
            str(path)
            for path, want in ((args.output, text), (args.license_output, licence))
            if not path.is_file() or path.read_text(encoding="utf-8") != want
        ]
        for path in stale:
            print(f"stale: {path} (run scripts/gen_schemaorg.py)", file=sys.stderr)
        return 1 if stale else 0
    args.output.write_text(text, encoding="utf-8", newline="\n")
    args.license_output.write_text(licence, encoding="utf-8", newline="\n")
    vocab = json.loads(text)
    print(
        f"wrote {args.output.name}: release {version}, {len(vocab['types'])} types, "
        f"{len(vocab['properties'])} properties, {len(text.encode())} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
