"""The document model: what a transcription *is*, independent of any format.

Readers build it, writers consume it; nothing here does I/O. Every node keeps
the :class:`Span` of the transcription it came from, so any later stage (the
JSON Schema check, the TEI schemas, a writer that cannot render something) can
point back to ``file:line:col``.

Inline content is a flat tuple of :data:`Inline` nodes; blocks hold inline
content; a :class:`Document` is a sequence of blocks plus its footnotes. Each
footnote is anchored by a :class:`NoteRef` at the place its marker stood.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from cableconv.diagnostics import Span

#: 2: a span is its offsets only (version 1 also stored its lines and
#: columns; those are read and ignored).
MODEL_VERSION = 2
READABLE_VERSIONS = (1, 2)

# --------------------------------------------------------------------------
# inline content
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    span: Span


@dataclass(frozen=True)
class PageBreak:
    """Where the printed page turns: ``[Page 379]``."""

    n: str
    span: Span


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker: the note ``n`` is anchored here.

    ``n`` is empty for a note printed without a mark (TEI: a ``note`` without
    ``@n``, which FRUS places after the block it belongs to); such a marker
    ends its block.
    """

    n: str
    span: Span


@dataclass(frozen=True)
class LineBreak:
    span: Span


@dataclass(frozen=True)
class Name:
    """A sender or recipient named in a heading.

    ``kind`` is ``person`` for a surname (``Harriman``), ``office`` for an
    office or title (``President``); ``role`` says who sent and who received.
    """

    text: str
    kind: Literal["person", "office"]
    role: Literal["from", "to"]
    span: Span


@dataclass(frozen=True)
class DateText:
    """The date inside a dateline, with its ISO value when it can be read."""

    text: str
    when: str | None
    span: Span


Inline = Union[Text, PageBreak, NoteRef, LineBreak, Name, DateText]  # noqa: UP007
Inlines = tuple[Inline, ...]

# --------------------------------------------------------------------------
# blocks
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceNote:
    """A source line: ``761.93/12–1544: Telegram``, ``[Telegram]``."""

    content: Inlines
    span: Span


@dataclass(frozen=True)
class Heading:
    content: Inlines
    span: Span


@dataclass(frozen=True)
class Opener:
    """Lines before the dateline: classification (``top secret``), ``priority``.
    ``role`` ``"place"``: a line above the text naming where it was written
    (a legation, an office, a town), neither a classification nor a dateline
    (FRUS TEI's ``opener/placeName``, seen in frus1864p3)."""

    lines: tuple[Inlines, ...]
    span: Span
    role: Literal["place"] | None = None


@dataclass(frozen=True)
class Dateline:
    content: Inlines
    span: Span


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    span: Span


@dataclass(frozen=True)
class PageBreakBlock:
    """A page turn between two blocks."""

    n: str
    span: Span


@dataclass(frozen=True)
class ListBlock:
    """List items, one a line; a page that turns between two items is a
    :class:`PageBreakBlock` among them. ``role`` ``"signers"``: the list is
    the signature, one signer an item (FRUS TEI's ``closer/signed/list``,
    seen in protocols and treaties of 1872-1918)."""

    items: tuple[Inlines | PageBreakBlock, ...]
    span: Span
    head: Inlines | None = None
    role: Literal["signers"] | None = None


@dataclass(frozen=True)
class Table:
    """Rows of cells. ``header_rows`` rows at the top are column heads
    (``Articles | Metric tons``), repeated on every page a printed table
    spans; ``None`` is none, as TEI ``row@role="label"`` says. ``role``
    ``"list-item"``: the table was printed inside an item of a list, and the
    paragraph or list right after it holds the list's next items (``The tenth
    of 15. 00`` then, on the next line, ``Art. 2. The price of …``, frus1897
    d332: FRUS TEI's ``list/item/table``)."""

    rows: tuple[tuple[Inlines, ...], ...]
    span: Span
    header_rows: int | None = None
    role: Literal["list-item"] | None = None


#: A part of a closer printed on lines of its own: what it is (a signature,
#: a dateline or a salutation, as FRUS TEI's ``closer`` holds them) and the
#: range ``[start, end)`` of the closer's content it covers.
CloserPart = tuple[Literal["signed", "dateline", "salute"], int, int]


@dataclass(frozen=True)
class Closer:
    """The signature block; ``content`` uses :class:`LineBreak` between lines.

    ``parts`` says which lines are signed (and which are a dateline or a
    salutation inside the closer), in order. Each part stands on lines of its
    own: the line break before it (if anything is) and after it (if anything
    follows) belongs to no part. ``None``: nobody said, and the whole closer is
    the signature but for editors' brackets on lines of their own and a note
    marker on a last line of its own (:meth:`signature_parts`); ``()``:
    nothing in the closer is signed (``(Not signed.)``).

    >>> at = Span(0, 0)
    >>> c = Closer((Text("[", at), LineBreak(at), Text("Fish", at), LineBreak(at),
    ...             Text("]", at)), at)
    >>> c.signature_parts()
    (('signed', 2, 3),)
    """

    content: Inlines
    span: Span
    parts: tuple[CloserPart, ...] | None = None

    def __post_init__(self) -> None:
        end = 0
        for _kind, start, stop in self.parts or ():
            if not end <= start <= stop <= len(self.content):
                raise ValueError(f"closer parts out of order or range: {self.parts!r}")
            end = stop

    def signature_parts(self) -> tuple[CloserPart, ...]:
        """``parts``, or when ``None`` the signature it stands for."""
        if self.parts is not None:
            return self.parts
        content = self.content
        start, end = 0, len(content)
        if end >= 2 and isinstance(content[-1], NoteRef) and isinstance(content[-2], LineBreak):
            end -= 2  # a note on the signature, on the line after it
        if end - start >= 3 and _is_text(content[0], "[") and isinstance(content[1], LineBreak):
            start = 2
        if (
            end - start >= 3
            and _is_text(content[end - 1], "]")
            and isinstance(content[end - 2], LineBreak)
        ):
            end -= 2
        return (("signed", start, end),)


def _is_text(node: Inline, text: str) -> bool:
    return isinstance(node, Text) and node.text == text


@dataclass(frozen=True)
class Attachment:
    """An enclosure or attachment printed with the document."""

    blocks: tuple[Block, ...]
    span: Span


Block = Union[  # noqa: UP007
    SourceNote,
    Heading,
    Opener,
    Dateline,
    Paragraph,
    ListBlock,
    Table,
    PageBreakBlock,
    Closer,
    Attachment,
]


@dataclass(frozen=True)
class Footnote:
    """A note listed at the end. ``kind`` is ``source`` for the unnumbered-style
    source note of modern volumes (``Source: Eisenhower Library, …``); ``n``
    is empty for a note printed without a mark (see :class:`NoteRef`)."""

    n: str
    content: Inlines
    span: Span
    kind: Literal["note", "source"] = "note"


@dataclass(frozen=True)
class Document:
    """One document: a telegram, memorandum or letter.

    ``doc_id`` is an XML name derived from the file name; ``source_name`` is
    the transcription's file name as given.
    """

    doc_id: str
    source_name: str
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    span: Span

    @property
    def title(self) -> str:
        """The heading as one line, or the file name when there is none."""
        head = self.heading
        title = " ".join(plain(head.content).split()) if head else ""
        return title or self.source_name

    @property
    def heading(self) -> Heading | None:
        for block in self.blocks:
            if isinstance(block, Heading):
                return block
        return None

    def footnote(self, n: str, occurrence: int = 0) -> Footnote | None:
        """The ``occurrence``-th footnote numbered ``n`` (0 is the first).

        Writers ask this once per marker, so it looks the note up in an index
        built on first use: a scan of the list per marker made a document
        with 10,000 notes cost 10,000² steps.
        """
        notes = self._notes_by_number.get(n, ())
        return notes[occurrence] if 0 <= occurrence < len(notes) else None

    @functools.cached_property
    def _notes_by_number(self) -> dict[str, tuple[Footnote, ...]]:
        index: dict[str, list[Footnote]] = {}
        for note in self.footnotes:
            index.setdefault(note.n, []).append(note)
        return {n: tuple(notes) for n, notes in index.items()}


# --------------------------------------------------------------------------
# plain text of inline content
# --------------------------------------------------------------------------


def plain(content: Inlines, *, markers: bool = False) -> str:
    """The words of inline content: page breaks and note markers left out
    unless ``markers`` asks for them as the transcription writes them."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, Text | Name | DateText):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        elif markers and isinstance(node, PageBreak):
            parts.append(f"[Page {node.n}]")
        elif markers and isinstance(node, NoteRef):
            parts.append(f" {node.n}")
    return "".join(parts)


def iter_inlines(doc: Document) -> list[tuple[Block | Footnote, Inlines]]:
    """Every piece of inline content of a document, with the node it is in."""
    out: list[tuple[Block | Footnote, Inlines]] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for b in blocks:
            if isinstance(b, SourceNote | Heading | Dateline | Paragraph | Closer):
                out.append((b, b.content))
            elif isinstance(b, Opener):
                out.extend((b, line) for line in b.lines)
            elif isinstance(b, ListBlock):
                if b.head is not None:
                    out.append((b, b.head))
                out.extend((b, item) for item in b.items if isinstance(item, tuple))
            elif isinstance(b, Table):
                out.extend((b, cell) for row in b.rows for cell in row)
            elif isinstance(b, Attachment):
                walk(b.blocks)

    walk(doc.blocks)
    out.extend((f, f.content) for f in doc.footnotes)
    return out


def map_spans(doc: Document, move: Callable[[Span], Span]) -> Document:
    """The document with every node's span replaced by ``move(span)``.

    The parser builds its nodes with offsets of the text it reads and moves
    them all, here, into the transcription's offsets: one map, applied once,
    so no arithmetic ever mixes the two.
    """
    return Document(
        doc.doc_id,
        doc.source_name,
        tuple(_moved(b, move) for b in doc.blocks),
        tuple(_moved(f, move) for f in doc.footnotes),
        move(doc.span),
    )


def _moved(value: Any, move: Callable[[Span], Span]) -> Any:
    cls = type(value)
    if cls is tuple:
        return tuple([_moved(v, move) for v in value])
    if cls is Span:
        return move(value)
    plan = _SPAN_FIELDS.get(cls)
    if plan is None:
        return value
    return cls(
        *[_moved(getattr(value, n), move) if deep else getattr(value, n) for n, deep in plan]
    )


def _holds_spans(hint: Any) -> bool:
    """Can a field of this type hold a span (its own, or its nodes')? Text,
    labels and literals cannot; walking them would cost a third of the time."""
    if hint is str or get_origin(hint) is Literal:
        return False
    if get_origin(hint) is Union or get_origin(hint) is types.UnionType:
        return any(_holds_spans(a) for a in get_args(hint) if a is not type(None))
    return True


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------

_NODE_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        Text,
        PageBreak,
        NoteRef,
        LineBreak,
        Name,
        DateText,
        SourceNote,
        Heading,
        Opener,
        Dateline,
        Paragraph,
        ListBlock,
        Table,
        PageBreakBlock,
        Closer,
        Attachment,
        Footnote,
    )
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_TYPE_NAMES: dict[type[Any], str] = {cls: _snake(name) for name, cls in _NODE_TYPES.items()}
_BY_TYPE_NAME: dict[str, str] = {v: k.__name__ for k, v in _TYPE_NAMES.items()}


#: Field names of each node type, looked up once (the JSON writer runs per node).
_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _NODE_TYPES.values()
}
#: The same, each with whether it can hold a span (for :func:`map_spans`).
_SPAN_FIELDS: dict[type[Any], tuple[tuple[str, bool], ...]] = {
    cls: tuple((name, _holds_spans(get_type_hints(cls)[name])) for name in names)
    for cls, names in _FIELD_NAMES.items()
}


def _to_json(value: Any) -> Any:
    names = _FIELD_NAMES.get(type(value))
    if names is not None:
        out: dict[str, Any] = {"type": _TYPE_NAMES[type(value)]}
        for name in names:
            v = getattr(value, name)
            if v is not None:
                out[name] = _to_json(v)
        return out
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if isinstance(value, Span):
        return value.to_json()
    return value


def to_json(doc: Document) -> dict[str, Any]:
    """The document as JSON data; ``schemas/cable.schema.json`` describes it."""
    return {
        "model_version": MODEL_VERSION,
        "doc_id": doc.doc_id,
        "source_name": doc.source_name,
        "span": doc.span.to_json(),
        "blocks": [_to_json(b) for b in doc.blocks],
        "footnotes": [_to_json(f) for f in doc.footnotes],
    }


def _from_json(data: Any, hint: Any) -> Any:
    origin = get_origin(hint)
    if hint is Span:
        return Span.from_json(data)
    if origin is tuple:
        args = get_args(hint)
        inner = args[0]
        return tuple(_from_json(v, inner) for v in data)
    if origin is Union or origin is types.UnionType:
        if data is None:
            return None
        members = [a for a in get_args(hint) if a is not type(None)]
        if len(members) == 1:
            return _from_json(data, members[0])
        if isinstance(data, list):
            tuple_hint = next(m for m in members if get_origin(m) is tuple)
            return _from_json(data, tuple_hint)
        return _node_from_json(data)
    if isinstance(data, dict) and "type" in data:
        return _node_from_json(data)
    return data


def _node_from_json(data: dict[str, Any]) -> Any:
    cls = _NODE_TYPES[_BY_TYPE_NAME[data["type"]]]
    hints = get_type_hints(cls)
    kwargs = {
        f.name: _from_json(data[f.name], hints[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data
    }
    return cls(**kwargs)


def from_json(data: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from :func:`to_json` output."""
    if data.get("model_version") not in READABLE_VERSIONS:
        raise ValueError(f"unsupported model_version {data.get('model_version')!r}")
    return Document(
        doc_id=data["doc_id"],
        source_name=data["source_name"],
        span=Span.from_json(data["span"]),
        blocks=tuple(_node_from_json(b) for b in data["blocks"]),
        footnotes=tuple(_node_from_json(f) for f in data["footnotes"]),
    )
