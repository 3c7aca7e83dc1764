"""Tables copied from the page without their cell boundaries: rows told from
list items by their column of figures (the corpus cases are goldens in
tests/data/frus: frus1934v05 d20, frus1864p3 d448, frus1901 d217, frus1897 d181)."""

from __future__ import annotations

import pytest
from lxml import etree

from cableconv.checks import check_converted
from cableconv.model import Attachment, Document, ListBlock, Table, plain
from cableconv.parse.blocks import split_blocks
from cableconv.parse.tables import is_row, is_table
from cableconv.pipeline import convert_source
from cableconv.readers.tei import read_tei
from cableconv.source import Source
from cableconv.writers.tei import TEI_NS, to_tei_bytes

HEAD = "Mr. Uhl to Mr. Sherman.\n\nBerlin, April 23, 1897.\n\nSir: I have the honor to report.\n\n"
END = "\n\nI have, etc.\n\nEdwin F. Uhl."


def parse(text: str) -> Document:
    return convert_source(Source.from_text(text, "t.txt"), stem="t1").document


def block(text: str) -> object:
    (b,) = split_blocks(text)
    return b


# rows as the corpus prints them (frus1901 d217, frus1917Supp02v02 d242,
# frus1934v05 d117 and d423, frus1864p3 d859, frus1919Parisv11 d257)
TABLES = [
    "Austria £15, 000\nGermany 30, 000\nBelgium 800\nDenmark 250\nRussia 4, 000",
    "Ameland Corn 205, 944 bushels\nArundo “ 194, 226 “\nGorredyk “ 200, 000 “\n1, 018, 202 “",
    "Present Duty Per Kilo. Maximum Tariff General Tariff U. S. Prf.% Tariff for U. S.\n"
    "Sheets—156–F $0. 20 $0. 10 30% $0. 07\nBags—155–M $0. 24 $0. 12 30% $0. 084",
    "Seasons Tomatoes Total of all Winter Vegetables\n1931–1932 $6, 273, 400. $8, 891, 700.\n"
    "1932–1933 2, 188, 200. 4, 555, 800.",
    "Names of ships. No. of guns. No. of men. How engaged.\nAmsterdam 8 186\nDyambi 6 255\n"
    "Medusa 16 240\nTotal 56 951",
    "U. K. 77. 65\nFrance 6. 75\nItaly 6. 70\nU. S. 3. 00",
    "Articles Metric tons\nSugar 60, 000",
    "(a) Sterling obligations owed by Chilean debtors 1,000,000 Pounds\n"
    "(b) Bank loans 1,000,000 ”\n"
    "(c) Peso accounts such as bills of exchange, current accounts due British merchants, "
    "bank credits, etc., in liquid form 62,000,000 Pesos",
]

# lists with figures in them (frus1902app1 d2, frus1897 d595, frus1934v05 d50,
# frus1925v02 d577, frus1919Parisv11 d159)
LISTS = [
    "Case No. 61.—Samuel G. Levy was arrested and detained eight days. He was awarded $930.\n"
    "Case No. 97.—William Patrick was arrested and detained sixteen days. He was awarded $5,160.",
    "(b) The chapel at Sivas and connecting yard, cost thirty years ago $2,640.\n"
    "(c) Two schoolhouses, boys’ boarding-school rooms, cost $900.\n"
    "(d) Chapel and nearly 3 acres at Tocat, $2,200.",
    "(1) Does agreement have to be approved by the House and Senate;\n"
    "(2) Is it customary to debate the provisions in open session or in secret;\n"
    "(3) Is agreement required to pend before Congress for a specified period:",
    "1. An exchange of notes on the basis of your 18 of April 30 9 p.m. will be satisfactory.\n"
    "2. It is assumed that the exchange of notes will follow in general the form of last year.\n"
    "3. If the Spanish Government insists, as indicated in your 13, April 17 4 p.m., say so.",
    "Mr. Polk\nMr. White\nGeneral Bliss\nMr. Harrison",
    "I have your 3665, November 4, 3 p.m. 5\n3.",
]


@pytest.mark.parametrize("text", TABLES)
def test_rows_ending_in_a_column_of_figures_are_a_table(text: str) -> None:
    assert is_table(block(text))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", LISTS)
def test_items_with_figures_in_their_sentences_are_a_list(text: str) -> None:
    assert not is_table(block(text))  # type: ignore[arg-type]


def test_a_figure_after_a_finished_sentence_is_not_a_column() -> None:
    assert not is_row("the reply to your communication.” 12")
    assert is_row("Dr. Sheperd 1, 000")
    assert is_row("136. 34")
    assert not is_row("2.")


def test_a_table_without_tabs_is_read_as_rows() -> None:
    doc = parse(f"{HEAD}{TABLES[0]}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 5
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_rows_of_short_phrases_are_a_table_and_their_text_is_kept() -> None:
    # frus1864p3 d764, d436: two columns of words, no figures; the names
    # over a paragraph of lines stay paragraphs
    rows = (
        "Bijouterie jewelry. Mirrors.\nPerfumery and soap. Arms.\nBooks. Cutlery.\nPaper. Drawings."
    )
    doc = parse(f"{HEAD}{rows}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 4
    assert " ".join(plain(c) for c in table.rows[2]) == "Books. Cutlery."
    names = parse(f"{HEAD}Mr. Lansing\nMr. White\nGen. Bliss{END}")
    assert not [b for b in names.blocks if isinstance(b, Table)]


def test_lines_under_a_sentence_that_announces_a_table_are_its_rows() -> None:
    # frus1934v05 d171: rows that read as sentences, told by the paragraph
    rows = (
        "Brazil: Proclamation October 22, 1930.\nRevoked March 2, 1931.\n"
        "China: Proclamation March 4, 1922.\nStill in effect."
    )
    intro = "The action is not novel, as is indicated by the following table of Proclamations."
    doc = parse(f"{HEAD}{intro}\n\n{rows}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [" ".join(plain(c) for c in row) for row in table.rows] == rows.split("\n")
    unannounced = parse(f"{HEAD}The action is not novel.\n\n{rows}{END}")
    assert not [b for b in unannounced.blocks if isinstance(b, Table)]


def test_a_list_with_amounts_in_its_items_stays_a_list() -> None:
    doc = parse(f"{HEAD}{LISTS[1]}{END}")
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(items.items) == 3


def codes(text: str) -> list[str]:
    result = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    return [d.code for d in result.diagnostics]


# frus1934v05 d464: the table printed inside item (l), item (m) on the line
# after its last row
INSIDE_AN_ITEM = (
    "(k) In those cases the pleadings shall be filed again.\n"
    "(l) The Embassies shall receive them except on the following holidays:\n\n"
    "Of the United States Of Mexico\nJanuary 1 January 1\nFebruary 22 February 5\n"
    "July 4 May 5\n"
    "(m) In view of the limitations upon the time allowed, the plan depends on it.\n"
    "(n) It shall not be necessary to present original evidence."
)


def test_list_items_after_the_last_row_are_a_list_and_warned_about() -> None:
    text = f"{HEAD}{INSIDE_AN_ITEM}{END}"
    doc = parse(text)
    kinds = [type(b).__name__ for b in doc.blocks]
    k = kinds.index("Table")
    table = doc.blocks[k]
    assert isinstance(table, Table) and len(table.rows) == 4
    assert table.role == "list-item"  # written inside the item (FRUS list/item/table)
    after = doc.blocks[k + 1]
    assert isinstance(after, ListBlock) and len(after.items) == 2
    assert codes(text).count("CC146") == 1


def test_a_table_that_ends_with_its_rows_has_no_warning() -> None:
    assert "CC146" not in codes(f"{HEAD}{TABLES[0]}{END}")
    assert [b.role for b in parse(f"{HEAD}{TABLES[0]}{END}").blocks if isinstance(b, Table)] == [
        None
    ]


# a case caption (frus1882 d74, frus1901 d287): no column of figures, but the
# brace that joins the parties' rows only a table prints
CAPTION = "Fenice Ferrara, plaintiff, } Demurrer.\nv.\nThe Auric Mining Company, defendant."


def test_rows_joined_by_a_brace_are_a_table() -> None:
    doc = parse(f"{HEAD}{CAPTION}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 3
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_brace_closing_a_word_is_no_cell() -> None:
    seal = "{Seal of the Consulate of the United States of America at Königsberg.}\nAttest."
    assert not is_table(block(seal))  # type: ignore[arg-type]


# frus1917Supp02v02 d227: two rows printed inside item 4, more items than rows
ROWS_THEN_ITEMS = (
    "Illuminating oil, equal to 25, 000 tons\nFuel oil, equal to 6, 750 “\n"
    "No. 5. Maize will be provided in accordance with rationing agreement.\n"
    "No. 6. Coffee will be liberated on the basis of three months’ rationing.\n"
    "No. 7. Figuring on the basis of three months’ rations we will agree."
)


def test_rows_before_more_items_of_a_list_are_a_table_and_warned_about() -> None:
    text = f"{HEAD}{ROWS_THEN_ITEMS}{END}"
    doc = parse(text)
    kinds = [type(b).__name__ for b in doc.blocks]
    k = kinds.index("Table")
    table, after = doc.blocks[k], doc.blocks[k + 1]
    assert isinstance(table, Table) and len(table.rows) == 2 and table.role == "list-item"
    assert isinstance(after, ListBlock) and len(after.items) == 3
    assert codes(text).count("CC146") == 1


def test_a_grid_of_codes_is_a_table() -> None:
    # frus1919Parisv11 d370: three columns of file codes, a number and its letter
    grid = "163–A 176–B 178–C\n169–C 176–C 178–D\n170–I 176–D 179–A"
    assert is_table(split_blocks(grid)[0])
    # a code in a sentence is not a cell of a row
    assert not is_row("See the papers filed as 163–A and 176–B.")


# frus1919Parisv11 d29: a chronicle, a date down the first column and the
# event beside it; some events run to a second row without a date
CHRONICLE = (
    "Jan. 15, 1919 Representatives of Director General apply for railway transport to Prague.\n"
    "Jan. 20, 1919 Czech authorities send locomotives and cars to Italian frontier.\n"
    "Feb. 1, 1919 Total 22,000 tons of food in port for shipment to Czecho-Slovaks.\n"
    "Austrian employees on railway into Trieste were replaced with Italians.\n"
    "Feb. 3. 1919 Czech locomotives and cars held up at frontier."
)
# frus1897 d177: each row's number, without a point, before its district or a ditto
NUMBERED_ROWS = (
    "No. Name of district. Time when examinations took place. Remarks.\n"
    "Prussia.\n"
    "1 City of Brombery End of Nov., 1896. 3 sides of bacon Found in a shipment.\n"
    "Free and Hanseatic City of Hamburg.\n"
    "4 City of Hamburg Oct. 10, 1896 1 piece of boneless ham. Chicago, Ang. 31, 1896.\n"
    "5 do Oct. 30, 1896 2 pieces of boneless Chicago, Oct. 1, 1896, No. 3013.\n"
    "6 do Nov. 3, 1896 1 piece of boneless ham. Do."
)
# frus1902app1 d7: quantities before their units are the items of a list
QUANTITIES = (
    "200 sacks cracked salt.\n1 sack graham flour.\n3 sacks yellow corn meal.\n4 boxes peas."
)


def test_rows_that_open_on_a_date_are_a_table() -> None:
    assert is_table(block(CHRONICLE))  # type: ignore[arg-type]
    doc = parse(f"{HEAD}{CHRONICLE}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 5


def test_rows_that_open_on_their_number_without_a_point_are_a_table() -> None:
    assert is_table(block(NUMBERED_ROWS))  # type: ignore[arg-type]


def test_quantities_before_their_units_stay_a_list() -> None:
    assert not is_table(block(QUANTITIES))  # type: ignore[arg-type]


def test_a_line_alone_ending_in_an_amount_is_a_table_of_one_row() -> None:
    # frus1901 d87, frus1917Supp02v02 d242: 4 of 4 such lines in the corpus
    for row in (
        "Traveling expenses from Taianfu to Demossville, Ky $900. 00",
        "S.S. Ryndam, wheat 261, 500 bushels",
    ):
        doc = parse(f"{HEAD}T. J. Hudson’s claim.\n\n{row}{END}")
        (table,) = [b for b in doc.blocks if isinstance(b, Table)]
        assert len(table.rows) == 1, row


def test_a_sentence_ending_in_an_amount_with_its_stop_is_a_paragraph() -> None:
    # frus1902app1 d34; and a despatch's number alone is no row either
    for text in ("The captain says it brought him from $3,800 $4,000.", "No. 3998"):
        assert not is_table(block(text)), text  # type: ignore[arg-type]


def test_items_priced_after_their_stops_are_a_table() -> None:
    # frus1902app1 d5: the claims, each closed by its stop, then its amount;
    # a footnote's number at the end of every line is no column
    rows = (
        "Remuneration of the officers and crew who had to follow the schooner. $1,000\n"
        "2. Provisions which were on board. 200\n"
        "3. Support of the crew of the Cape Horn Pigeon. 210\n"
        "4. Expenses of Captain Scullen on land. 50"
    )
    doc = parse(f"{HEAD}The remainder of his claims are as follows:\n\n{rows}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 4
    notes = parse(f"{HEAD}He said so. 12\nShe agreed. 13\nThey left. 14{END}")
    assert not [b for b in notes.blocks if isinstance(b, Table)]


def test_a_text_beside_its_translation_is_a_table_of_two_columns() -> None:
    # frus1902app1 d2: the protocol in French and English, one row a line;
    # the paper in capitals under its signed last row heads an attachment
    rows = (
        "L’Arbitre aura à prendre connaissance des réclamations qui ont été présentées. "
        "The arbitrator shall take cognizance of the claims presented to the Government.\n"
        "Dans un délai de trois mois après la réception de la dite copie, la Partie remettra "
        "une copie. Within three months from the date of the receipt of the said copy, the "
        "Party defendant shall present a contra-memorandum.\n"
        "(Premier Département.)\n"
        "Toute somme décrétée par l’Arbitre sera payée dans un délai d’un an. "
        "Any amount awarded by the arbitrator shall be paid within one year of the award.\n"
        "(Signé) Comte Lamsdorff. Herbert H. D. Peirce."
    )
    doc = parse(f"{HEAD}{rows}\n\nMEMORANDUM.\n\nThe undersigned has the honor.{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 5
    (att,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert plain(att.blocks[0].content) == "MEMORANDUM."  # type: ignore[union-attr]
    english = parse(f"{HEAD}The claims are these.\nThe memorandum is here.\nThe sum is paid.{END}")
    assert not [b for b in english.blocks if isinstance(b, Table)]


def test_an_english_text_beside_its_french_translation_is_a_table_too() -> None:
    # frus1902app1 d33: the modus vivendi of 1894, English in the first column
    rows = (
        "1. The Government of the United States will prohibit the hunting of the seal. "
        "1. Le Gouvernement des Etats-Unis interdira la chasse des phoques dans la zone.\n"
        "2. The present agreement shall have no retroactive force as regards the seizure. "
        "2. L’arrangement actuel n’aura pas de force rétroactive pour les saisies.\n"
        "In witness whereof, we have signed this agreement. En foi de quoi nous avons signé."
    )
    doc = parse(f"{HEAD}{rows}{END}")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 3


def test_notes_on_a_row_under_it_are_paragraphs_of_its_cell() -> None:
    """``(Ordered out of Behring Sea by Rush.`` and ``(?) As to position
    when warned.`` under the row ``Triumph July 11, 1889``, the rows going
    on under the second (frus1902app1 d33): one table, the notes
    paragraphs in a cell of that row (FRUS TEI's ``cell/p``)."""
    text = (
        f"{HEAD}The following table shows the vessels seized.\n\n"
        "Name of vessel. Date of seizure.\nJuanita July 31, 1889 66 miles Rush.\n"
        "Pathfinder July 29, 1889 50 miles Do.\nTriumph July 11, 1889\n\n"
        "(Ordered out of Behring Sea by Rush.\n\n(?) As to position when warned.\n"
        "Black Diamond do 35 miles Do.\nLily Aug. 6, 1889 66 miles Do.\n"
        f"Kate Aug. 13, 1889 Do.{END}"
    )
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    assert [d.code for d in check_converted(converted) if d.level == "error"] == []
    doc = converted.document
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 7
    assert plain(table.rows[3][-1]) == (
        "(Ordered out of Behring Sea by Rush.\n\n(?) As to position when warned."
    )
    cells = etree.fromstring(to_tei_bytes(doc)).iter(f"{{{TEI_NS}}}cell")
    noted = next(c for c in cells if len(c))
    assert [p.text for p in noted] == [
        "(Ordered out of Behring Sea by Rush.",
        "(?) As to position when warned.",
    ]
    # and the reader gives the cell of paragraphs back
    (back,) = read_tei(to_tei_bytes(doc), "t.xml").documents
    (again,) = [b for b in back.document.blocks if isinstance(b, Table)]
    assert [[plain(c) for c in row] for row in again.rows] == [
        [plain(c) for c in row] for row in table.rows
    ]
