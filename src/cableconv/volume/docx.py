"""The volume as one DOCX: chapters as Heading 1, documents as Heading 2.

Each document is written by the single-document DOCX writer
(:mod:`cableconv.writers.docx`: its styles, tables, page markers and real
Word footnotes) and its paragraphs are moved into the volume, one heading
level down (an enclosure's heading becomes Heading 3), its heading led by its
number in the volume. Each document is a section of its own (continuous:
no page break), so its footnotes show the labels printed for that document:
Word's numbering restarts in each section (``numRestart eachSect``) at the
document's first label, custom marks where the labels do not run on.

Before the chapters: a title page (Title, Subtitle), a Word table-of-contents
field (``TOC \\o "1-2" \\h``, marked dirty so that Word fills in the page
numbers when the file is opened; until then it lists the chapters and
documents), the preface and the lists of persons and terms. Every page has
its number in the footer.
"""

from __future__ import annotations

import copy

from lxml import etree

from cableconv.diagnostics import Diagnostic
from cableconv.options import Options
from cableconv.source import NOT_XML
from cableconv.volume.assemble import Volume, VolumeDocument, printed_number
from cableconv.writers import Output, opc
from cableconv.writers import docx as dw
from cableconv.writers.docx import FOOTNOTE, FOOTNOTE_REFERENCE, ID, PPR, PSTYLE, VAL, P, R, T, _w
from cableconv.writers.printed import printed


def _styles(ref: dw._Reference) -> dict[str, str]:
    """Style ids by role, with the ones a volume adds (Title, Subtitle,
    Heading 4, TOC Heading) when the reference document has them."""
    styles = dict(ref.styles)
    styles.setdefault("title", "Title")
    styles.setdefault("subtitle", "Subtitle")
    styles.setdefault("heading-3", "Heading3")
    styles.setdefault("heading-4", "Heading4")
    styles.setdefault("toc-heading", "TOCHeading")
    return styles


class _Volume:
    def __init__(self, volume: Volume, options: Options) -> None:
        self.volume = volume
        self.ref = dw._reference()
        self.paper = options.paper
        self.style = _styles(self.ref)
        self.root = dw._story("document")
        self.body = etree.SubElement(self.root, _w("body"))
        self.notes = dw._story("footnotes")
        for kind, nid in (("separator", "-1"), ("continuationSeparator", "0")):
            note = etree.SubElement(self.notes, FOOTNOTE, {_w("type"): kind, ID: nid})
            etree.SubElement(etree.SubElement(etree.SubElement(note, P), R), _w(kind))
        self.next_note = 1
        self.losses: list[Diagnostic] = []

    # ---- paragraphs -----------------------------------------------------------
    def para(self, role: str, text: str) -> etree._Element:
        p = etree.SubElement(self.body, P)
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: self.style[role]})
        if text:
            run = etree.SubElement(p, R)
            t = etree.SubElement(run, T)
            t.text = NOT_XML.sub("\ufffd", text)
        return p

    def section_break(self, section: etree._Element, *, new_page: bool) -> None:
        """End the section here: its properties in the last paragraph."""
        section = copy.deepcopy(section)
        kind = etree.Element(_w("type"), {VAL: "nextPage" if new_page else "continuous"})
        anchor = section.find(_w("footnotePr"))
        if anchor is None:
            anchor = section.find(_w("footerReference"))
        if anchor is not None:
            anchor.addnext(kind)
        else:
            section.insert(0, kind)
        last = self.body[-1] if len(self.body) else None
        if last is None or last.tag != P:
            last = etree.SubElement(self.body, P)
        ppr = last.find(PPR)
        if ppr is None:
            ppr = etree.Element(PPR)
            last.insert(0, ppr)
        ppr.append(section)

    # ---- front matter ---------------------------------------------------------
    def front(self) -> None:
        spec = self.volume.spec
        self.para("title", spec.title)
        if spec.subtitle:
            self.para("subtitle", spec.subtitle)
        if spec.editors:
            self.para("body", "Editors: " + ", ".join(spec.editors))
        if spec.published:
            self.para("body", spec.published)
        self.toc()
        if self.volume.preface:
            self.para("heading", "Preface")
            for text in self.volume.preface:
                self.para("body", text)
        for entries, head in (
            (self.volume.persons, "Persons"),
            (self.volume.terms, "Abbreviations and Terms"),
        ):
            if entries:
                self.para("heading", head)
                for e in entries:
                    self.para(
                        "list-item", f"{e.name}, {e.description}" if e.description else e.name
                    )
        self.section_break(self.ref.pages[self.paper][0], new_page=True)

    def toc(self) -> None:
        """A TOC field over Heading 1 and 2, marked dirty (Word updates it,
        with page numbers, on opening); its result until then lists the
        chapters and documents without page numbers."""
        self.para("toc-heading", "Contents")
        entries = []
        for _, title, docs in self.volume.chapters():
            entries.append(title)
            entries += [d.label() for d in docs]
        first = self.para("table-cell", "")
        begin = etree.SubElement(etree.SubElement(first, R), _w("fldChar"))
        begin.set(_w("fldCharType"), "begin")
        begin.set(_w("dirty"), "true")
        instr = etree.SubElement(etree.SubElement(first, R), _w("instrText"))
        instr.set(dw.XML_SPACE, "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        etree.SubElement(etree.SubElement(first, R), _w("fldChar"), {_w("fldCharType"): "separate"})
        p = first
        for k, text in enumerate(entries):
            if k:
                p = self.para("table-cell", "")
            etree.SubElement(etree.SubElement(p, R), T).text = NOT_XML.sub("\ufffd", text)
        etree.SubElement(etree.SubElement(p, R), _w("fldChar"), {_w("fldCharType"): "end"})

    # ---- documents ------------------------------------------------------------
    def document(self, doc: VolumeDocument) -> None:
        if doc.document is None:
            self.para("heading-2", f"{doc.number}. {doc.missing_title()}")
            self.para("body", doc.missing_text())
            self.section_break(self.ref.pages[self.paper][0], new_page=False)
            return
        writer = dw._Writer(printed(doc.document), self.ref, self.paper)
        writer.blocks(writer.doc.blocks)
        writer.unanchored_notes()
        plan = writer.printed_marks()
        section = writer.section_properties(plan)
        props = section.find(_w("footnotePr"))
        if props is not None:
            etree.SubElement(props, _w("numRestart"), {VAL: "eachSect"})
        self.losses += [d if d.file else _in_file(d, doc) for d in writer.losses]
        # the document's notes, numbered on from the volume's
        offset = self.next_note - 1
        for note in writer.notes.iterchildren(FOOTNOTE):
            nid = int(note.get(ID) or 0)
            if nid > 0:
                note.set(ID, str(nid + offset))
                self.notes.append(note)
        for ref in writer.body.iter(FOOTNOTE_REFERENCE):
            ref.set(ID, str(int(ref.get(ID) or 0) + offset))
        self.next_note += len(writer.links)
        elements = list(writer.body)
        headed = False
        heading_1, heading_2 = self.style["heading"], self.style["heading-2"]
        for el in elements:
            style = el.find(f"{PPR}/{PSTYLE}")
            if style is None:
                continue
            if style.get(VAL) == heading_1:
                style.set(VAL, heading_2)
                if not headed:
                    headed = True
                    if printed_number("".join(str(t) for t in el.itertext())) is None:
                        _prefix(el, f"{doc.number}. ")
            elif style.get(VAL) == heading_2:
                style.set(VAL, self.style["heading-3"])
            elif style.get(VAL) == self.style["heading-3"]:
                style.set(VAL, self.style["heading-4"])
        if not headed:  # a document without a heading: its label as one
            p = etree.Element(P)
            etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: heading_2})
            etree.SubElement(etree.SubElement(p, R), T).text = doc.label()
            elements.insert(0, p)
        self.body.extend(elements)
        self.section_break(section, new_page=False)

    def build(self) -> tuple[bytes, bytes]:
        self.front()
        for _, title, docs in self.volume.chapters():
            self.para("heading", title)
            for doc in docs:
                self.document(doc)
        return opc.serialise(self.root), opc.serialise(self.notes)


def _prefix(p: etree._Element, text: str) -> None:
    """A run with ``text`` before the paragraph's first run."""
    run = etree.Element(R)
    t = etree.SubElement(run, T)
    t.text = text
    t.set(dw.XML_SPACE, "preserve")
    first = p.find(R)
    if first is not None:
        first.addprevious(run)
    else:
        p.append(run)


def _in_file(d: Diagnostic, doc: VolumeDocument) -> Diagnostic:
    from dataclasses import replace

    return replace(d, file=str(doc.path))


def write_volume_docx(volume: Volume, options: Options = Options()) -> Output:
    builder = _Volume(volume, options)
    body, notes = builder.build()
    ref = builder.ref
    spec = volume.spec
    epoch = options.source_date_epoch
    parts = dict(ref.parts)
    parts["word/document.xml"] = opc.part("word/document.xml", body)
    parts["word/footnotes.xml"] = opc.part("word/footnotes.xml", notes)
    core = opc.CoreProperties(
        title=spec.title,
        subject=spec.subtitle or spec.title,
        creator="; ".join(spec.editors),
        description=f"Assembled by cableconv from {len(volume.documents)} transcriptions",
        language=spec.language,
        identifier=spec.id,
        date=f"{spec.published}-01-01"
        if spec.published.isdigit() and len(spec.published) == 4
        else None,
    )
    parts["docProps/core.xml"] = opc.part("docProps/core.xml", opc.core_properties(core, epoch))
    custom = opc.custom_properties((("volume-id", spec.id), ("source", spec.path.name)))
    parts["docProps/custom.xml"] = opc.part("docProps/custom.xml", custom)
    data = opc.zip_parts([parts[name] for name in dw.PART_ORDER], opc.zip_time(epoch))
    return Output(data, tuple(builder.losses))
