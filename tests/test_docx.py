"""DOCX: read back with python-docx and its footnotes part."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

from cableconv.diagnostics import Span
from cableconv.model import Document, Footnote, NoteRef, Paragraph, Text, plain
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers.docx import REFERENCE_DOCX, write_docx

from .conftest import ROOT, SEED, sample_paths
from .readback import missing_words, model_words, note_refs_in_order, page_numbers, read_docx

SAMPLES = sample_paths()
S = Span(0, 1)


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
