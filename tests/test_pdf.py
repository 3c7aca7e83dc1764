"""PDF: read back with pypdf (text layer, footnote links, metadata, fonts, paper)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pypdf
import pytest

from cableconv.diagnostics import Span
from cableconv.model import (
    Attachment,
    Dateline,
    DateText,
    Document,
    Footnote,
    Heading,
    LineBreak,
    Name,
    NoteRef,
    Opener,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
)
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers.pdf import typst_source, write_pdf

from .conftest import ROOT, SEED, sample_paths
from .readback import (
    missing_words,
    model_words,
    note_refs_in_order,
    overlapping_text,
    page_numbers,
    pdf_outline,
    read_pdf,
    require,
)

SAMPLES = sample_paths()
S = Span(0, 1)


def to_pdf_bytes(doc: Document, options: Options = Options()) -> bytes:
    return write_pdf(doc, options).data


@cache
def converted(path: Path) -> tuple[Document, bytes]:
    doc = convert_path(path).document
    return doc, to_pdf_bytes(doc)


def fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            base = str(font.get_object()["/BaseFont"]).split("+")[-1]
            names.add(base.removesuffix("-Identity-H"))
    return names


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_pdf_carries_the_whole_document(path: Path) -> None:
    doc, data = converted(path)
    back = read_pdf(data)
    marks = note_refs_in_order(doc)
    assert not missing_words(model_words(doc), back.text, tuple(marks))
    assert back.note_marks == marks  # every footnote, with its printed mark
    flat = " ".join(back.text.split())
    for n in page_numbers(doc):
        assert f"[Page {n}]" in flat
    assert "\u00ad" not in back.text  # no soft hyphen in the text layer


def test_the_seed_reads_like_the_edition() -> None:
    _, data = converted(SEED)
    back = read_pdf(data)
    assert back.pages == 1
    # no dateline: the file number tells the telegram apart from the others
    assert back.title == (
        "The Ambassador in the Soviet Union (Harriman) to the President (761.93/12–1544)"
    )
    lines = back.text.splitlines()
    assert lines[0] == "761.93/12–1544: Telegram"
    assert lines[1] == "The Ambassador in the Soviet Union (Harriman) to the President1"
    assert lines[2] == "top secret"  # small caps keep the underlying case
    assert "1Sent by the United States Naval Attaché, Moscow, via Navy channels." in lines
    flat = " ".join(back.text.split())
    assert re.search(r"he was \[Page 379\] ?interested", flat)  # margin label, on that line
    assert "Russia’s" in flat and "“all outlets" in flat and "Mongolia—the" in flat
    assert back.note_marks == ["1"]


def test_only_fonts_bundled_with_typst_are_used() -> None:
    _, data = converted(SEED)
    assert fonts(data) <= {
        "LibertinusSerif-Regular",
        "LibertinusSerif-Bold",
        "LibertinusSerif-Italic",
    }


def test_cyrillic_and_accents_render_in_bundled_fonts() -> None:
    text = "Жуков, Čičerin, Molotov’s, Attaché — São Paulo"
    doc = Document("d1", "d1.txt", (Paragraph((Text(text, S),), S),), (), S)
    data = to_pdf_bytes(doc)
    assert text in read_pdf(data).text
    assert all(f.startswith(("LibertinusSerif", "NewCM")) for f in fonts(data))


def test_classification_is_set_in_small_caps() -> None:
    doc = Document("d1", "d1.txt", (Opener(((Text("top secret", S),),), S),), (), S)
    source, _ = typst_source(doc)
    assert b"#cc-classification[\n#smallcaps[top secret]" in source


def test_printed_note_marks_are_kept() -> None:
    doc = Document(
        "d1",
        "d1.txt",
        (
            Heading((Text("Head", S), NoteRef("3", S)), S),
            Paragraph((Text("Text", S), NoteRef("†", S)), S),
        ),
        (Footnote("3", (Text("Three.", S),), S), Footnote("†", (Text("Dagger.", S),), S)),
        S,
    )
    back = read_pdf(to_pdf_bytes(doc))
    assert back.note_marks == ["3", "†"]
    assert "3Three." in back.text and "†Dagger." in back.text


def test_paper_is_letter_by_default_and_a4_on_request() -> None:
    doc, data = converted(SEED)

    def size(pdf: bytes) -> tuple[int, int]:
        box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size(data) == (612, 792)
    assert size(to_pdf_bytes(doc, Options(paper="a4"))) == (595, 842)
    with pytest.raises(ValueError, match="unknown paper 'legal'"):
        Options(paper="legal")


def test_pdf_is_byte_identical_on_a_second_run() -> None:
    doc, data = converted(SEED)
    assert to_pdf_bytes(doc) == data
    # the seed has no dateline: no date, so no PDF/A either (and CC404 says so)
    assert "/CreationDate" not in (pypdf.PdfReader(io.BytesIO(data)).metadata or {})
    assert [d.code for d in write_pdf(doc).diagnostics] == ["CC404"]


def test_source_date_epoch_sets_the_creation_date() -> None:
    doc, _ = converted(SEED)
    dated = Options(source_date_epoch=1700000000)
    data = to_pdf_bytes(doc, dated)
    assert to_pdf_bytes(doc, dated) == data
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata or {}
    assert str(meta["/CreationDate"]).startswith("D:20231114221320")


def test_typst_code_in_the_text_stays_text() -> None:
    text = (
        "#set page(width: 2cm) #let x = 1 $x^2$ \\ *b* _i_ <lbl> @ref // c /* d */"
        ' -- --- ... -? -1 "q" \'s'
    )
    doc = Document("d1", "d1.txt", (Paragraph((Text(text, S),), S),), (), S)
    data = to_pdf_bytes(doc)
    assert " ".join(read_pdf(data).text.split()).startswith(text)
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert round(float(box.width)) == 612  # the page was not resized


def t(text: str) -> Text:
    return Text(text, S)


def test_a_marker_opening_a_cell_or_a_note_stays_text() -> None:
    """Typst reads ``053.``, ``-``, ``+``, ``=`` and ``/`` opening content in
    brackets as markup: a table cell ``[053. 24]`` showed as the list item
    "53. 24" (frus1902app1/d6 lost its "053"), a note ``- a`` as "• a"."""
    starts = ["053. 24", "- a", "+ b", "= c", "/ d: e", "1890."]
    table = Table(tuple(((t(s),), (t("x"),)) for s in starts), S)
    refs = tuple(NoteRef(str(k), S) for k in range(1, len(starts) + 1))
    notes = tuple(Footnote(str(k), (t(s),), S) for k, s in enumerate(starts, 1))
    heading = Heading((t("A heading"), NoteRef("7", S)), S)
    notes += (Footnote("7", (t("- on the heading"),), S),)
    doc = Document("d1", "d1.txt", (heading, table, Paragraph((t("Notes"), *refs), S)), notes, S)
    lines = [" ".join(line.split()) for line in read_pdf(to_pdf_bytes(doc)).text.splitlines()]
    for s in starts:
        assert f"{s} x" in lines  # the cell as printed
        assert any(line.endswith(f" {s}") or line[1:] == s for line in lines)  # the note
    assert any(line.endswith("- on the heading") for line in lines)


def long_table(rows: int = 120) -> Document:
    body = tuple(
        ((t(f"Item {k} of the account"),), (t(f"{k * 7}.{k % 100:02d}"),)) for k in range(1, rows)
    )
    table = Table((((t("Articles"),), (t("Dollars"),)), *body), S, header_rows=1)
    return Document("d1", "d1.txt", (Paragraph((t("Before the table."),), S), table), (), S)


def test_a_table_taller_than_a_page_breaks_with_its_heads_repeated() -> None:
    """A typst figure cannot break: a 120-row table in one was overprinted at
    the foot of its page. Every row is on some page, no two lines overlap,
    and each page the table reaches starts with its column heads."""
    data = to_pdf_bytes(long_table())
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    assert overlapping_text(data) == []
    texts = [page.extract_text() for page in reader.pages]
    flat = " ".join(" ".join(texts).split())
    assert all(f"Item {k} of the account" in flat for k in range(1, 120))
    for text in texts:
        assert text.lstrip().startswith("Articles") or text.startswith("Before the table")
        assert text.count("Articles") == 1
    # and the table starts right after the paragraph, not on a new page
    assert "Item 1 of the account" in texts[0]


def compiled(source: str) -> bytes:
    import typst

    return typst.compile(source.encode("utf-8"))


@pytest.mark.parametrize(
    "source",
    [
        # rows of a table in a figure, which cannot break, at a page's foot
        "#figure(table(columns: 2, ..range(160).map(k => [Row #k of the table])))",
        # a line drawn over another
        "A line of body text.\n#place(top + left)[Another line over it.]",
        # a label in the margin just over the end of a line
        "#set par(justify: true)\n#place(top + right, dx: -2pt)[#text(8pt)[[Page 7]]]"
        + "Text that runs on to the right margin and further on. " * 3,
        # the same line of text twice, a little apart (in one font and size
        # PDFium makes them one rectangle, which hides it)
        "Same words.#place(top + left, dx: 1.5pt)[#text(10pt)[Same words.]]",
    ],
    ids=["figure-table", "line-over-line", "margin-label", "shifted"],
)
def test_overlapping_text_is_found(source: str) -> None:
    assert overlapping_text(compiled(source))


def test_page_turns_one_after_another_are_labelled_one_below_the_other() -> None:
    """frus1872p2v5/d149 turns six pages between two paragraphs: the six
    margin labels were drawn over each other."""
    turns = tuple(PageBreakBlock(str(n), S) for n in range(272, 278))
    body = (Paragraph((t("Before."),), S), *turns, Paragraph((t("After."),), S))
    data = to_pdf_bytes(Document("d1", "d1.txt", body, (), S))
    assert overlapping_text(data) == []
    flat = " ".join(read_pdf(data).text.split())
    assert all(f"[Page {n}]" in flat for n in range(272, 278))


def test_a_note_mark_after_italic_text_is_not_overlap() -> None:
    """frus1925v02/d122: ``[Received 11:07 p.m.⁶]`` in the italic dateline.
    The ink of the italic mark reaches over the box of the bracket next to
    it; they are one line, set one after the other."""
    dateline = Dateline((t("[Received 11:07 p.m."), NoteRef("6", S), t("]")), S)
    doc = Document("d1", "d1.txt", (dateline,), (Footnote("6", (t("Telegram."),), S),), S)
    assert overlapping_text(to_pdf_bytes(doc)) == []


def test_the_outline_keeps_the_space_at_a_line_break_and_enclosures_below() -> None:
    heading = Heading((t("No. 83."), LineBreak(S), t("Mr. Herbert to Mr. Gresham.")), S)
    enclosed = Attachment(
        (
            SourceNote((t("[Inclosure 1 in No. 83.]"),), S),
            Heading((t("Commander O’Neil to Mr. Herbert."),), S),
            Paragraph((t("Sir: I have the honor."),), S),
        ),
        S,
    )
    doc = Document("d83", "d83.txt", (heading, Paragraph((t("Sir:"),), S), enclosed), (), S)
    assert pdf_outline(to_pdf_bytes(doc)) == [
        (0, "No. 83. Mr. Herbert to Mr. Gresham."),
        (1, "Commander O’Neil to Mr. Herbert."),
    ]


def dated(epoch_text: str = "December 15, 1944", when: str | None = "1944-12-15") -> Document:
    heading = Heading(
        (
            t("The Ambassador in the Soviet Union ("),
            Name("Harriman", "person", "from", S),
            t(") to the "),
            Name("President", "office", "to", S),
        ),
        S,
    )
    return Document(
        "d7",
        "d7.txt",
        (
            SourceNote((t("761.93/12–1544: Telegram"),), S),
            heading,
            Opener(((t("top secret"),),), S),
            Dateline((t("Moscow, "), DateText(epoch_text, when, S)), S),
            Paragraph((t("Personal and Top Secret."),), S),
        ),
        (),
        S,
    )


def xmp(data: bytes) -> str:
    meta = pypdf.PdfReader(io.BytesIO(data)).xmp_metadata
    assert meta is not None
    return meta.stream.get_data().decode("utf-8")


def test_pdf_a_2b_by_default_dated_by_the_document() -> None:
    data = to_pdf_bytes(dated())
    packet = xmp(data)
    assert "<pdfaid:part>2</pdfaid:part>" in packet
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in packet
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata or {}
    assert str(meta["/CreationDate"]).startswith("D:19441215")
    # SOURCE_DATE_EPOCH, when set, is the date instead
    epoch = pypdf.PdfReader(io.BytesIO(to_pdf_bytes(dated(), Options(source_date_epoch=0))))
    assert str((epoch.metadata or {})["/CreationDate"]).startswith("D:1970")


def headed(text: str) -> Document:
    """A document without a dateline, headed ``text``."""
    blocks = (Heading((t(text),), S), Paragraph((t("Present: Mr. Lansing"),), S))
    return Document("d9", "d9.txt", blocks, (), S)


def test_without_a_dateline_the_date_the_heading_prints_dates_the_pdf_a() -> None:
    """frus1919Parisv11's minutes have no dateline, their heading prints the
    day: that is the document's date, and PDF/A can be written with it."""
    out = write_pdf(headed("Minutes of the Daily Meetings, Thursday, July 10th, 1919"))
    assert [d.code for d in out.diagnostics] == []
    assert "<pdfaid:part>2</pdfaid:part>" in xmp(out.data)
    meta = pypdf.PdfReader(io.BytesIO(out.data)).metadata or {}
    assert str(meta["/CreationDate"]).startswith("D:19190710")
    # a receipt is not the day it was written, nor is a month without its day
    for text in ("Mr. Geofroy to Mr. Seward.—Received May 26, 1864", "Report of August, 1901"):
        out = write_pdf(headed(text))
        assert [d.code for d in out.diagnostics] == ["CC404"]
        assert "pdfaid" not in xmp(out.data)


def opening(*lines: str) -> Document:
    """A document without a dateline whose text opens with ``lines``."""
    blocks = (
        Heading((t("Mr. E. B. Washburne to Mr. Fish."),), S),
        *(Paragraph((t(line),), S) for line in lines),
        Paragraph((t("Chamber met at midnight."),), S),
    )
    return Document("d9", "d9.txt", blocks, (), S)


def test_a_date_line_where_the_text_opens_dates_the_pdf_a() -> None:
    """frus1870 d117 (as its TEI encodes it): "[By cable telegram.]" then
    "September 5, 1870. (Received September 5.)" as text: the day it is dated."""
    out = write_pdf(opening("[By cable telegram.]", "September 5, 1870. (Received September 5.)"))
    assert [d.code for d in out.diagnostics] == []
    meta = pypdf.PdfReader(io.BytesIO(out.data)).metadata or {}
    assert str(meta["/CreationDate"]).startswith("D:18700905")
    assert meta["/Title"] == "Mr. E. B. Washburne to Mr. Fish, September 5, 1870"
    assert "<pdfaid:part>2</pdfaid:part>" in xmp(out.data)
    # a place before it is part of the line; a sentence, a receipt alone, a
    # date after the text has begun are not the paper's date
    dated_at = write_pdf(opening("Cabinet of the Minister, Paris, June 15, 1864—noon."))
    created = (pypdf.PdfReader(io.BytesIO(dated_at.data)).metadata or {})["/CreationDate"]
    assert str(created).startswith("D:18640615")
    for lines in (
        ("He arrived at Paris, May 27, 1864.",),
        ("(Received September 5, 1870.)",),
        ("Fish, Washington:", "September 5, 1870."),
    ):
        assert [d.code for d in write_pdf(opening(*lines)).diagnostics] == ["CC404"], lines


def test_the_properties_tell_the_document_apart() -> None:
    data = to_pdf_bytes(dated())
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata or {}
    assert meta["/Title"] == (
        "The Ambassador in the Soviet Union (Harriman) to the President, December 15, 1944"
    )
    assert meta["/Author"] == "The Ambassador in the Soviet Union (Harriman)"
    assert meta["/Subject"] == "761.93/12–1544: Telegram; December 15, 1944"
    assert meta["/Keywords"] == "d7, 761.93/12–1544, top secret"
    assert "<rdf:li>en</rdf:li>" in xmp(data)  # dc:language


def test_a_character_no_font_draws_is_written_without_pdf_a_and_said() -> None:
    """frus1882/d111 prints ``$1ᆖ4⅕`` (U+1196, a Hangul vowel sign): typst
    will not write PDF/A-2b with the empty box it draws there, and the
    document, once dated (``SOURCE_DATE_EPOCH``), was not written at all."""
    doc = dated()
    blocks = (*doc.blocks, Paragraph((t("amounts ($1\u11964⅕ marks)."),), S))
    odd = Document(doc.doc_id, doc.source_name, blocks, (), S)
    for options in (Options(), Options(pdf_standards=("a-2b", "ua-1"))):
        out = write_pdf(odd, options)
        assert [d.code for d in out.diagnostics] == ["CC403", "CC410"]
        assert "pdfaid" not in xmp(out.data)
        assert "marks)." in read_pdf(out.data).text
    # PDF/A-1b allows the box: it is kept
    out = write_pdf(odd, Options(pdf_standards=("a-1b",)))
    assert [d.code for d in out.diagnostics] == ["CC403"]
    assert "<pdfaid:part>1</pdfaid:part>" in xmp(out.data)


@pytest.mark.parametrize(
    ("standards", "part"),
    [(("a-2u",), "<pdfaid:part>2</pdfaid:part>"), (("a-3u",), "<pdfaid:part>3</pdfaid:part>")],
)
def test_other_pdf_a_profiles_on_request(standards: tuple[str, ...], part: str) -> None:
    assert part in xmp(to_pdf_bytes(dated(), Options(pdf_standards=standards)))


def test_pdf_ua_1_on_request() -> None:
    data = to_pdf_bytes(dated(), Options(pdf_standards=("a-2a", "ua-1")))
    packet = xmp(data)
    assert "<pdfuaid:part>1</pdfuaid:part>" in packet
    assert "<pdfaid:conformance>A</pdfaid:conformance>" in packet
    catalog = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "en"
    with pytest.raises(ValueError, match="unknown PDF standard 'b-1'"):
        Options(pdf_standards=("b-1",))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_qpdf_finds_the_pdf_sound_and_pdffonts_every_font_embedded(
    path: Path, tmp_path: Path
) -> None:
    require("qpdf")
    require("pdffonts")
    _, data = converted(path)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors found" in check.stdout
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)  # the "emb" column
    # and nothing is drawn over anything else
    assert overlapping_text(data) == []


def test_without_any_other_date_the_source_notes_date_dates_the_pdf_a_and_says_so() -> None:
    """frus1864p3's newspaper extracts have no dateline; their source note
    prints the paper's day ("[From the London Times of October 26, 1863.]"):
    the PDF is dated by it, PDF/A, and CC411 says where the date came from.
    A receipt in the source note, or a month without its day, dates nothing."""

    def noted(text: str) -> Document:
        blocks = (SourceNote((t(text),), S), Paragraph((t("Mr. Laird spoke."),), S))
        return Document("d9", "d9.txt", blocks, (), S)

    out = write_pdf(noted("[From the London Times of October 26, 1863.]"))
    assert [d.code for d in out.diagnostics] == ["CC411"]
    assert "1863-10-26" in out.diagnostics[0].message
    assert "<pdfaid:part>2</pdfaid:part>" in xmp(out.data)
    meta = pypdf.PdfReader(io.BytesIO(out.data)).metadata or {}
    assert str(meta["/CreationDate"]).startswith("D:18631026")
    for text in (
        "[Telegram.—Received at Washington August 22, 1870.]",
        "[From the Times, May, 1864.]",
    ):
        out = write_pdf(noted(text))
        assert [d.code for d in out.diagnostics] == ["CC404"], text
    # SOURCE_DATE_EPOCH dates it instead, and nothing need be said
    out = write_pdf(
        noted("[From the London Times of October 26, 1863.]"), Options(source_date_epoch=0)
    )
    assert [d.code for d in out.diagnostics] == []


def test_an_enclosure_label_and_its_classification_are_styled_as_such() -> None:
    """frus1944Quebec/d13: ``Enclosure`` is its attachment's heading, a
    bookmark one level below the document's, and its ``top secret`` in small
    caps like the document's own, not two lines of body text."""
    doc, data = converted(ROOT / "samples" / "frus1944Quebec-d13.txt")
    assert pdf_outline(data) == [
        (0, "Memorandum by the Representatives of the British Chiefs of Staff"),
        (1, "Enclosure"),
    ]
    source = typst_source(doc)[0].decode("utf-8")
    assert source.count("#cc-classification[\n#smallcaps[top secret]") == 2


def test_the_tags_keep_the_space_at_a_line_break_and_enclosures_below() -> None:
    """The PDF/UA tags carry each heading's text as its title (``/T``), the
    level of an enclosure's heading one below its document's: "No. 83.Mr.
    Herbert" ran together there as in the bookmarks."""
    heading = Heading((t("No. 83."), LineBreak(S), t("Mr. Herbert to Mr. Gresham.")), S)
    enclosed = Attachment((Heading((t("Commander O’Neil to Mr. Herbert."),), S),), S)
    doc = Document("d83", "d83.txt", (heading, Paragraph((t("Sir:"),), S), enclosed), (), S)
    data = to_pdf_bytes(doc, Options(pdf_standards=("a-2a", "ua-1")))
    tags: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, dict):
            return
        if str(node.get("/S", "")).startswith("/H"):
            tags.append((str(node["/S"]), str(node.get("/T"))))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    walk(pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"])
    assert tags == [
        ("/H1", "No. 83. Mr. Herbert to Mr. Gresham."),
        ("/H2", "Commander O’Neil to Mr. Herbert."),
    ]


def test_the_first_paragraph_after_a_heading_is_indented_as_in_the_docx() -> None:
    """The DOCX indented the first paragraph after a heading and the PDF did
    not; both indent every paragraph's first line by the Body style's amount."""
    from lxml import etree

    from cableconv.writers.docx import REFERENCE_DOCX

    text = "Sir: I have the honor to inclose herewith copies of four communications " * 3
    doc = Document(
        "d1",
        "d1.txt",
        (Heading((t("Mr. Herbert to Mr. Gresham."),), S), Paragraph((t(text),), S)),
        (),
        S,
    )
    starts: list[tuple[float, str]] = []

    def visit(chunk: str, cm: list[float], tm: list[float], *_: object) -> None:
        if chunk.strip():
            starts.append((tm[4] * cm[0] + cm[4], chunk))

    pypdf.PdfReader(io.BytesIO(to_pdf_bytes(doc))).pages[0].extract_text(visitor_text=visit)
    heading_x, first_x, second_x = (x for x, _ in starts[:3])
    assert heading_x == pytest.approx(second_x)
    with zipfile.ZipFile(REFERENCE_DOCX) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    (body,) = [s for s in styles.iter(f"{w}style") if s.get(f"{w}styleId") == "Body"]
    first_line = body.find(f"{w}pPr/{w}ind").get(f"{w}firstLine")  # type: ignore[union-attr]
    assert first_x - second_x == pytest.approx(int(first_line or 0) / 20, abs=0.2)
