"""What the TEI writer makes of model constructs the samples do not show."""

from __future__ import annotations

from lxml import etree

from cableconv.diagnostics import Span
from cableconv.model import (
    Document,
    Footnote,
    Heading,
    NoteRef,
    Paragraph,
    SourceNote,
    Table,
    Text,
)
from cableconv.pipeline import convert_source
from cableconv.source import Source
from cableconv.validate import validate_tei
from cableconv.writers.tei import TEI_NS, to_tei_bytes

from .support import frus_record

AT = Span(0, 0)


def _div(doc: Document) -> etree._Element:
    div = etree.fromstring(to_tei_bytes(doc)).find(f".//{{{TEI_NS}}}div")
    assert div is not None
    return div


def test_a_note_without_a_mark_follows_its_block_and_keeps_no_number() -> None:
    # frus1870 d160: a section title printed as a note without a mark after
    # the despatch number; FRUS shows it as note "None", anchored on the number
    doc = Document(
        "d160",
        "d160.txt",
        (
            SourceNote((Text("No. 98.", AT), NoteRef("", AT)), AT),
            Heading((Text("Mr. Berthemy to Mr. Davis.", AT),), AT),
            Paragraph((Text("Sir: I have the honor.", AT), NoteRef("1", AT)), AT),
        ),
        (
            Footnote("", (Text("CORRESPONDENCE WITH THE FRENCH LEGATION.", AT),), AT),
            Footnote("1", (Text("Not printed.", AT),), AT),
        ),
        AT,
    )
    div = _div(doc)
    notes = div.findall(f"{{{TEI_NS}}}note")
    assert [n.get("rend") for n in notes] == ["inline", None]
    assert notes[1].get("n") is None and notes[1].text == "CORRESPONDENCE WITH THE FRENCH LEGATION."
    record = frus_record.document_record(div, None)
    assert record["text"].startswith("No. 98. \n\nMr. Berthemy")
    assert [(f["n"], f["anchor"]) for f in record["footnotes"]] == [(None, "source"), ("1", "para")]
    assert validate_tei(doc) == []


def test_a_table_printed_in_a_list_item_is_written_inside_it() -> None:
    # frus1897 d332: "The tenth of 15. 00" then, on the next line, "Art. 2. …";
    # FRUS holds the table in an item, and shows the next item under its last row
    text = (
        "Mr. Powell to Mr. Sherman.\n\nPort au Prince, October 7, 1897.\n\n"
        "Article 1. There shall be ten stamps, to wit:\n\n"
        "The first of P. 0. 05\nThe second of 0. 10\nThe tenth of 15. 00\n"
        "Art. 2. The price of stamped papers is thus fixed.\n\nPOWELL.\n"
    )
    doc = convert_source(Source.from_text(text, "d332.txt")).document
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.role for t in tables] == ["list-item"]
    div = _div(doc)
    (lst,) = div.findall(f"{{{TEI_NS}}}list")
    items = lst.findall(f"{{{TEI_NS}}}item")
    assert items[0].find(f"{{{TEI_NS}}}table") is not None
    assert items[1].text == "Art. 2. The price of stamped papers is thus fixed."
    record = frus_record.document_record(div, None)
    assert "to wit:\n\nThe first of" in record["text"]
    assert "The tenth of 15. 00\nArt. 2. The price" in record["text"]
    assert validate_tei(doc) == []
    # a table that ends with its rows is no item
    plain_table = convert_source(
        Source.from_text(text.replace("\nArt. 2.", "\n\nArt. 2."), "d332.txt")
    ).document
    assert [b.role for b in plain_table.blocks if isinstance(b, Table)] == [None]
    assert _div(plain_table).find(f"{{{TEI_NS}}}list") is None
