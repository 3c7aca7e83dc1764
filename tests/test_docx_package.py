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
    Inline,
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


def notes_doc(*marks: str) -> Document:
    content: list[Inline] = []
    for mark in marks:
        content += [t(f"Text {mark}"), NoteRef(mark, S)]
    notes = tuple(Footnote(mark, (t(f"Note {mark}."),), S) for mark in marks)
    return doc_of(Paragraph(tuple(content), S), notes=notes)


def footnote_numbering(data: bytes) -> dict[str, str]:
    props = xml(parts(data)["word/document.xml"]).find(f"{W}body/{W}sectPr/{W}footnotePr")
    assert props is not None
    return {el.tag.removeprefix(W): el.get(f"{W}val") or "" for el in props}


@pytest.mark.parametrize(
    ("marks", "fmt", "start"),
    [
        (("19", "20", "21"), "decimal", "19"),
        (("*", "†", "‡", "§", "**"), "chicago", "1"),
        (("†", "‡"), "chicago", "2"),
        (("c", "d"), "lowerLetter", "3"),
    ],
)
def test_labels_that_run_on_one_by_one_are_words_own_numbering(
    marks: tuple[str, ...], fmt: str, start: str
) -> None:
    """LibreOffice shows a custom mark twice; Word's numbering (ECMA-376
    w:footnotePr: numFmt, numStart) prints the same labels with none."""
    data = write_docx(notes_doc(*marks)).data
    assert footnote_numbering(data) == {"numFmt": fmt, "numStart": start}
    body = xml(parts(data)["word/document.xml"])
    assert not [r for r in body.iter(f"{W}footnoteReference") if r.get(f"{W}customMarkFollows")]
    back = read_docx(data)
    assert back.note_refs == list(marks) and [m for m, _ in back.notes] == list(marks)
    assert back.custom_marks == 0


def test_printed_marks_nothing_numbers_follow_the_reference_as_custom_marks() -> None:
    # "2a" and a label printed again: custom; 20 and 21 go on from 19
    data = write_docx(notes_doc("19", "2a", "20", "20", "21")).data
    assert footnote_numbering(data) == {"numFmt": "decimal", "numStart": "19"}
    contents = parts(data)
    body, notes = xml(contents["word/document.xml"]), xml(contents["word/footnotes.xml"])
    refs = list(body.iter(f"{W}footnoteReference"))
    assert [r.get(f"{W}customMarkFollows") for r in refs] == [None, "1", None, "1", None]
    for ref, mark in ((refs[1], "2a"), (refs[3], "20")):
        following = ref.getnext()
        assert following is not None and following.tag == f"{W}t" and following.text == mark
    assert len(list(notes.iter(f"{W}footnoteRef"))) == 3  # Word's numbers in three notes
    back = read_docx(data)
    assert back.note_refs == ["19", "2a", "20", "20", "21"] and back.custom_marks == 2


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
    assert back.notes == [("1", hostile)]
    assert back.core == {
        "title": f"{hostile} ({hostile})",
        "subject": f"{hostile}.txt",
        "keywords": hostile,
        "language": "en",
        "identifier": hostile,
    }
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
    assert back.notes == [("1", "One."), ("2", "Two.")]
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


def test_two_tables_in_a_row_stay_two_tables() -> None:
    """Word and LibreOffice join two tables with nothing between them
    (frus1897/d332): an empty paragraph keeps them apart."""
    one = Table((((t("a"),), (t("1"),)),), S)
    two = Table((((t("b"),), (t("2"),)),), S)
    body = xml(parts(write_docx(doc_of(one, two)).data)["word/document.xml"]).find(f"{W}body")
    assert body is not None
    tags = [el.tag for el in body]
    assert tags == [f"{W}tbl", f"{W}p", f"{W}tbl", f"{W}p", f"{W}sectPr"]


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


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_story_parts_declare_words_namespaces_on_the_root() -> None:
    """docx2python (and other readers) look prefixes up on the root: with
    only ``w`` declared they failed with KeyError: 'r'."""
    contents = parts(write_docx(convert_path(SEED).document).data)
    for name in ("word/document.xml", "word/footnotes.xml", "word/footer1.xml"):
        root = xml(contents[name])
        assert root.nsmap["w"] == W_NS
        assert root.nsmap["r"].endswith("/officeDocument/2006/relationships")
        assert {"mc", "wp", "w14", "m"} <= set(root.nsmap)
        ignorable = root.get(
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"
        )
        assert ignorable is not None and set(ignorable.split()) <= set(root.nsmap)


def test_heading_fonts_are_the_styles_serif_not_a_theme_font() -> None:
    """Word takes asciiTheme over ascii in one rFonts: pandoc's Heading 1
    named both, and headings came out in the theme's sans serif."""
    with zipfile.ZipFile(REFERENCE_DOCX) as z:
        styles = xml(z.read("word/styles.xml"))
    fonts = list(styles.iter(f"{W}rFonts"))
    assert fonts and not [
        f for f in fonts for a in f.attrib if a.endswith("Theme}") or "Theme" in a
    ]
    for style_id in ("Heading1", "Heading2", "Heading3"):
        (style,) = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id]
        assert style.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "Times New Roman"  # type: ignore[union-attr]


def test_pages_are_numbered_in_the_footer_on_the_paper_asked_for() -> None:
    doc = convert_path(SEED).document
    for paper, size in (("letter", ("12240", "15840")), ("a4", ("11906", "16838"))):
        contents = parts(write_docx(doc, Options(paper=paper)).data)
        section = xml(contents["word/document.xml"]).find(f"{W}body/{W}sectPr")
        assert section is not None
        pg = section.find(f"{W}pgSz")
        assert pg is not None and (pg.get(f"{W}w"), pg.get(f"{W}h")) == size
        footer_ref = section[0]
        assert footer_ref.tag == f"{W}footerReference"
        rels = xml(contents["word/_rels/document.xml.rels"])
        rid = footer_ref.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        )
        (target,) = [r.get("Target") for r in rels if r.get("Id") == rid]
        assert target == "footer1.xml"
        footer = xml(contents["word/footer1.xml"])
        assert [i.text for i in footer.iter(f"{W}instrText")] == [" PAGE "]


def test_no_proofing_state_is_inherited() -> None:
    settings_part = xml(parts(write_docx(convert_path(SEED).document).data)["word/settings.xml"])
    assert settings_part.find(f"{W}proofState") is None


def test_tables_have_content_widths_a_repeated_head_and_whole_rows() -> None:
    rows = [((t("Articles"),), (t("Metric tons"),))]
    rows += [
        ((t(f"Cottonseed oil and other edible oils, lot {k}"),), (t("8,000"),)) for k in range(9)
    ]
    doc = doc_of(Table(tuple(rows), S, header_rows=1))
    body = xml(parts(write_docx(doc).data)["word/document.xml"])
    (tbl,) = body.iter(f"{W}tbl")
    widths = [int(c.get(f"{W}w") or 0) for c in tbl.iter(f"{W}gridCol")]
    assert widths[0] > 2 * widths[1]  # the text column is the wide one
    assert sum(widths) == int(tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w") or 0)  # type: ignore[union-attr]
    trs = list(tbl.iter(f"{W}tr"))
    assert [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in trs] == [True] + [False] * 9
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)


def test_an_enclosures_heading_is_a_level_below() -> None:
    from cableconv.model import Attachment

    doc = doc_of(
        Heading((t("No. 83."),), S),
        Attachment((Heading((t("Commander O’Neil to Mr. Herbert."),), S),), S),
    )
    styles = [style for style, _ in read_docx(write_docx(doc).data).paragraphs]
    assert styles == ["Heading 1", "Heading 2"]


def test_created_is_the_documents_date_unless_source_date_epoch() -> None:
    from cableconv.model import Dateline, DateText

    doc = doc_of(
        Heading((t("Mr. Herbert to Mr. Gresham."),), S),
        Dateline((t("Washington, "), DateText("July 27, 1894", "1894-07-27", S)), S),
    )
    assert read_docx(write_docx(doc).data).core["created"].startswith("1894-07-27")
    dated = read_docx(write_docx(doc, Options(source_date_epoch=1700000000)).data)
    assert dated.core["created"].startswith("2023-11-14")
    assert dated.core["title"] == "Mr. Herbert to Mr. Gresham, July 27, 1894"
