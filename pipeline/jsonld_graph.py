"""One page's JSON-LD as a graph: objects, nodes merged by `@id`, references.

`PageFacts.jsonld_graph` builds a `JsonLdGraph` once per page from the decoded
JSON-LD blocks, and every rule that reads JSON-LD (SD4xx, META512/513) uses
it instead of walking the blocks itself. It is pure: the blocks' data is read,
never changed, and the view's own dicts must be treated as read-only too.

* `objects`: every JSON object of every parsed (or repaired) block, in
  document order (pre-order), each with its block and its path inside the
  block — `@graph` members, items of top-level arrays, nested nodes, and also
  the objects inside an `@context` (`Occurrence.in_context`), which are term
  definitions rather than nodes. `Occurrence.node` is the object as JSON-LD
  consumers read it: keys and `@type`s resolved through the active
  `@context` (`pipeline.jsonld_context`: `type` → `@type`, `schema:name` →
  `name`); `Occurrence.raw` is the object as written.
* `nodes`: the node objects (outside `@context`) that have a `@type`, merged
  by `@id` as JSON-LD does: a node declared again in another place (or block)
  is listed once, at its first declaration, and keeps the first value of each
  property.
* `index` and `resolve()`: a `{"@id": …}` reference → the merged node that
  declares that `@id`.
* `types_of()` and `is_a()`: a node's schema.org type names and subtype test;
  `listify()`, `text_of()` and `node_label()`: values and nodes as rules read
  and name them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline import schemaorg
from pipeline.facts_types import JsonLdBlock
from pipeline.jsonld_context import Context, schema_name, schema_org

__all__ = [
    "JsonLdGraph",
    "Node",
    "Occurrence",
    "Path",
    "build",
    "is_a",
    "listify",
    "node_label",
    "text_of",
    "types_of",
]

Node = Mapping[str, Any]
"""A JSON-LD object (decoded JSON: a `dict`, read-only)."""

Path = tuple[str | int, ...]
"""Keys and list indexes from a block's top value down to an object."""


def listify(value: Any) -> list[Any]:
    """A JSON-LD value as a list: a list as is, `None` as `[]`, else `[value]`."""
    return value if isinstance(value, list) else [] if value is None else [value]


def types_of(node: Node) -> tuple[str, ...]:
    """The schema.org local names of a node's `@type`s (`https://schema.org/Article`
    → `Article`); other vocabularies' IRIs and non-strings are left out."""
    value = node.get("@type")
    names = (value,) if isinstance(value, str) else listify(value)
    return tuple(
        local
        for t in names
        if isinstance(t, str) and (local := schemaorg.local_name(t)) is not None
    )


def node_label(node: Node) -> str:
    """`FAQPage`, `Article/BlogPosting 'https://…#article'`: a node in messages."""
    kind = "/".join(str(t) for t in listify(node.get("@type"))) or "node"
    ident = node.get("@id")
    return f"{kind} {ident!r}" if isinstance(ident, str) else kind


def text_of(value: Any) -> str | None:
    """A non-blank string value, stripped; else None."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def is_a(node: Any, of: str) -> bool:
    """Whether `node` is an object of schema.org type `of` or a subtype of it."""
    return isinstance(node, dict) and any(
        schemaorg.is_subtype(t, of) for t in types_of(node)
    )


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One JSON object where it is written: its block, its path, the object."""

    block: JsonLdBlock
    path: Path
    """Keys (as written) and list indexes from the block's top value down."""
    node: Node
    """The object as JSON-LD consumers read it: keys and `@type` values
    resolved through the active `@context` (`pipeline.jsonld_context`), so
    `type`/`id` are `@type`/`@id`, and `schema:name`, `https://schema.org/name`
    or a custom prefix's name are `name`; keys of other vocabularies are their
    full IRI, undefined keys stay as written. Objects in `@context` are as written."""
    raw: Node
    """The object exactly as written in the block."""
    context: Context
    """The active context at this object (its own `@context` applied)."""
    via: str | None = None
    """The resolved property this object is a value of (`member`, `mainEntity`);
    None for top-level objects and `@graph` members."""

    @property
    def in_context(self) -> bool:
        """Whether the object is inside an `@context` (a term definition)."""
        return "@context" in self.path

    @property
    def top_level(self) -> bool:
        """Whether the object is a block's top object (or an item of its top
        array), or a member of such an object's `@graph` list."""
        path = self.path
        if isinstance(self.block.data, list) and path:
            path = path[1:]
        return not path or (
            len(path) == 2 and path[0] == "@graph" and isinstance(path[1], int)
        )

    @property
    def top(self) -> Node | None:
        """The top-level object (the block's object, or its array's item) the
        object is in; None under an item that is not an object."""
        data = self.block.data
        if isinstance(data, list):
            first = self.path[0] if self.path else None
            data = data[first] if isinstance(first, int) else None
        return data if isinstance(data, dict) else None


@dataclass(frozen=True, slots=True)
class JsonLdGraph:
    """A page's JSON-LD walked once (see the module docstring)."""

    objects: tuple[Occurrence, ...]
    """Every object of every parsed block, in document order (pre-order)."""
    nodes: tuple[tuple[JsonLdBlock, Node], ...]
    """Typed nodes outside `@context`, merged by `@id`, with the block of
    their first declaration, in document order."""
    index: Mapping[str, Node]
    """Merged nodes by `@id` (typed or not)."""
    _of_type: dict[str, tuple[tuple[JsonLdBlock, Node], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def walk(self, *, context: bool = False) -> Iterator[Occurrence]:
        """The objects in document order; those in `@context` only if `context`."""
        if context:
            yield from self.objects
        else:
            yield from (o for o in self.objects if not o.in_context)

    def resolve(self, value: Any) -> Any:
        """A `{"@id": …}` reference → the node declaring that `@id` (if any);
        anything else unchanged."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.index.get(value["@id"], value)
        return value

    def of_type(self, of: str) -> tuple[tuple[JsonLdBlock, Node], ...]:
        """The `nodes` of schema.org type `of` or a subtype of it (remembered:
        several rules ask for the same type)."""
        found = self._of_type.get(of)
        if found is None:
            found = self._of_type[of] = tuple(
                (b, n) for b, n in self.nodes if is_a(n, of)
            )
        return found


def resolve_key(key: str, ctx: Context) -> str:
    """A key as consumers read it under `ctx`: a keyword, a schema.org local
    name, another vocabulary's full IRI, or (undefined) the key as written."""
    expanded = ctx.expand(key)
    if expanded is None:
        return key
    return schema_name(expanded) or expanded


def _resolve_types(value: Any, ctx: Context) -> Any:
    """`@type` values resolved like keys (strings only; the rest unchanged)."""
    if isinstance(value, str):
        return resolve_key(value, ctx)
    if isinstance(value, list):
        return [resolve_key(t, ctx) if isinstance(t, str) else t for t in value]
    return value


_Task = tuple[Path, Any, Context, str | None, Any, str | int]


def _objects(block: JsonLdBlock) -> Iterator[Occurrence]:
    """Every object in a block's data, pre-order (iterative: no recursion limit),
    with keys resolved through the active context (see `Occurrence.node`).

    A top-level object without `@context` is read under schema.org's context
    (SD402 reports the missing context); one with a `@context` starts from an
    empty context, as JSON-LD does."""
    top: list[Any] = [None]
    stack: list[_Task] = [((), block.data, schema_org(), None, top, 0)]
    while stack:
        path, value, ctx, via, parent, slot = stack.pop()
        in_context = "@context" in path
        children: list[_Task] = []
        if isinstance(value, dict):
            if not in_context and "@context" in value:
                is_top = not path or (len(path) == 1 and isinstance(block.data, list))
                ctx = (Context() if is_top else ctx).extend(value["@context"])
            node: dict[str, Any] = value if in_context else {}
            for key, child in value.items():
                if in_context or key == "@context":
                    sub = (*path, key)
                    children.append((sub, child, ctx, None, None, key))
                    if not in_context:
                        node[key] = child
                    continue
                name = resolve_key(key, ctx)
                if name in node:
                    continue  # `type` beside `@type`: the first one is read
                if name == "@type":
                    node[name] = _resolve_types(child, ctx)
                    continue
                node[name] = child
                inner = (
                    via
                    if name in ("@list", "@set")
                    else (None if name.startswith("@") else name)
                )
                children.append(((*path, key), child, ctx, inner, node, name))
            if parent is not None:
                parent[slot] = node
            yield Occurrence(block, path, node, value, ctx, via)
        elif isinstance(value, list):
            items = value if parent is None else list(value)
            if parent is not None:
                parent[slot] = items
            for i, child in enumerate(value):
                owner = None if parent is None else items
                children.append(((*path, i), child, ctx, via, owner, i))
        stack.extend(t for t in reversed(children) if isinstance(t[1], dict | list))


def build(blocks: Iterable[JsonLdBlock]) -> JsonLdGraph:
    """The graph of a page's JSON-LD blocks (blocks that did not parse add nothing)."""
    objects: list[Occurrence] = []
    merged: dict[str, dict[str, Any]] = {}
    declared: list[tuple[JsonLdBlock, Node]] = []
    for block in blocks:
        if block.data is None:
            continue  # did not parse (a repaired block has data and an error)
        for occ in _objects(block):
            objects.append(occ)
            if occ.in_context:
                continue
            node, ident = occ.node, occ.node.get("@id")
            if isinstance(ident, str) and set(node) - {"@id"}:
                if ident in merged:  # JSON-LD merges nodes with the same @id
                    for key, value in node.items():
                        merged[ident].setdefault(key, value)
                    continue
                node = merged[ident] = dict(node)
            declared.append((block, node))
    nodes = tuple((b, n) for b, n in declared if "@type" in n)
    return JsonLdGraph(tuple(objects), nodes, merged)
