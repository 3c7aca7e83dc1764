"""A block of lines without blanks: a list, or an address or a name and
office broken into lines (corpus goldens: frus1882 d308, frus1901 d436)."""

from __future__ import annotations

from cableconv.model import Document, ListBlock, PageBreakBlock, Paragraph, plain
from cableconv.parse.blocks import split_blocks
from cableconv.parse.lists import is_broken_paragraph
from cableconv.pipeline import convert_source
from cableconv.source import Source

HEAD = "Mr. Frelinghuysen to Mr. Romero.\n\nWashington, May 4, 1882.\n\n"
END = "\n\nThe President has approved the request.\n\nFRELINGHUYSEN."


def parse(text: str) -> Document:
    return convert_source(Source.from_text(text, "t.txt"), stem="t1").document


def test_lines_that_go_on_after_a_comma_are_one_paragraph() -> None:
    doc = parse(f"{HEAD}The Royal Foreign Office,\nStockholm:{END}")
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert plain(paras[0].content) == "The Royal Foreign Office,\nStockholm:"
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_labelled_items_ending_in_commas_are_still_a_list() -> None:
    doc = parse(
        f"{HEAD}(1) Diplomatic and consular,\n(2) Commercial and economic,\n(3) Nationality.{END}"
    )
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(items.items) == 3


def test_what_a_broken_paragraph_is() -> None:
    one, names, ordinals, four = split_blocks(
        "A. McDowell, Clerk,\nBy William J. Browning, Chief Clerk.\n\n"
        "Mr. Polk\nMr. White\n\n"
        "1st. When such person is in Ireland,\n2d. When a distinction has been made.\n\n"
        "Present: The Assistant Secretary,\nMr. Firestone,\nMr. Miller,\nMr. Young."
    )
    assert is_broken_paragraph(one)
    assert not is_broken_paragraph(names)
    assert not is_broken_paragraph(ordinals)
    assert not is_broken_paragraph(four)


def test_a_short_line_introducing_a_name_and_the_name_are_one_paragraph() -> None:
    # frus1897 d454, frus1897 d178, frus1894Nicaragua d10, frus1901 d282
    for text in (
        "Witness:\nDevawongse.",
        "By order:\nStruss.",
        "Correct translation:\nS. C. Braida,\nUnited States Consul.",
        "Witnesses:\nSaïd Yussef, Dragoman.\nMohammed Ismail, Dragoman.",
    ):
        doc = parse(f"{HEAD}{text}{END}")
        assert plain(next(b for b in doc.blocks if isinstance(b, Paragraph)).content) == text
        assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_head_over_figures_or_over_names_is_not_a_name_introduced() -> None:
    # frus1897 d595 "Schools taught by Americans:" over "2."
    heads = split_blocks(
        "Schools taught by Americans:\n2.\n\nPresent:\nMr. Lansing\nMr. White\n\n"
        "$10,000.00 on June 15, 1925;\n$5,000.00 on September 15, 1925."
    )
    assert [is_broken_paragraph(b) for b in heads] == [False, False, False]


def test_an_address_under_a_title_alone_is_one_paragraph() -> None:
    # frus1934v05 d270: four lines, a title of address alone on the first
    doc = parse(
        f"{HEAD}‘(Signed)’ Montgomery Schuyler\n\nHis Excellency\nDoctor Arturo R. Avila\n"
        f"Acting Minister for Foreign Affairs\nSan Salvador.”{END}"
    )
    paras = [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert (
        "His Excellency\nDoctor Arturo R. Avila\nActing Minister for Foreign Affairs\n"
        "San Salvador.”" in paras
    )
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_signers_each_over_his_office_are_one_item_each() -> None:
    # frus1894Nicaragua d83, frus1917Supp02v02 d17: a name (ending with a
    # comma, or in the editors' brackets) over an office, pair after pair
    for block in [
        "D. H. Thomas,\nPresident of Provisional Council.\nGeo. P. Hall,\nSecretary.",
        "[Eustace Percy]\nOn behalf of British members\n[L. H. Woolsey]\nSolicitor",
    ]:
        doc = parse(f"{HEAD}The law is in force.\n\n{block}{END}")
        (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
        lines = block.split("\n")
        assert [plain(i) for i in items.items if not isinstance(i, PageBreakBlock)] == [
            "\n".join(lines[:2]),
            "\n".join(lines[2:]),
        ]


def test_names_without_offices_stay_one_a_line() -> None:
    doc = parse(
        f"{HEAD}Signed:\n\nSam. D. Spellman,\nJas. H. Lampton,\nPaul Osterhout,\n"
        f"W. F. Thornton.{END}"
    )
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(items.items) == 4


def test_leaders_for_names_left_blank_and_a_line_going_on_are_one_paragraph() -> None:
    # frus1925v02 d425: the draft of a convention leaves its plenipotentiaries blank
    block = (
        "The President of the United States of America\n. . . . . . . . . .\n"
        "and the President of the United Mexican States\n. . . . . . . . . ."
    )
    doc = parse(f"{HEAD}{block}{END}")
    assert block in [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_margins_gloss_over_its_paragraph_is_part_of_the_paragraph() -> None:
    # frus1872p2v4 d1: the glosses printed in the margin stand on short lines
    # over the paragraph they gloss; the official TEI keeps them in it.
    text = "The question was a practical one, for the claims were among them. " * 6
    block = f"Preparation of case.\nPrivate claims classified as indirect. {text.strip()}"
    doc = parse(f"{HEAD}{block}{END}")
    assert block in [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    # the items of a list that count are no gloss
    counted = f"First. The claims withdrawn.\nSecond. {text.strip()}"
    doc = parse(f"{HEAD}{counted}{END}")
    assert [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_the_first_of_several_names_in_capitals_is_an_item_not_the_lists_head() -> None:
    # frus1882 d331: the signers of a convention, each in capitals with his
    # stop; the official TEI makes all four items (39 of 39 such lists)
    doc = parse(
        f"{HEAD}In testimony whereof we sign this convention in duplicate.\n\n"
        f"M. ROMERO.\nJ. RUFINO BARRIOS.\nMANUEL HERRERA, Jr.\nF. CRUZ.{END}"
    )
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert items.head is None
    assert [plain(i) for i in items.items][:1] == ["M. ROMERO."]
    assert len(items.items) == 4


def test_a_word_in_capitals_without_a_stop_heads_its_list() -> None:
    # frus1955-57v02 d4: PARTICIPANTS over the names
    doc = parse(f"{HEAD}PARTICIPANTS\nThe Secretary\nMr. Robertson\nMr. McConaughy{END}")
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert items.head is not None and plain(items.head) == "PARTICIPANTS"
    assert len(items.items) == 3


def test_a_forms_label_over_its_blank_is_one_paragraph() -> None:
    # frus1897 d621: the Spanish form of a consular certificate
    doc = parse(
        f"{HEAD}El infrascrito certifica.\n\nFirma del portador:\n____ _____\n\nNo. ____.\n"
    )
    assert any(
        isinstance(b, Paragraph) and plain(b.content) == "Firma del portador:\n____ _____"
        for b in doc.blocks
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_the_course_of_a_treaty_under_its_title_is_one_paragraph() -> None:
    # frus1902app1 d10: signed, advised, ratified, exchanged, proclaimed
    text = (
        "Signed at Washington, April 18, 1892.\n"
        "Ratification advised by the Senate, April 19, 1892.\n"
        "Ratified by the President, April 22, 1892.\n"
        "Ratifications exchanged, May 7, 1892.\n"
        "Proclaimed, May 9, 1892."
    )
    doc = parse(f"{HEAD}{text}{END}")
    assert plain(next(b for b in doc.blocks if isinstance(b, Paragraph)).content) == text
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
