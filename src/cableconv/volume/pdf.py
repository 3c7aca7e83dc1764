"""The volume as one PDF: pandoc's typst writer and the typst compiler.

Each document's content is the AST the single-document PDF writer builds
(:func:`cableconv.writers.pandoc_ast.build`, with its check of the fonts);
this module puts the documents together as one AST and one typst source,
after the single-document layout (``data/cableconv.typ``) and the volume's
(``data/volume.typ``):

- a title page, then the table of contents (``outline``: chapters and
  documents with their page numbers);
- the preface and the lists of persons and terms, in the contents but not
  in the PDF bookmarks, which are one per chapter and one per document;
- each chapter on a new page, its title a first-level heading; each document
  a second-level heading led by its number in the volume (an enclosure's
  heading a third level, neither bookmarked nor in the contents);
- running heads: the chapter's title and the numbers of the documents on the
  page; the page number in the footer;
- each document's footnotes at the foot of the page, numbered as printed
  for that document (the counter starts again at each document and shows
  its marks); the printed page turns in the margin;
- PDF/A-2b by default (``Options.pdf_standards``), dated by
  ``SOURCE_DATE_EPOCH`` or the year the volume was published; without
  either, no PDF/A, and CC708 says so. A document with a character no
  bundled font draws (CC403) makes it a PDF without PDF/A-2 and PDF/UA,
  which forbid the empty box drawn there, and CC410 says so, as for one
  document.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from cableconv.diagnostics import Diagnostic
from cableconv.options import Options
from cableconv.volume.assemble import Volume, VolumeDocument, printed_number
from cableconv.writers import Output
from cableconv.writers.pandoc_ast import (
    API_VERSION,
    DATA_DIR,
    Json,
    WriteOptions,
    build,
    shutdown,
    words,
    write,
)
from cableconv.writers.pdf import TEMPLATE, TYPST_PAPERS, archival_standards, missing_glyphs

VOLUME_TEMPLATE = DATA_DIR / "volume.typ"


def _el(t: str, c: Any = None) -> Json:
    return {"t": t} if c is None else {"t": t, "c": c}


def _raw(text: str) -> Json:
    return _el("RawBlock", ["typst", text])


def _header(level: int, inlines: list[Json]) -> Json:
    return _el("Header", [level, ["", [], []], inlines])


def _unlisted_heading(level: int, inlines: list[Json]) -> list[Json]:
    """A heading in neither the PDF bookmarks nor the contents."""
    return [
        _raw(f"#heading(level: {level}, outlined: false, bookmarked: false)["),
        _el("Plain", inlines),
        _raw("]"),
    ]


def _front_heading(text: str) -> list[Json]:
    """A heading of the front matter: in the contents, not in the bookmarks."""
    return [
        _raw("#heading(level: 1, bookmarked: false)["),
        _el("Plain", words(text, "typst")),
        _raw("]"),
    ]


def _rename_labels(node: Any, prefix: str) -> Any:
    """The labels a document's AST gives its heading notes (``cc-note-1``),
    made unique in the volume (``cc-note-d12-1``)."""
    if isinstance(node, dict):
        if node.get("t") == "RawInline" and "cc-note-" in node["c"][1]:
            fmt, text = node["c"]
            return {"t": "RawInline", "c": [fmt, text.replace("cc-note-", f"cc-note-{prefix}-")]}
        return {k: _rename_labels(v, prefix) for k, v in node.items()}
    if isinstance(node, list):
        return [_rename_labels(v, prefix) for v in node]
    return node


class _Builder:
    def __init__(self, volume: Volume) -> None:
        self.volume = volume
        self.blocks: list[Json] = []
        self.marks: list[list[str]] = []
        self.losses: list[Diagnostic] = []

    def front(self) -> None:
        self.blocks += [_raw("#cc-title-page()"), _raw("#cc-contents()"), _raw("#pagebreak()")]
        if self.volume.preface:
            self.blocks += _front_heading("Preface")
            self.blocks += [_el("Para", words(p, "typst")) for p in self.volume.preface]
        for entries, head in (
            (self.volume.persons, "Persons"),
            (self.volume.terms, "Abbreviations and Terms"),
        ):
            if entries:
                self.blocks += _front_heading(head)
                self.blocks.append(_raw("#cc-list["))
                for e in entries:
                    text = f"{e.name}, {e.description}" if e.description else e.name
                    self.blocks.append(_el("Para", words(text, "typst")))
                self.blocks.append(_raw("]"))

    def document(self, doc: VolumeDocument) -> None:
        index = len(self.marks)
        self.blocks += [
            _raw(f"#metadata({doc.number}) <cc-document>"),
            _raw("#counter(footnote).update(0)"),
            _raw(
                "#set footnote(numbering: n => "
                f"cc-document-notes({index}).at(n - 1, default: str(n)))"
            ),
        ]
        if doc.document is None:
            self.marks.append([])
            self.blocks.append(_header(2, words(doc.label(), "typst")))
            self.blocks.append(_el("Para", words(doc.missing_text(), "typst")))
            return
        built = build(doc.document, "typst", missing_glyphs)
        self.marks.append(list(built.note_marks))
        self.losses += [replace(d, file=str(doc.path)) for d in built.losses]
        blocks = _rename_labels(built.ast["blocks"], doc.xml_id)
        start = len(self.blocks)
        headed = False
        for block in blocks:
            if block.get("t") != "Header":
                self.blocks.append(block)
                continue
            level, _, inlines = block["c"]
            if level == 1 and not headed:
                headed = True
                title = doc.document.title
                if printed_number(title) is None:
                    inlines = [_el("Str", f"{doc.number}."), _el("Space"), *inlines]
                self.blocks.append(_header(2, inlines))
            else:
                self.blocks += _unlisted_heading(min(level + 1, 6), inlines)
        if not headed:  # a document without a heading: its label as one
            self.blocks.insert(start, _header(2, words(doc.label(), "typst")))

    def build(self) -> Json:
        self.front()
        for k, title, docs in self.volume.chapters():
            self.blocks.append(_raw(f"#metadata({k}) <cc-chapter>"))
            self.blocks.append(_header(1, words(" ".join(title.split()), "typst")))
            for doc in docs:
                self.document(doc)
        return {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": self.blocks}


def _date(volume: Volume, options: Options) -> str | None:
    if options.source_date_epoch is not None:
        return "auto"
    year = volume.spec.published
    return f"{year}-01-01" if len(year) == 4 and year.isdigit() else None


def typst_volume(volume: Volume, options: Options) -> tuple[bytes, dict[str, str], _Builder]:
    builder = _Builder(volume)
    ast = builder.build()
    body = write(
        ast, "typst-smart", WriteOptions(wrap_none=True), raw="typst", pandoc=options.pandoc
    )
    # pandoc keeps the heap the whole volume took, and so would the AST:
    # typst needs the memory next (a 700-document volume: 500 MB for each)
    shutdown()
    del ast
    builder.blocks.clear()
    spec = volume.spec
    data = {
        "title": spec.title,
        "subtitle": spec.subtitle,
        "editors": list(spec.editors),
        "published": spec.published,
        "chapters": [" ".join(c.title.split()) for c in spec.chapters],
        "marks": builder.marks,
    }
    inputs = {
        "cc-title": spec.title,
        "cc-authors": json.dumps(list(spec.editors), ensure_ascii=False),
        "cc-description": spec.subtitle or spec.title,
        "cc-keywords": "[]",
        "cc-lang": spec.language,
        "cc-paper": TYPST_PAPERS[options.paper],
        "cc-volume": json.dumps(data, ensure_ascii=False),
    }
    date = _date(volume, options)
    if date is not None:
        inputs["cc-date"] = date
    source = TEMPLATE.read_bytes() + b"\n" + VOLUME_TEMPLATE.read_bytes() + b"\n" + body
    return source, inputs, builder


def write_volume_pdf(volume: Volume, options: Options = Options()) -> Output:
    source, inputs, builder = typst_volume(volume, options)
    losses = list(builder.losses)
    dated = "cc-date" in inputs
    undated = Diagnostic(
        "CC708",
        "the volume has no date, which PDF/A needs: the PDF is not PDF/A",
        hint="set [volume] published (a year) or SOURCE_DATE_EPOCH",
        file=str(volume.spec.path),
    )
    wanted = archival_standards(
        options, dated, losses, undated, "the volume's text", "the volume's TEI, DOCX and EPUB"
    )
    # A volume's layout takes hundreds of MB: a compiler of its own, dropped
    # with its caches afterwards, not the process's (kept for documents); the
    # fonts are loaded again, a few tens of ms.
    import typst

    compiler: Any = typst.Compiler(root=str(DATA_DIR), ignore_system_fonts=True)
    pdf = compiler.compile(
        input=source,
        sys_inputs=inputs,
        timestamp=options.source_date_epoch,
        pdf_standards=list(wanted),
    )
    del compiler
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError("typst did not return a PDF")
    return Output(pdf, tuple(losses))
