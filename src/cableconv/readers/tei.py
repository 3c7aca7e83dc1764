"""FRUS TEI into the model: a document, or a whole volume.

The Office of the Historian publishes each FRUS volume as one TEI file: a
header, front matter, and chapters (``div``) holding the documents
(``div[@type='document']``, numbered by ``@n``). :func:`read_tei` reads such a
file, or a file with a single document (what ``cableconv convert --to tei``
writes), into one :class:`~cableconv.model.Document` per document, through the
project's safe XML parser: no DTD, no entity, no network, no other file, and
bounds on size and depth. A file that breaks them is refused with a
:class:`TeiRefused` that says why.

Positions: every node of a document read from TEI carries the span of the
start of its element's line in the TEI file (offsets into the file's text,
resolved by :attr:`TeiVolume.lines`), so a diagnostic about it points into
the TEI (``volume.xml:1234:1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from cableconv import xmlsafe
from cableconv.diagnostics import Diagnostic, Place, Span
from cableconv.readers.tei_document import (
    DIV,
    FRUS_NS,
    HEAD,
    TEI_NS,
    XML_ID,
    DocumentRead,
    read_document,
)
from cableconv.readers.tei_text import collapse
from cableconv.source import DEFAULT_MAX_BYTES, LineIndex

_DOCUMENTS = etree.XPath(
    "//t:div[@type='document'][not(ancestor::t:div[@type='document'])]",
    namespaces={"t": TEI_NS},
)


class TeiRefused(Exception):
    """The file cannot be read as FRUS TEI; ``code`` and ``message`` say why."""

    def __init__(self, code: str, message: str, hint: str = "", line: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.line = line

    def diagnostic(self, file: str) -> Diagnostic:
        return Diagnostic(
            self.code, self.message, hint=self.hint, file=file, place=Place.at(self.line)
        )


@dataclass(frozen=True)
class TeiDocument:
    """One document of a volume: the model, its output stem (its ``xml:id``,
    or ``noid-NNNN`` after its position in the volume), its number (``@n``)
    and the titles of the divisions it stands in, outermost first."""

    read: DocumentRead
    stem: str
    number: str | None
    divisions: tuple[str, ...]

    @property
    def document(self) -> Any:
        return self.read.document


@dataclass(frozen=True)
class TeiVolume:
    """A TEI file read: its id and title (from the header, when it has one)
    and its documents in volume order."""

    volume_id: str
    title: str
    documents: tuple[TeiDocument, ...]
    #: Lines of the TEI file: where the spans of its nodes and diagnostics are.
    lines: LineIndex

    def chapters(self) -> list[tuple[tuple[str, ...], tuple[TeiDocument, ...]]]:
        """The documents in runs that stand in the same divisions (the titles
        of the chapter, and of the compilation around it, outermost first), in
        volume order: the volume's table of contents. A volume goes from
        chapter to chapter, so a division comes once, unless documents of
        another stand between its own."""
        runs: list[tuple[tuple[str, ...], list[TeiDocument]]] = []
        for doc in self.documents:
            if runs and runs[-1][0] == doc.divisions:
                runs[-1][1].append(doc)
            else:
                runs.append((doc.divisions, [doc]))
        return [(titles, tuple(docs)) for titles, docs in runs]


def parse(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """The root element of a TEI file, or :class:`TeiRefused`."""
    if len(data) > max_bytes:
        raise TeiRefused(
            "CC603",
            f"the file is larger than {max_bytes:,} bytes",
            hint="raise the limit with --max-bytes if the file is a real volume",
        )
    try:
        # no huge_tree: libxml2 keeps its limits on depth and node size
        root = etree.fromstring(data, xmlsafe.parser(huge_tree=False))
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 1
        message = str(exc.msg or exc)
        limit = _limit(message)
        if limit:
            raise TeiRefused(
                "CC603",
                f"the file is beyond the reader's limits: {limit}",
                hint="FRUS volumes nest a few dozen levels and keep text in paragraphs; "
                "this looks made to exhaust the reader",
                line=line,
            ) from None
        if "entity" in message.lower() or "amplification" in message.lower():
            raise TeiRefused(
                "CC601",
                f"entity declarations or references are refused: {message}",
                hint="FRUS TEI uses characters, never entities; remove the DOCTYPE",
                line=line,
            ) from None
        raise TeiRefused(
            "CC600", f"not well-formed XML: {message}", hint="the file must be XML", line=line
        ) from None
    if xmlsafe.has_doctype(root):
        raise TeiRefused(
            "CC601",
            "the file has a DOCTYPE; no DTD or entity is ever read",
            hint="FRUS TEI has no DOCTYPE: remove it and any entity definitions",
        )
    return root


#: libxml2's messages when a limit it keeps without ``huge_tree`` is reached,
#: and what they mean (its wording suggests an option the user cannot set).
_LIMITS = (
    ("excessive depth", "elements nested more than 256 deep"),
    ("text node too long", "a text of more than 10,000,000 characters in one piece"),
    ("buffer size limit", "a name, attribute or text larger than libxml2's buffer limit"),
    ("huge", "a node larger than libxml2's limits"),
)


def _limit(message: str) -> str:
    """What limit of the parser ``message`` says was reached, or ``""``.

    >>> _limit("Excessive depth in document: 256, use XML_PARSE_HUGE option")
    'elements nested more than 256 deep'
    """
    lower = message.lower()
    return next((meaning for key, meaning in _LIMITS if key in lower), "")


def read_tei(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> TeiVolume:
    """Every FRUS document of a TEI file (a volume or a single document)."""
    root = parse(data, name, max_bytes)
    found: Any = _DOCUMENTS(root)
    divs: list[Any] = [root] if _is_document(root) else list(found)
    if not divs:
        raise TeiRefused(
            "CC602",
            "no FRUS document in the file (no div[@type='document'] in the TEI namespace)",
            hint="is this a FRUS TEI volume?",
        )
    lines = LineIndex.of(data.decode("utf-8", "replace"))
    starts = lines.starts
    spans: dict[int, Span] = {}

    def span_at(line: int) -> Span:
        span = spans.get(line)
        if span is None:
            offset = starts[line - 1] if 0 < line <= len(starts) else 0
            span = spans[line] = Span(offset, offset)
        return span

    source = _transcription(root) if len(divs) == 1 else None
    documents = []
    for k, div in enumerate(divs):
        stem = div.get(XML_ID) or f"noid-{k:04d}"
        read = read_document(div, stem, source or name, span_at)
        documents.append(TeiDocument(read, stem, div.get("n"), _divisions(div)))
    return TeiVolume(root.get(XML_ID) or "", _title(root), tuple(documents), lines)


def _is_document(el: Any) -> bool:
    return bool(el.tag == DIV and el.get("type") == "document")


def _divisions(div: Any) -> tuple[str, ...]:
    titles = []
    for ancestor in div.iterancestors(DIV):
        head = ancestor.find(HEAD)
        titles.append(collapse("".join(head.itertext())).strip() if head is not None else "")
    return tuple(reversed(titles))


#: How cableconv's TEI names the transcription it was made from (writers/tei.py).
_TRANSCRIPTION = "Transcription: "


def _transcription(root: Any) -> str | None:
    """The transcription a TEI file written by cableconv was made from."""
    found = root.xpath("t:teiHeader/t:fileDesc/t:sourceDesc/t:p/text()", namespaces={"t": TEI_NS})
    for text in found if isinstance(found, list) else ():
        if isinstance(text, str) and text.startswith(_TRANSCRIPTION):
            return text[len(_TRANSCRIPTION) :]
    return None


def _title(root: Any) -> str:
    ns = {"t": TEI_NS}
    for path in (
        "t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='complete']",
        "t:teiHeader/t:fileDesc/t:titleStmt/t:title",
    ):
        found = root.xpath(path, namespaces=ns)
        if found:
            return collapse("".join(found[0].itertext())).strip()
    return ""


__all__ = ["FRUS_NS", "TeiDocument", "TeiRefused", "TeiVolume", "parse", "read_tei"]
