"""DOCX: read back with python-docx and its footnotes part."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from cableconv.diagnostics import Span
from cableconv.model import Document, Footnote, Heading, Inline, NoteRef, Paragraph, Text, plain
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers.docx import REFERENCE_DOCX, write_docx

from .conftest import ROOT, SEED, sample_paths
from .readback import (
    FodtContent,
    libreoffice_fodt,
    missing_words,
    model_words,
    note_refs_in_order,
    page_numbers,
    read_docx,
    read_fodt,
    require,
)

SAMPLES = sample_paths()
S = Span(0, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def converted(path: Path) -> tuple[Document, bytes]:
    doc = convert_path(path).document
    return doc, write_docx(doc).data


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_docx_carries_the_whole_document(path: Path) -> None:
    doc, data = converted(path)
    back = read_docx(data)
    assert not missing_words(model_words(doc), back.text)
    marks = note_refs_in_order(doc)
    assert len(back.notes) == len(back.note_refs) == len(doc.footnotes)
    # each note shows its printed mark, as Word numbers it or as a custom mark
    assert back.note_refs == marks and [m for m, _ in back.notes] == marks
    by_mark = sorted(" ".join(plain(n.content).split()) for n in doc.footnotes)
    assert sorted(text for _, text in back.notes) == by_mark
    pages = page_numbers(doc)
    assert sum(text.count(f"[Page {n}]") for _, text in back.paragraphs for n in pages) >= len(
        list(pages.elements())
    )


def test_the_seed_uses_the_named_styles() -> None:
    _, data = converted(SEED)
    back = read_docx(data)
    styles = [style for style, _ in back.paragraphs]
    assert styles[:4] == ["Source Note", "Heading 1", "Classification", "Body"]
    assert (
        back.paragraphs[1][1] == "The Ambassador in the Soviet Union (Harriman) to the President "
    )
    assert back.paragraphs[2][1] == "top secret"  # small caps by style, case as in the TEI
    assert back.char_styles["Page Marker"] == 1
    (page_para,) = [text for _, text in back.paragraphs if "[Page 379]" in text]
    assert "he was [Page 379]interested." in page_para
    assert "Russia’s" in back.text and "“all outlets" in back.text and "Mongolia—the" in back.text
    assert back.notes == [
        ("1", "Sent by the United States Naval Attaché, Moscow, via Navy channels.")
    ]
    assert back.core == {
        # no dateline: the file number tells it from the other telegrams
        "title": "The Ambassador in the Soviet Union (Harriman) to the President (761.93/12–1544)",
        "subject": "761.93/12–1544: Telegram",
        "author": "The Ambassador in the Soviet Union (Harriman)",
        "keywords": "d761.93-12-1544, 761.93/12–1544, top secret",
        "language": "en",
        "identifier": "d761.93-12-1544",
    }


def test_dateline_and_signature_have_their_styles() -> None:
    _, data = converted(ROOT / "samples" / "frus1918Russiav03-d101.txt")
    styles = {style for style, _ in read_docx(data).paragraphs}
    assert {"Dateline", "Signature", "Page Break", "Source Note"} <= styles


def test_printed_note_marks_are_kept() -> None:
    doc = Document(
        "d1",
        "d1.txt",
        (Paragraph((Text("First", S), NoteRef("*", S), Text(" second", S), NoteRef("†", S)), S),),
        (Footnote("*", (Text("Star.", S),), S), Footnote("†", (Text("Dagger.", S),), S)),
        S,
    )
    back = read_docx(write_docx(doc).data)
    assert back.note_refs == ["*", "†"]
    assert back.notes == [("*", "Star."), ("†", "Dagger.")]


def test_docx_is_byte_identical_on_a_second_run() -> None:
    doc, data = converted(SEED)
    assert write_docx(doc).data == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"dcterms:created" not in z.read("docProps/core.xml")


def test_source_date_epoch_sets_the_dates() -> None:
    doc, _ = converted(SEED)
    dated = Options(source_date_epoch=1700000000)
    data = write_docx(doc, dated).data
    assert write_docx(doc, dated).data == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = z.read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z<' in core


def test_metacharacters_stay_literal_text() -> None:
    text = "#set page(width: 1cm) $x$ \\ *b* _i_ <script>x</script> @word {{v}} <w:p/> &amp;"
    doc = Document("d1", "d1.txt", (Paragraph((Text(text, S),), S),), (), S)
    assert read_docx(write_docx(doc).data).paragraphs == [("Body", text)]


def test_the_reference_docx_is_reproducible() -> None:
    script = ROOT / "scripts" / "make_reference_docx.py"
    code = (
        "import importlib.util, sys;"
        f"spec = importlib.util.spec_from_file_location('m', {str(script)!r});"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m);"
        "sys.stdout.buffer.write(m.build())"
    )
    built = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert built == REFERENCE_DOCX.read_bytes()


# ---- as LibreOffice reads it ------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_reading(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FodtContent]:
    """Every sample's DOCX and a document of printed labels, read by
    LibreOffice (one start for all of them)."""
    require("soffice")
    folder = tmp_path_factory.mktemp("lo")
    files = []
    for path in SAMPLES:
        files.append(folder / f"{path.stem}.docx")
        files[-1].write_bytes(converted(path)[1])
    files.append(folder / "labels.docx")
    files[-1].write_bytes(write_docx(labels_doc()).data)
    files.append(folder / "unmarked.docx")
    files[-1].write_bytes(write_docx(unmarked_doc()).data)
    libreoffice_fodt(files, folder / "fodt", folder / "profile")
    return {f.stem: read_fodt(folder / "fodt" / f"{f.stem}.fodt") for f in files}


def labels_doc() -> Document:
    marks = ["19", "20", "2a", "21", "21"]
    content: list[Inline] = []
    for mark in marks:
        content += [Text(f"Text {mark}", S), NoteRef(mark, S)]
    notes = tuple(Footnote(m, (Text(f"Note {k}.", S),), S) for k, m in enumerate(marks))
    return Document("d1", "d1.txt", (Paragraph(tuple(content), S),), notes, S)


def unmarked_doc() -> Document:
    """frus1870 d1: "U. S. GRANT." then a note printed without a mark
    ("By the President:"), anchored by the blank that ends the line."""
    content = (Text("U. S. GRANT.", S), NoteRef("", S))
    notes = (Footnote("", (Text("By the President:", S),), S),)
    return Document("d1", "d1.txt", (Paragraph(content, S),), notes, S)


def test_a_note_printed_without_a_mark_has_a_blank_mark_in_word() -> None:
    """ECMA-376 17.11.14: with ``customMarkFollows`` the run's text is the
    mark; an empty one LibreOffice numbers itself, so the mark is a blank."""
    with zipfile.ZipFile(io.BytesIO(write_docx(unmarked_doc()).data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    ref = body.find(f".//{W}footnoteReference")
    assert ref is not None and ref.get(f"{W}customMarkFollows") == "1"
    mark = ref.getnext()
    assert mark is not None and mark.text == " "
    assert mark.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    note = notes.find(f".//{W}footnote[@{W}id='{ref.get(f'{W}id')}']")
    assert note is not None and f"{W}footnoteRef" not in {e.tag for e in note.iter()}
    assert "".join(note.itertext()).strip() == "By the President:"


@pytest.mark.slow
def test_libreoffice_shows_no_mark_where_none_is_printed(
    libreoffice_reading: dict[str, FodtContent],
) -> None:
    notes = libreoffice_reading["unmarked"].notes
    assert [n.label.strip() for n in notes] == [""]  # not "1"
    assert "By the President:" in libreoffice_reading["unmarked"].text


@pytest.mark.slow
@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_libreoffice_shows_every_word_and_note_once(
    path: Path, libreoffice_reading: dict[str, FodtContent]
) -> None:
    doc, _ = converted(path)
    back = libreoffice_reading[path.stem]
    assert not missing_words(model_words(doc), back.text)
    assert [n.label for n in back.notes] == note_refs_in_order(doc)
    assert not [n for n in back.notes if n.doubled]  # these labels all run on
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [level for level, _ in back.headings][: len(headings)] == [1] * len(headings)


@pytest.mark.slow
def test_libreoffice_doubles_only_what_words_numbering_cannot_say(
    libreoffice_reading: dict[str, FodtContent],
) -> None:
    """19, 20, 21 are Word's numbers from 19; 2a and 21 printed again keep a
    custom mark, which LibreOffice 7.4 shows twice (its known defect)."""
    notes = libreoffice_reading["labels"].notes
    assert [n.label for n in notes] == ["19", "20", "2a", "21", "21"]
    assert [n.custom for n in notes] == [False, False, True, False, True]
    assert [n.doubled for n in notes] == [False, False, True, False, True]
