"""Structure recovery: what the parser makes of a transcription, block by block."""

from __future__ import annotations

from cableconv.diagnostics import Diagnostic
from cableconv.model import (
    Attachment,
    Closer,
    Dateline,
    DateText,
    Document,
    Heading,
    ListBlock,
    Name,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
    plain,
)
from cableconv.pipeline import convert_source
from cableconv.source import LineIndex, Source

from .conftest import SEED


def parse(text: str) -> tuple[Document, list[Diagnostic]]:
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    return converted.document, converted.diagnostics


def kinds(doc: Document) -> list[str]:
    return [type(b).__name__ for b in doc.blocks]


def test_seed_front_matter_is_source_heading_classification() -> None:
    doc, diags = parse(SEED.read_text(encoding="utf-8"))
    assert kinds(doc)[:4] == ["SourceNote", "Heading", "Opener", "Paragraph"]
    source = doc.blocks[0]
    assert isinstance(source, SourceNote)
    assert plain(source.content) == "761.93/12–1544: Telegram"
    opener = doc.blocks[2]
    assert isinstance(opener, Opener)
    assert [plain(line) for line in opener.lines] == ["top secret"]
    assert [d for d in diags if d.level == "error"] == []


def test_seed_footnote_is_anchored_in_the_heading() -> None:
    doc, _ = parse(SEED.read_text(encoding="utf-8"))
    heading = doc.blocks[1]
    assert isinstance(heading, Heading)
    assert isinstance(heading.content[-1], NoteRef)
    assert heading.content[-1].n == "1"
    assert (
        plain(heading.content) == "The Ambassador in the Soviet Union (Harriman) to the President"
    )
    assert len(doc.footnotes) == 1
    assert plain(doc.footnotes[0].content).startswith("Sent by the United States Naval Attaché")


def test_seed_heading_names_sender_and_recipient() -> None:
    doc, _ = parse(SEED.read_text(encoding="utf-8"))
    heading = doc.blocks[1]
    assert isinstance(heading, Heading)
    names = [(n.text, n.kind, n.role) for n in heading.content if isinstance(n, Name)]
    assert names == [("Harriman", "person", "from"), ("President", "office", "to")]


def test_seed_page_break_glued_to_a_word_stays_inline() -> None:
    doc, _ = parse(SEED.read_text(encoding="utf-8"))
    para = next(
        b
        for b in doc.blocks
        if isinstance(b, Paragraph) and "[Page" in plain(b.content, markers=True)
    )
    k = next(i for i, node in enumerate(para.content) if isinstance(node, PageBreak))
    before, pb, after = para.content[k - 1], para.content[k], para.content[k + 1]
    assert isinstance(before, Text) and before.text.endswith("in which he was ")
    assert isinstance(pb, PageBreak) and pb.n == "379"
    assert isinstance(after, Text) and after.text.startswith("interested.")


def test_spans_point_into_the_transcription() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc, _ = parse(text)
    heading = doc.blocks[1]
    lines = LineIndex.of(text)
    assert lines.position(heading.span.start) == (3, 1)
    ref = heading.content[-1]
    assert isinstance(ref, NoteRef)
    assert text[ref.span.start : ref.span.end] == " 1"


def test_dateline_with_time_and_receipt_line() -> None:
    doc, _ = parse(
        "File No. 861.51/133\n\nThe Ambassador in Russia (Francis) to the Secretary of State\n\n"
        "[Telegram]\n\nPetrograd, April 6, 1917, 5 p.m.\n[Received April 8, 7.45 p.m.]\n\n"
        "Had two conferences.\n\nFrancis\n"
    )
    assert kinds(doc) == ["SourceNote", "Heading", "SourceNote", "Dateline", "Paragraph", "Closer"]
    dateline = doc.blocks[3]
    assert isinstance(dateline, Dateline)
    dates = [n for n in dateline.content if isinstance(n, DateText)]
    assert [(d.text, d.when) for d in dates] == [("April 6, 1917, 5 p.m.", "1917-04-06T17:00:00")]


def test_number_in_the_text_is_not_taken_for_a_marker() -> None:
    doc, _ = parse(
        "The Secretary of State to the Minister\n\n"
        "Washington, May 2, 1918.\n\n"
        "Under article 5 of the treaty the claim stands. 1 Reply by cable.\n\n"
        "  1. Treaty of 1867.\n"
    )
    para = doc.blocks[2]
    assert isinstance(para, Paragraph)
    refs = [n for n in para.content if isinstance(n, NoteRef)]
    assert len(refs) == 1
    text = plain(para.content)
    assert "article 5 of" in text and text.index("stands.") < text.index("Reply")


def test_missing_marker_is_an_error_and_the_note_is_kept() -> None:
    doc, diags = parse("The Consul to the Secretary\n\nNo marker here.\n\n  1. An orphan note.\n")
    assert [d.code for d in diags if d.level == "error"] == ["CC103"]
    error = next(d for d in diags if d.code == "CC103")
    assert error.place is not None and (error.place.line, error.place.col) == (5, 1)
    assert [plain(f.content) for f in doc.footnotes] == ["An orphan note."]


def test_page_marker_between_blocks_and_in_a_list() -> None:
    doc, _ = parse(
        "Mr. Baker to Mr. Gresham.\n\nManagua, May 2, 1894.\n\nFirst.\nSecond.\n\n"
        "[Page 17]\nThird.\nFourth.\n\n[Page 18]\n\nLast paragraph.\n"
    )
    assert kinds(doc) == ["Heading", "Dateline", "ListBlock", "PageBreakBlock", "Paragraph"]
    items = doc.blocks[2]
    assert isinstance(items, ListBlock)
    shown = [f"pb {i.n}" if isinstance(i, PageBreakBlock) else plain(i) for i in items.items]
    assert shown == ["First.", "Second.", "pb 17", "Third.", "Fourth."]


def test_enclosure_gets_its_own_heading_dateline_and_signature() -> None:
    doc, _ = parse(
        "No. 3.\nMr. Baker to Mr. Gresham.\n\nManagua, February 9, 1894.\n\n"
        "Sir: I inclose a copy.\n\nI have, etc.,\n\nLewis Baker.\n\n"
        "[Inclosure in No. 3.]\n\nMr. Seat to Mr. Braida.\n\n"
        "Bluefields, January 22, 1894.\n\nSir: A report.\n\n"
        "B. B. Seat,\nUnited States Consular Agent\n"
    )
    assert kinds(doc) == ["Heading", "Dateline", "Paragraph", "Paragraph", "Closer", "Attachment"]
    enclosure = doc.blocks[-1]
    assert isinstance(enclosure, Attachment)
    assert [type(b).__name__ for b in enclosure.blocks] == [
        "SourceNote",
        "Heading",
        "Dateline",
        "Paragraph",
        "Closer",
    ]
    closer = enclosure.blocks[-1]
    assert isinstance(closer, Closer)
    assert plain(closer.content) == "B. B. Seat,\nUnited States Consular Agent"


def test_tab_separated_lines_are_a_table() -> None:
    doc, _ = parse("The Consul to the Secretary\n\nItem\tPoods\nFlax\t1,200\nHemp\t300\n")
    table = doc.blocks[-1]
    assert isinstance(table, Table)
    assert [[plain(c) for c in row] for row in table.rows] == [
        ["Item", "Poods"],
        ["Flax", "1,200"],
        ["Hemp", "300"],
    ]


def test_empty_document_is_an_error() -> None:
    doc, diags = parse("   \n\n")
    assert doc.blocks == ()
    assert "CC004" in [d.code for d in diags if d.level == "error"]


def test_nothing_is_dropped_from_an_unusual_document() -> None:
    text = "just words\n\n:::\n\n12345\n\n[Page 4\n"
    doc, _ = parse(text)
    seen = " ".join(plain(b.content) for b in doc.blocks if hasattr(b, "content"))
    for word in text.split():
        assert word in seen


def test_a_signer_mid_document_is_a_signature_and_the_next_paper_follows() -> None:
    doc, _ = parse(
        "Mr. Baker to Mr. Gresham.\n\nManagua, May 2, 1894.\n\nSir: I inclose two papers.\n\n"
        "A true copy.\n\nH. Guzman.\n\nWashington, April 30, 1894.\n\nThe second paper.\n\n"
        "[File copy not signed]\n"
    )
    assert kinds(doc) == [
        "Heading",
        "Dateline",
        "Paragraph",
        "Paragraph",
        "Closer",
        "Paragraph",
        "Paragraph",
        "Closer",
    ]


def test_an_enclosure_title_after_its_note_is_its_heading() -> None:
    doc, _ = parse(
        "The Ambassador in Russia (Francis) to the Secretary of State\n\nText.\n\n"
        "David R. Francis\n\n[Enclosure—Translation]\n\n"
        "Decree regarding Annulment of State Loans, Adopted by the All-Russian Central "
        "Executive Committee of the Soviets on January 21, 1918, and Published February 3\n\n"
        "1. All state loans are annulled.\n"
    )
    enclosure = doc.blocks[-1]
    assert isinstance(enclosure, Attachment)
    assert [type(b).__name__ for b in enclosure.blocks] == ["SourceNote", "Heading", "Paragraph"]
