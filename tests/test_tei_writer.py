"""What the TEI writer makes of model constructs the samples do not show."""

from __future__ import annotations

from lxml import etree

from cableconv.diagnostics import Span
from cableconv.model import Document, Footnote, Heading, NoteRef, Paragraph, SourceNote, Text
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
