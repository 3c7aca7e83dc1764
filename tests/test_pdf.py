"""PDF: read back with pypdf (text layer, footnote links, metadata, fonts, paper)."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pypdf
import pytest

from cableconv.diagnostics import Span
from cableconv.model import Document, Footnote, Heading, NoteRef, Opener, Paragraph, Text
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers.pdf import typst_source, write_pdf

from .conftest import SEED, sample_paths
from .readback import missing_words, model_words, note_refs_in_order, page_numbers, read_pdf

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
    assert back.title == "The Ambassador in the Soviet Union (Harriman) to the President"
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
    assert "/CreationDate" not in (pypdf.PdfReader(io.BytesIO(data)).metadata or {})


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
