"""The volume as an EPUB 3, written by pandoc (``--sandbox``) from one AST.

Each document's content is the AST the single-document writers build
(:func:`cableconv.writers.pandoc_ast.build`; its Markdown escapes, which
are backslash snippets for pandoc's Markdown reader, are taken back to the
characters they escape). One XHTML file per chapter (``--split-level=1``),
each document a second-level heading led by its number; the navigation
(``nav.xhtml``, ``--toc-depth=2``) lists chapters and documents.

pandoc would number the notes through the whole book; FRUS numbers them per
document, as printed. So each note is written here, as EPUB 3 wants it: a
``noteref`` link showing the printed mark where the marker stands, and an
``aside epub:type="footnote"`` after the document (pop-up footnotes in most
readers; in the others, the document's notes at its end, each with a link
back to where it is referenced). Metadata: title, subtitle, editors, date,
language, identifier.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from cableconv.diagnostics import Diagnostic
from cableconv.options import Options
from cableconv.volume.assemble import Volume, VolumeDocument, printed_number
from cableconv.writers import Output
from cableconv.writers.pandoc_ast import API_VERSION, Json, WriteOptions, build, run_oneshot


def _el(t: str, c: Any = None) -> Json:
    return {"t": t} if c is None else {"t": t, "c": c}


def _html(text: str) -> Json:
    return _el("RawInline", ["html", text])


def _html_block(text: str) -> Json:
    return _el("RawBlock", ["html", text])


def _plain_words(text: str) -> list[Json]:
    """Text as ``Str``/``Space`` tokens, nothing escaped: pandoc's HTML
    writer escapes what HTML needs."""
    out: list[Json] = []
    for k, word in enumerate(text.split()):
        if k:
            out.append(_el("Space"))
        out.append(_el("Str", word))
    return out


def _unescape(node: Any) -> Any:
    """The Markdown target's escapes (``RawInline markdown "\\@"``) as the
    characters they escape; every other node as it is."""
    if isinstance(node, dict):
        if node.get("t") == "RawInline" and node["c"][0] == "markdown":
            text = node["c"][1]
            return _el("Str", text[1:] if text.startswith("\\") else text)
        return {k: _unescape(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_unescape(v) for v in node]
    return node


class _Notes:
    """A document's notes, taken out of the AST and written as EPUB 3 notes."""

    def __init__(self, doc_id: str, marks: tuple[str, ...]) -> None:
        self.doc_id = doc_id
        self.marks = marks
        self.asides: list[Json] = []
        self.count = 0

    def take(self, node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("t") == "Note":
                return self.noteref(node["c"])
            return {k: self.take(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.take(v) for v in node]
        return node

    def noteref(self, blocks: list[Json]) -> Json:
        self.count += 1
        k = self.count
        mark = self.marks[k - 1] if k <= len(self.marks) else str(k)
        note_id, ref_id = f"{self.doc_id}fn{k}", f"{self.doc_id}fnref{k}"
        shown = html.escape(mark or "*")
        self.asides += [
            _html_block(f'<aside epub:type="footnote" role="doc-footnote" id="{note_id}">'),
            *self._marked(blocks, f'<a href="#{ref_id}" role="doc-backlink">{shown}</a> '),
            _html_block("</aside>"),
        ]
        link = (
            f'<a epub:type="noteref" role="doc-noteref" href="#{note_id}" id="{ref_id}">'
            f"<sup>{shown}</sup></a>"
        )
        return _html(link)

    @staticmethod
    def _marked(blocks: list[Json], mark: str) -> list[Json]:
        """The note's blocks, the first led by its mark (a link back)."""
        if blocks and blocks[0].get("t") in ("Para", "Plain"):
            first = blocks[0]
            return [_el(first["t"], [_html(mark), *first["c"]]), *blocks[1:]]
        return [_el("Para", [_html(mark)]), *blocks]


class _Builder:
    def __init__(self, volume: Volume) -> None:
        self.volume = volume
        self.blocks: list[Json] = []
        self.losses: list[Diagnostic] = []

    def front(self) -> None:
        if self.volume.preface:
            self.blocks.append(_header(1, _plain_words("Preface"), "preface"))
            self.blocks += [_el("Para", _plain_words(p)) for p in self.volume.preface]
        for entries, head, ident in (
            (self.volume.persons, "Persons", "persons"),
            (self.volume.terms, "Abbreviations and Terms", "terms"),
        ):
            if entries:
                self.blocks.append(_header(1, _plain_words(head), ident))
                for e in entries:
                    text = f"{e.name}, {e.description}" if e.description else e.name
                    self.blocks.append(_el("Para", _plain_words(text)))

    def document(self, doc: VolumeDocument) -> None:
        if doc.document is None:
            self.blocks.append(_header(2, _plain_words(doc.label()), doc.xml_id))
            self.blocks.append(_el("Para", _plain_words(doc.missing_text())))
            return
        built = build(doc.document, "markdown")
        self.losses += [replace(d, file=str(doc.path)) for d in built.losses]
        notes = _Notes(doc.xml_id, built.note_marks)
        blocks = notes.take(_unescape(built.ast["blocks"]))
        headed = False
        out: list[Json] = []
        for block in blocks:
            if block.get("t") != "Header":
                out.append(block)
                continue
            level, _, inlines = block["c"]
            if level == 1 and not headed:
                headed = True
                if printed_number(doc.document.title) is None:
                    inlines = [_el("Str", f"{doc.number}."), _el("Space"), *inlines]
                out.append(_header(2, inlines, doc.xml_id))
            else:
                out.append(_header(min(level + 1, 6), inlines, "", unlisted=True))
        if not headed:
            out.insert(0, _header(2, _plain_words(doc.label()), doc.xml_id))
        self.blocks += out + notes.asides

    def build(self) -> Json:
        self.front()
        for k, title, docs in self.volume.chapters():
            self.blocks.append(_header(1, _plain_words(title), f"ch{k + 1}"))
            for doc in docs:
                self.document(doc)
        return {"pandoc-api-version": API_VERSION, "meta": self.meta(), "blocks": self.blocks}

    def meta(self) -> Json:
        spec = self.volume.spec

        def inlines(text: str) -> Json:
            return _el("MetaInlines", _plain_words(text))

        meta: Json = {
            "title": inlines(spec.title),
            "lang": _el("MetaString", spec.language),
            "identifier": _el("MetaString", spec.id),
        }
        if spec.subtitle:
            meta["subtitle"] = inlines(spec.subtitle)
        if spec.editors:
            meta["creator"] = _el(
                "MetaList",
                [
                    _el("MetaMap", {"role": _el("MetaString", "edt"), "text": inlines(e)})
                    for e in spec.editors
                ],
            )
        if spec.published:
            meta["date"] = _el("MetaString", spec.published)
        return meta


def _header(level: int, inlines: list[Json], ident: str, unlisted: bool = False) -> Json:
    classes = ["unnumbered", "unlisted"] if unlisted else []
    return _el("Header", [level, [ident, classes, []], inlines])


#: pandoc's options for the book: a file per chapter, chapters and documents
#: in the navigation, the notes left where this module put them.
EPUB_ARGS = ("--split-level=1", "--toc", "--toc-depth=2")


def _epoch(volume: Volume, options: Options) -> int | None:
    """When the EPUB says it was last modified (``dcterms:modified``):
    ``SOURCE_DATE_EPOCH`` when set, else pandoc's fixed 1970-01-01 (the
    volume's own date, often before 1970, is its ``dc:date``; pandoc takes
    no epoch before 1970), so that the same volume gives the same bytes."""
    return options.source_date_epoch


def write_volume_epub(volume: Volume, options: Options = Options()) -> Output:
    builder = _Builder(volume)
    ast = builder.build()
    data = run_oneshot(
        ast, "epub3", WriteOptions(extra=EPUB_ARGS, source_date_epoch=_epoch(volume, options))
    )
    return Output(data, tuple(builder.losses))
