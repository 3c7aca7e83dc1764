"""The volume as one FRUS TEI file, valid as a whole against ``frus.rng``.

- ``teiHeader``: the titles (complete, series, volume), the editors, the
  publication year and ``idno type="frus"`` (the volume's id), as the official
  volumes give them (``schemas/frus-shell.xml`` is the smallest header
  ``frus.rng`` accepts);
- ``front``: the title page, the table of contents (one ``ref`` per
  document), the preface, the lists of persons (``persName/@xml:id``) and of
  terms (``term/@xml:id``) where given;
- ``body``: one ``div type="chapter"`` per chapter (``ch1``…, its ``head``),
  holding its documents, each the ``div`` the single-document TEI writer
  makes, numbered in volume order (``d1``…, notes ``d1fn1``…), with its page
  breaks. A document that could not be converted keeps its number and place,
  a ``div`` saying why it is missing.

Names and abbreviations are linked to the lists by
:mod:`cableconv.volume.linking`.
"""

from __future__ import annotations

from lxml import etree

from cableconv.diagnostics import Diagnostic
from cableconv.options import Options
from cableconv.volume.assemble import Volume, VolumeDocument
from cableconv.volume.linking import link_names
from cableconv.writers import Output
from cableconv.writers.tei import NSMAP, XML_ID, _layout, document_div, indent_children

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _sub(
    parent: etree._Element, name: str, text: str | None = None, **attrs: str
) -> etree._Element:
    el = etree.SubElement(parent, _t(name), {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _header(root: etree._Element, volume: Volume) -> None:
    spec = volume.spec
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    titles = _sub(file_desc, "titleStmt")
    _sub(titles, "title", spec.title, type="complete")
    _sub(titles, "title", "Foreign Relations of the United States", type="series")
    _sub(titles, "title", type="subseries")
    _sub(titles, "title", type="volumenumber")
    _sub(titles, "title", spec.subtitle or spec.title, type="volume")
    for editor in spec.editors or ("",):
        _sub(titles, "editor", editor or None, role="primary")
    pub = _sub(file_desc, "publicationStmt")
    # required by frus.rng; left empty, as cableconv does not know who publishes
    _sub(pub, "publisher")
    _sub(pub, "pubPlace")
    date = _sub(pub, "date", spec.published or None)
    if spec.published:
        date.set("type", "publication-date")
    _sub(pub, "idno", spec.id, type="frus")
    source = _sub(file_desc, "sourceDesc")
    _sub(source, "p", "Plain-text transcriptions converted with cableconv.")
    revisions = _sub(header, "revisionDesc", status="published")
    _sub(revisions, "change", "Volume assembled with cableconv", status="published")


def _front(text: etree._Element, volume: Volume) -> None:
    spec = volume.spec
    front = _sub(text, "front")
    title_page = _sub(front, "titlePage", type="main")
    doc_title = _sub(title_page, "docTitle")
    _sub(doc_title, "titlePart", spec.title, type="complete")
    if spec.subtitle:
        _sub(doc_title, "titlePart", spec.subtitle, type="volumetitle")
    if spec.editors:
        byline = _sub(title_page, "byline", "Editors: ")
        for k, editor in enumerate(spec.editors):
            name = _sub(byline, "persName", editor)
            if k < len(spec.editors) - 1:
                name.tail = ", "
    if spec.published:
        imprint = _sub(title_page, "docImprint")
        _sub(imprint, "docDate", spec.published)
    toc = _sub(front, "div", type="toc")
    toc.set(XML_ID, "toc")
    _sub(toc, "head", "Contents")
    top = _sub(toc, "list", type="toc")
    for k, title, docs in volume.chapters():
        item = _sub(top, "item")
        _sub(item, "ref", title, target=f"#ch{k + 1}")
        if docs:
            inner = _sub(item, "list")
            for doc in docs:
                _sub(_sub(inner, "item"), "ref", doc.label(), target=f"#{doc.xml_id}")
    if volume.preface:
        preface = _sub(front, "div", type="section")
        preface.set(XML_ID, "preface")
        _sub(preface, "head", "Preface")
        for paragraph in volume.preface:
            _sub(preface, "p", paragraph)
    for entries, xml_id, head, list_type, tag in (
        (volume.persons, "persons", "Persons", "names", "persName"),
        (volume.terms, "terms", "Abbreviations and Terms", "terms", "term"),
    ):
        if not entries:
            continue
        div = _sub(front, "div", type="section")
        div.set(XML_ID, xml_id)
        _sub(div, "head", head)
        lst = _sub(div, "list", type=list_type)
        for entry in entries:
            item = _sub(lst, "item")
            name = _sub(item, tag, entry.name)
            name.set(XML_ID, entry.xml_id)
            if entry.description:
                name.tail = ", " + entry.description


def _missing_div(doc: VolumeDocument) -> etree._Element:
    div = etree.Element(_t("div"), nsmap=NSMAP)  # type: ignore[arg-type]
    div.set("type", "document")
    div.set("subtype", "historical-document")
    div.set(XML_ID, doc.xml_id)
    div.set("n", str(doc.number))
    _sub(div, "head", doc.missing_title())
    _sub(div, "p", doc.missing_text())
    return div


def volume_tree(volume: Volume) -> tuple[etree._Element, list[Diagnostic]]:
    """The volume's TEI tree, and what linking reported."""
    root = etree.Element(_t("TEI"), nsmap=NSMAP)  # type: ignore[arg-type]
    root.set(XML_ID, volume.spec.id)
    _header(root, volume)
    text = _sub(root, "text")
    _front(text, volume)
    body = _sub(text, "body")
    for k, title, docs in volume.chapters():
        chapter = _sub(body, "div", type="chapter")
        chapter.set(XML_ID, f"ch{k + 1}")
        _sub(chapter, "head", title)
        for doc in docs:
            if doc.document is None:
                chapter.append(_missing_div(doc))
                continue
            div = document_div(doc.document)
            div.set("n", str(doc.number))
            chapter.append(div)
    diagnostics = link_names(body, volume)
    return root, diagnostics


def write_volume_tei(volume: Volume, options: Options = Options()) -> Output:
    """The TEI file's bytes: UTF-8, an XML declaration, deterministic."""
    root, diagnostics = volume_tree(volume)
    _layout_volume(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
    return Output(data, tuple(diagnostics))


_CONTAINERS = {_t(n) for n in ("TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt")}
_CONTAINERS |= {_t(n) for n in ("sourceDesc", "revisionDesc", "text", "front", "body", "div")}
_CONTAINERS |= {_t(n) for n in ("titlePage", "docTitle", "docImprint", "list", "item")}


def _layout_volume(el: etree._Element, depth: int = 0) -> None:
    """Indent the volume's element-only containers; each document div is
    laid out as the single-document writer lays it out."""
    if el.tag == _t("div") and el.get("type") == "document":
        _layout(el, depth)
        return
    if el.tag in _CONTAINERS:
        indent_children(el, depth, _layout_volume)
