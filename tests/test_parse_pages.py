"""A page that turns between the paragraphs of a numbered list item is the
item's (``<item><p/><pb/><p/></item>`` in the official TEI), not a break
between blocks (the corpus cases are goldens in tests/data/frus:
frus1919Parisv11 d1, d11; frus1917Supp02v02 d16; frus1925v02 d133)."""

from __future__ import annotations

from cableconv.model import (
    Closer,
    Document,
    ListBlock,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    plain,
)
from cableconv.pipeline import convert_source
from cableconv.source import Source

HEAD = "Minutes of the Daily Meetings of the Commissioners\n\n"


def convert(text: str) -> tuple[Document, list[str]]:
    result = convert_source(Source.from_text(HEAD + text, "t.txt"), stem="t1")
    return result.document, [d.code for d in result.diagnostics]


def page_kinds(doc: Document) -> list[str]:
    out = []
    for block in doc.blocks:
        if isinstance(block, PageBreakBlock):
            out.append("between blocks")
        elif (
            isinstance(block, Paragraph)
            and block.content
            and isinstance(block.content[0], PageBreak)
            and len(block.content) == 1
        ):
            out.append("in an item")
    return out


def test_a_page_between_two_labels_is_inside_the_item() -> None:
    doc, codes = convert(
        "The first item was approved.\n8.\n\nMr. Herter read a letter.\n\n"
        "The letter was read.\n\n[Page 5]\n\nIt was decided to answer it.\n9.\n\n"
        "Mr. Lansing withdrew.\n"
    )
    assert page_kinds(doc) == ["in an item"]
    assert "CC155" not in codes


def test_the_next_item_may_start_with_its_text() -> None:
    doc, _ = convert(
        "9. Memorandum No. 68 was read.\n10.\n\nMemorandum No. 69 was read.\n\n[Page 37]\n\n"
        "This decision supersedes the one before.\n11. Memorandum No. 70 was read.\n"
    )
    assert page_kinds(doc) == ["in an item"]


def test_a_label_right_above_the_paragraph_before_the_page_is_enough() -> None:
    doc, _ = convert(
        "The ship is to be searched.\n(7)\n\nThe wireless is to be sealed.\n\n[Page 846]\n\n"
        "No message to be sent near the coast.\n"
    )
    assert page_kinds(doc) == ["in an item"]


def test_a_label_further_up_and_none_below_is_warned_about() -> None:
    doc, codes = convert(
        "(a) The certificate must be shown.\n(b)\n\nIf it was burned, that must be proved.\n\n"
        "A party who can not produce it can not supply it by parole.\n\n[Page 27]\n\n"
        "In issuing the passport it would be well to advise him.\n"
    )
    assert page_kinds(doc) == ["between blocks"]
    assert "CC155" in codes


def test_a_page_among_paragraphs_without_labels_is_between_blocks() -> None:
    doc, codes = convert(
        "The Minister called today.\n\nHe spoke of the loan.\n\n[Page 43]\n\n"
        "He then spoke of the credits.\n"
    )
    assert page_kinds(doc) == ["between blocks"]
    assert "CC155" not in codes


def test_a_label_standing_alone_is_a_heading_of_the_text_not_an_item() -> None:
    # ``II.`` in a block of its own (an article's number over its text)
    doc, codes = convert(
        "I.\n\nThat each Government shall submit its papers.\n\nII.\n\n"
        "That each may submit an argument.\n\n[Page 379]\n\nThat the arbitrator decide.\n"
    )
    assert page_kinds(doc) == ["between blocks"]
    assert "CC155" not in codes


def test_the_first_items_label_stands_alone_and_the_next_item_shows_the_list() -> None:
    doc, _ = convert(
        "With regard to the concessions requested:\n\nI.\n\nThe attached list covers them.\n\n"
        "[Page 144]\n\nWith regard to the rest, a list is enclosed.\nII. It will be observed "
        "that classes were set up.\n"
    )
    assert page_kinds(doc) == ["in an item"]


def test_a_label_alone_under_the_page_starts_the_next_item() -> None:
    doc, _ = convert(
        "IV.\n\nThe Minister discussed his policy.\n\nHis policy is to keep the rate.\n\n"
        "[Page 49]\n\nV.\n\nThe Minister then spoke.\nVI. Of the credits.\n"
    )
    assert page_kinds(doc) == ["between blocks"]


def test_the_item_going_on_below_the_page_is_enough_however_far_its_label() -> None:
    # frus1919Parisv11 d13: the item's label is twelve blocks up; the
    # paragraph under the page ends with the next item's label.
    paragraphs = "".join(f"Colonel House felt point {k} was made.\n\n" for k in range(8))
    doc, codes = convert(
        "1.\n\n" + paragraphs + "[Page 44]\n\n"
        "Mr. Herter was requested to consult Mr. Auchincloss.\n2.\n\nGeneral Bliss spoke.\n"
    )
    assert page_kinds(doc) == ["in an item"]
    assert "CC155" not in codes


def test_a_list_or_table_above_does_not_stop_the_item_going_on_below() -> None:
    # frus1917Supp02v02 d247: the item's lettered sub-list stands above the page.
    doc, _ = convert(
        "3.\n\nThe board asks:\n\n(a) For the release of foodstuffs;\n"
        "(b) For the production of dairy products;"
        "\n\n[Page 1138]\n\nIf Holland is to supply them, it must follow.\n4.\n\nNo more.\n"
    )
    assert page_kinds(doc) == ["in an item"]


def test_a_page_over_the_next_item_itself_stays_between_blocks() -> None:
    # frus1919Parisv11 d12: the paragraph under the page opens an item.
    doc, _ = convert(
        "Mr. White read an article.\n\nThe Commissioners agreed.\n\n[Page 39]\n\n"
        "3. Mr. Lansing stated that the time had come.\n4.\n\nMr. White withdrew.\n"
    )
    assert page_kinds(doc) == ["between blocks"]


def test_the_next_number_below_shows_the_item_however_far_its_label() -> None:
    # frus1919Parisv11 d15: item 1's label is nine blocks up, a table stands
    # between the page and the paragraph that ends with item 2.
    paragraphs = "".join(f"General Phillips made point {k}.\n\n" for k in range(8))
    doc, codes = convert(
        "1.\n\n" + paragraphs + "[Page 55]\n\nHe named the towns.\n\n"
        "Dulcino (Town)\nHoti-Gruda } Tribes\nPlava\n\nThe most important was Debra.\n\n"
        "He ended his statement.\n2. Mr. Herter read a telegram.\n"
    )
    assert page_kinds(doc) == ["in an item"]
    assert "CC155" not in codes


def test_a_number_repeated_and_marked_sic_is_the_next_item() -> None:
    # frus1919Parisv11 d32: ``3.`` above the page, ``3 [sic].`` below it;
    # frus1901 d296: the item's lettered sub-list between.
    paragraphs = "".join(f"Lieut. Foster spoke of point {k}.\n\n" for k in range(6))
    doc, _ = convert(
        "Dr. Bowman withdrew.\n3.\n\n(a) In the land registry;\n(b) In the building registry.\n\n"
        + paragraphs
        + "[Page 118]\n\nLieut. Foster finally made a suggestion.\n"
        "3 [sic]. Mr. Herter brought up a question.\n"
    )
    assert page_kinds(doc) == ["in an item"]


def test_numbers_that_do_not_run_on_say_nothing() -> None:
    paragraphs = "".join(f"Lieut. Foster spoke of point {k}.\n\n" for k in range(8))
    doc, _ = convert(
        "Dr. Bowman withdrew.\n3.\n\n" + paragraphs + "[Page 118]\n\n"
        "Lieut. Foster finally made a suggestion.\n7. Mr. Herter brought up a question.\n"
    )
    assert page_kinds(doc) == ["between blocks"]


def test_a_signature_quoted_in_an_item_with_the_next_label_under_it_is_the_items_text() -> None:
    # frus1919Parisv11 d153: the letter an item quotes ends with its
    # signature, and the next item's label hangs under it.
    doc, _ = convert(
        "V.\n\nThe Secretary read a letter from Mr. Polk.\n\nVery sincerely yours,\n\n"
        "(Signed) Frank L. Polk\n[VI.]\n\nThe memorandum of Captain Pierce was read.\n"
    )
    assert not [b for b in doc.blocks if isinstance(b, Closer)]
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [plain(i) for i in items.items if not isinstance(i, PageBreakBlock)] == [
        "(Signed) Frank L. Polk",
        "[VI.]",
    ]
