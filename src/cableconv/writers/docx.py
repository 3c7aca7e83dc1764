"""DOCX writer: a Word file for editors, styled by ``data/reference.docx``.

pandoc writes the file from the AST with the reference document's styles
(Source Note, Heading 1, Classification, Dateline, Body, List Head, List
Item, Signature, Page Break and the character style Page Marker; see
``scripts/make_reference_docx.py``); footnotes are real Word footnotes.
Then this module finishes the package:

- the title (the heading) goes into the document properties; the source
  file is the subject and the custom properties ``source`` and
  ``document-id`` (pandoc would print a ``title`` above the heading);
- when the document's notes are not simply 1, 2, 3... (FRUS volumes that
  number notes by page, or mark them ``*``, ``†``), each note keeps its
  printed mark as a Word custom footnote mark;
- dates are fixed: ``SOURCE_DATE_EPOCH`` when set, otherwise no creation
  date and 1980-01-01 in the zip, so a second run gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from lxml import etree

from cableconv.model import Document
from cableconv.writers.pandoc_ast import DATA_DIR, WriteOptions, build, source_date_epoch, write

REFERENCE_DOCX = DATA_DIR / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
CORE = "docProps/core.xml"
BODY = "word/document.xml"
NOTES = "word/footnotes.xml"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def to_docx_bytes(doc: Document) -> bytes:
    """The DOCX file's bytes, deterministic."""
    built = build(doc, "docx")
    raw = write(built, "docx", WriteOptions(reference_doc=REFERENCE_DOCX))
    parts = _read_parts(raw)
    epoch = source_date_epoch()
    parts[CORE] = _core_properties(parts[CORE], built.title, epoch)
    if list(built.note_marks) != [str(k) for k in range(1, len(built.note_marks) + 1)]:
        parts[BODY], parts[NOTES] = _custom_marks(parts[BODY], parts[NOTES], built.note_marks)
    return _zip(parts, epoch)


def repack(data: bytes, epoch: int | None = None) -> bytes:
    """A zip package again, with fixed dates and attributes."""
    return _zip(_read_parts(data), epoch)


def _read_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(parts: dict[str, bytes], epoch: int | None) -> bytes:
    when = ZIP_EPOCH
    if epoch is not None:
        stamp = datetime.fromtimestamp(epoch, UTC)
        when = max(
            ZIP_EPOCH, (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, data, compresslevel=6)
    return out.getvalue()


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_properties(data: bytes, title: str, epoch: int | None) -> bytes:
    root = _xml(data)
    node = root.find(f"{{{DC}}}title")
    if node is None:
        node = etree.SubElement(root, f"{{{DC}}}title")
    node.text = title
    for name in ("created", "modified"):
        for stamp in root.findall(f"{{{DCTERMS}}}{name}"):
            if epoch is None:
                root.remove(stamp)
            else:
                stamp.text = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _bytes(root)


def _custom_marks(body: bytes, notes: bytes, marks: Sequence[str]) -> tuple[bytes, bytes]:
    """Give each footnote its printed mark (Word's ``customMarkFollows``):
    the mark follows the reference in the text and replaces the automatic
    number in the note."""
    body_root, notes_root = _xml(body), _xml(notes)
    by_id = {n.get(_w("id")): n for n in notes_root.iter(_w("footnote"))}
    refs = list(body_root.iter(_w("footnoteReference")))
    for ref, mark in zip(refs, marks, strict=True):
        ref.set(_w("customMarkFollows"), "1")
        etree.SubElement(ref.getparent(), _w("t")).text = mark  # type: ignore[arg-type]
        note = by_id.get(ref.get(_w("id")))
        auto = next(note.iter(_w("footnoteRef")), None) if note is not None else None
        if auto is not None:
            text = etree.Element(_w("t"))
            text.text = mark
            auto.getparent().replace(auto, text)  # type: ignore[union-attr]
    return _bytes(body_root), _bytes(notes_root)
