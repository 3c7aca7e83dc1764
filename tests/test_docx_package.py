"""DOCX written directly from the model: the package, its parts, its footnotes.

tests/test_docx.py reads the outputs back as an editor sees them; these
tests look inside the package: every part well-formed and typed, every style
defined, every footnote a real Word footnote, the dates the only thing
``SOURCE_DATE_EPOCH`` changes, and no text able to break out of its element.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cableconv.diagnostics import Span
from cableconv.model import (
    Closer,
    Document,
    Footnote,
    Heading,
    LineBreak,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    Table,
    Text,
)
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers.docx import REFERENCE_DOCX, write_docx

from .conftest import SAMPLES, SEED, sample_paths
from .readback import read_docx

S = Span(0, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True)
#: What XML 1.0 cannot hold (as cableconv.source.NOT_XML), for expected text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def t(text: str) -> Text:
    return Text(text, S)


def doc_of(*blocks: object, notes: tuple[Footnote, ...] = ()) -> Document:
    return Document("d1", "d1.txt", tuple(blocks), notes, S)  # type: ignore[arg-type]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, SAFE)


@cache
def sample_docx(path: Path) -> bytes:
    return write_docx(convert_path(path).document).data


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_part_is_well_formed_typed_and_linked(path: Path) -> None:
    data = sample_docx(path)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None  # every CRC right
        names = z.namelist()
    assert names[0] == "[Content_Types].xml" and len(set(names)) == len(names)
    contents = parts(data)
    trees = {name: xml(body) for name, body in contents.items()}  # each one well-formed
    types = trees["[Content_Types].xml"]
    defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName") for o in types.iter(f"{CT}Override")}
    for name in names:
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert {o.lstrip("/") for o in overrides} <= set(names), "a content type for a missing part"
    for name in (n for n in names if n.endswith(".rels")):
        rels_dir = PurePosixPath(name).parent
        source_dir = str(rels_dir.parent) if rels_dir.name == "_rels" else ""
        for rel in trees[name].iter(f"{RELS}Relationship"):
            target = posixpath.normpath(posixpath.join(source_dir, rel.get("Target") or ""))
            assert target.lstrip("./") in names, f"{name} points to a missing {target}"


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_style_used_is_defined_in_the_styles_part(path: Path) -> None:
    contents = parts(sample_docx(path))
    defined = {s.get(f"{W}styleId") for s in xml(contents["word/styles.xml"]).iter(f"{W}style")}
    used = {
        el.get(f"{W}val")
        for name in ("word/document.xml", "word/footnotes.xml")
        for el in xml(contents[name]).iter(f"{W}pStyle", f"{W}rStyle", f"{W}tblStyle")
    }
    assert used and used <= defined, used - defined


def test_styles_fonts_and_theme_are_the_reference_documents() -> None:
    contents = parts(sample_docx(SEED))
    reference = parts(REFERENCE_DOCX.read_bytes())
    for name in ("word/styles.xml", "word/fontTable.xml", "word/theme/theme1.xml"):
        assert contents[name] == reference[name]
    section = xml(contents["word/document.xml"]).find(f"{W}body/{W}sectPr")
    assert section is not None
    size = section.find(f"{W}pgSz")
    margins = section.find(f"{W}pgMar")
    assert size is not None and margins is not None
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("12240", "15840")  # US Letter
    ref_margins = xml(reference["word/document.xml"]).find(f"{W}body/{W}sectPr/{W}pgMar")
    assert ref_margins is not None
    for side in ("left", "right", "top", "bottom"):
        assert margins.get(f"{W}{side}") == ref_margins.get(f"{W}{side}")


def test_the_package_opens_in_python_docx_with_its_properties() -> None:
    import docx

    document = docx.Document(io.BytesIO(sample_docx(SEED)))
    assert document.core_properties.title.startswith("The Ambassador in the Soviet Union")
    assert document.sections[0].page_width.inches == 8.5
    custom = xml(parts(sample_docx(SEED))["docProps/custom.xml"])
    props = {p.get("name"): "".join(p.itertext()) for p in custom}
    assert props == {"document-id": "d761.93-12-1544", "source": "761.93-12-1544.txt"}


def test_each_footnote_is_a_real_word_footnote() -> None:
    path = SAMPLES / "frus1918Russiav03-d101.txt"
    doc = convert_path(path).document
    contents = parts(sample_docx(path))
    body, notes = xml(contents["word/document.xml"]), xml(contents["word/footnotes.xml"])
    special = {n.get(f"{W}type"): n.get(f"{W}id") for n in notes if n.get(f"{W}type")}
    assert special == {"separator": "-1", "continuationSeparator": "0"}
    settings_notes = xml(contents["word/settings.xml"]).findall(f"{W}footnotePr/{W}footnote")
    assert {n.get(f"{W}id") for n in settings_notes} == {"-1", "0"}
    refs = list(body.iter(f"{W}footnoteReference"))
    by_id = {n.get(f"{W}id"): n for n in notes if not n.get(f"{W}type")}
    assert len(refs) == len(by_id) == len(doc.footnotes) > 0
    assert [r.get(f"{W}id") for r in refs] == [str(k) for k in range(1, len(refs) + 1)]
    for ref in refs:
        run = ref.getparent()
        assert run is not None
        assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"  # type: ignore[union-attr]
        note = by_id[ref.get(f"{W}id")]
        assert note.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"  # type: ignore[union-attr]
        assert len(list(note.iter(f"{W}footnoteRef"))) == 1  # Word prints the number


def test_printed_marks_follow_the_reference_as_custom_marks() -> None:
    doc = doc_of(
        Paragraph((t("First"), NoteRef("*", S), t(" second"), NoteRef("†", S)), S),
        notes=(Footnote("*", (t("Star."),), S), Footnote("†", (t("Dagger."),), S)),
    )
    contents = parts(write_docx(doc).data)
    body, notes = xml(contents["word/document.xml"]), xml(contents["word/footnotes.xml"])
    for ref, mark in zip(body.iter(f"{W}footnoteReference"), "*†", strict=True):
        assert ref.get(f"{W}customMarkFollows") == "1"
        following = ref.getnext()
        assert following is not None and following.tag == f"{W}t" and following.text == mark
    assert not list(notes.iter(f"{W}footnoteRef"))  # no automatic number in the notes


def test_source_date_epoch_changes_only_the_dates() -> None:
    doc = convert_path(SEED).document
    plain_run = write_docx(doc).data
    dated = write_docx(doc, Options(source_date_epoch=1700000000)).data
    a, b = parts(plain_run), parts(dated)
    assert list(a) == list(b)
    assert [n for n in a if a[n] != b[n]] == ["docProps/core.xml"]
    core_a, core_b = xml(a["docProps/core.xml"]), xml(b["docProps/core.xml"])
    dates = {"{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified"}
    assert [(e.tag, e.text) for e in core_a] == [
        (e.tag, e.text) for e in core_b if e.tag not in dates
    ]
    assert {e.text for e in core_b if e.tag in dates} == {"2023-11-14T22:13:20Z"}


@pytest.mark.parametrize("value", ["99999999999999", "0", "4102444800"])
def test_any_source_date_epoch_gives_a_valid_zip(value: str) -> None:
    """Zip dates run from 1980 to 2107: an epoch outside is held at the edge."""
    options = Options(source_date_epoch=int(value))
    data = write_docx(doc_of(Paragraph((t("x"),), S)), options).data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert len({i.date_time for i in z.infolist()}) == 1


def test_markup_in_the_text_stays_text_in_every_part() -> None:
    hostile = "a ]]> <script>alert(1)</script> <w:p/> &amp; &#65; \"q\" 's' <![CDATA[x]]>"
    doc = Document(
        hostile,
        f"{hostile}.txt",
        (
            Heading((t(hostile),), S),
            Paragraph((t(hostile), NoteRef("1", S)), S),
            Closer((t(hostile),), S),
        ),
        (Footnote("1", (t(hostile),), S),),
        S,
    )
    data = write_docx(doc).data
    back = read_docx(data)
    assert [text.strip() for _, text in back.paragraphs] == [hostile] * 3
    assert back.notes == [("", hostile)]
    assert back.core == {"title": hostile, "subject": f"{hostile}.txt"}
    trees = {name: xml(body) for name, body in parts(data).items()}
    for name, tree in trees.items():
        assert not list(tree.iter("script", f"{W}script")), name
    # no element smuggled in: three paragraphs, and the two separators and one note
    assert len(list(trees["word/document.xml"].iter(f"{W}p"))) == 3
    assert len(list(trees["word/footnotes.xml"].iter(f"{W}p"))) == 3
    props = {p.get("name"): "".join(p.itertext()) for p in trees["docProps/custom.xml"]}
    assert props == {"document-id": hostile, "source": f"{hostile}.txt"}


def test_a_control_character_becomes_a_visible_replacement_and_is_reported() -> None:
    doc = doc_of(Paragraph((t("bell\x07here and escape\x1bthere \ud800"),), S))
    out = write_docx(doc)
    assert read_docx(out.data).paragraphs == [
        ("Body", "bell\ufffdhere and escape\ufffdthere \ufffd")
    ]
    assert [(d.level, d.code) for d in out.diagnostics] == [("error", "CC005")]


def test_a_marker_without_a_note_and_a_note_without_a_marker_are_kept_and_reported() -> None:
    doc = doc_of(
        Paragraph((t("Text"), NoteRef("1", S), t(" more"), NoteRef("7", S)), S),
        notes=(Footnote("1", (t("One."),), S), Footnote("2", (t("Two."),), S)),
    )
    out = write_docx(doc)
    back = read_docx(out.data)
    assert back.paragraphs == [("Body", "Text  more7"), ("Body", " ")]
    assert back.notes == [("", "One."), ("", "Two.")]
    body = xml(parts(out.data)["word/document.xml"])
    (sup,) = body.iter(f"{W}vertAlign")
    assert sup.get(f"{W}val") == "superscript"
    assert sorted(d.code for d in out.diagnostics) == ["CC401", "CC402"]


def test_tables_are_word_tables_with_every_cell() -> None:
    doc = doc_of(
        Table((((t("Poods"),),), ((t("by rail"),), (t("7,800,000"),))), S),
    )
    body = xml(parts(write_docx(doc).data)["word/document.xml"]).find(f"{W}body")
    assert body is not None
    (table,) = body.iter(f"{W}tbl")
    rows = table.findall(f"{W}tr")
    assert [len(r.findall(f"{W}tc")) for r in rows] == [2, 2]  # the short row is filled
    assert len(table.findall(f"{W}tblGrid/{W}gridCol")) == 2
    cells = ["".join(tc.itertext()) for r in rows for tc in r.findall(f"{W}tc")]
    assert cells == ["Poods", "", "by rail", "7,800,000"]
    assert [el.tag for el in body] == [f"{W}tbl", f"{W}p", f"{W}sectPr"]  # Word ends with a p


def test_line_breaks_and_page_turns_are_where_they_stand() -> None:
    doc = doc_of(
        Paragraph((t("before "), PageBreak("12", S), t("after")), S),
        PageBreakBlock("13", S),
        Closer((t("Harriman"), LineBreak(S), t("Ambassador")), S),
    )
    body = xml(parts(write_docx(doc).data)["word/document.xml"])
    paras = body.findall(f"{W}body/{W}p")
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in paras]  # type: ignore[union-attr]
    assert styles == ["Body", "PageBreak", "Signature"]
    marker_runs = [
        "".join(r.itertext())
        for r in body.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}rStyle") is not None
        and r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "PageMarker"  # type: ignore[union-attr]
    ]
    assert marker_runs == ["[Page 12]", "[Page 13]"]
    assert "".join(paras[0].itertext()) == "before [Page 12]after"
    assert [el.tag for el in paras[2].iter(f"{W}t", f"{W}br")] == [f"{W}t", f"{W}br", f"{W}t"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_written_and_read_back(text: str) -> None:
    """Whatever the text, the package is written, and reads back as the text
    with whitespace runs as single blanks, trimmed, and each character XML
    cannot hold as U+FFFD."""
    data = write_docx(doc_of(Paragraph((t(text),), S))).data
    expected = re.sub(r"[ \t\n\r]+", " ", NOT_XML.sub("\ufffd", text)).strip(" ")
    paragraphs = read_docx(data).paragraphs
    assert paragraphs == ([("Body", expected)] if expected else [])


def test_a_fresh_process_writes_the_same_bytes_without_pandoc() -> None:
    """Byte-identical across processes (another hash seed, a cold cache), and
    the DOCX path never loads pandoc's module."""
    code = (
        "import hashlib, sys;"
        "from pathlib import Path;"
        "from cableconv.pipeline import convert_path;"
        "from cableconv.writers.docx import write_docx;"
        f"data = write_docx(convert_path(Path({str(SEED)!r})).document).data;"
        "print(hashlib.sha256(data).hexdigest(), 'cableconv.writers.pandoc_ast' in sys.modules)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True, env=env
    )
    digest, pandoc_loaded = out.stdout.split()
    assert digest == hashlib.sha256(sample_docx(SEED)).hexdigest()
    assert pandoc_loaded == "False"
