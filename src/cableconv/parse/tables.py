"""Is this run of lines a table? Evidence from the rows themselves.

A FRUS transcription copied from a page loses the cell boundaries of a
table: the cells of a row are joined by blanks, one row a line, just as the
items of a list are (``Austria £15, 000``, ``Sulphur 270``, ``Bars—36–B
$0. 80 $0. 40 25% $0. 30``). What tells the rows from the items is their
last column: in a table most rows end in a figure or a ditto mark, after a
label that is not a finished sentence; the items of a list end in words and
full stops. Over the 16 volumes of the development corpus (frus1864p3 to
frus1955-57v02) the rules below take 187 of the 213 tables of several lines
(the rest have no column of figures and no brace: two columns of names, a
chronicle of dates) and two lists of about two thousand.
"""

from __future__ import annotations

import functools
import re

from cableconv.conventions import MONTH_NAME
from cableconv.parse.blocks import RawBlock

_FRACTIONS = "½¼¾⅛⅜⅝⅞⅓⅔"
#: A figure as a cell prints it: ``270``, ``1, 018, 202``, ``$0. 80``,
#: ``£15, 000``, ``25%``, ``1¾``, ``97. 73``, ``20/64``, ``½``.
FIGURE = re.compile(
    r"[$£]?(?:\d{1,3}(?:, ?\d{3})+|\d+)(?:\. ?\d+)?%?[" + _FRACTIONS + r"]?"
    r"|[" + _FRACTIONS + r"]|\d+/\d+"
)
#: Ditto marks standing for a cell: ``“`` and ``do``/``Do.`` under the cell
#: above (frus1897 d198, frus1917Supp02v02 d242, frus1934v05 d20), and a
#: dash for an empty one (frus1925v02 d137).
DITTOS = frozenset({"“", "”", '"', "do", "do.", "Do", "Do.", "ditto", "—"})
#: How a sentence ends: a figure after these is a number of the sentence or
#: a footnote's (``communication.” 12``), not a column.
_SENTENCE_END = tuple('.!?:;”’"')
#: A row of three cells or more, most of them figures (``Kaiwiki 175 132 36
#: 7 50 650 7, 000 Japanese.``): one token in three at least.
MIN_FIGURE_CELLS = 3
#: A label before a two-line table's one row of figures is short
#: (``Articles Metric tons`` over ``Sugar 60, 000``, frus1917Supp02v02 d303).
MAX_HEADER = 60


#: The blank a transcription leaves after a figure's comma or point
#: (``1, 018, 202``, ``$0. 80``): one figure, not two cells; but a point
#: before a figure with a comma ends the figure (``2, 188, 200. 4, 555, 800.``).
_GROUP_BLANK = re.compile(r"(?<=\d,) (?=\d{3})|(?<=\d\.) (?=\d+(?![\d,]))")


#: An abbreviation's point does not end a sentence (``U. K. 77. 65``,
#: frus1919Parisv11 d257; ``Dr. Sheperd 1, 000``).
_ABBREVIATION = re.compile(r"[A-Z][a-z]?\.")


def _ends_sentence(token: str) -> bool:
    return token.endswith(_SENTENCE_END) and _ABBREVIATION.fullmatch(token) is None


def _figure(token: str) -> bool:
    return FIGURE.fullmatch(token) is not None


#: A code in a grid of them: a number and its letter (``163–A``, ``170–J``,
#: frus1919Parisv11 d370).
_CODE = re.compile(r"\d{1,4}[–-][A-Z]")


def _cell(token: str) -> bool:
    return _figure(token.rstrip(".")) or token in DITTOS or _CODE.fullmatch(token) is not None


@functools.lru_cache(maxsize=8192)
def is_row(line: str) -> bool:
    """A line that reads as a table row: it ends in a figure or a ditto mark
    after a label, or in a figure and its unit (``7, 869 head``), or it is
    mostly figures.

    >>> is_row("Germany 30, 000"), is_row("Arundo “ 194, 226 “"), is_row("To Germany 7, 869 head")
    (True, True, True)
    >>> is_row("He was awarded $930."), is_row("communication.” 12"), is_row("Art. 2")
    (False, False, False)
    >>> is_row("1931–1932 $6, 273, 400. $8, 891, 700."), is_row("U. K. 77. 65"), is_row("2.")
    (True, True, False)
    """
    tokens = _GROUP_BLANK.sub("", line).split()
    if len(tokens) == 1:
        return _figure(tokens[0])  # a total under a column (``136. 34``)
    if len(tokens) < 2:
        return False
    last, before = tokens[-1], tokens[-2]
    if last in DITTOS:
        return True
    if _figure(last):
        return not _ends_sentence(before) or _cell(before)
    if last.endswith(".") and _figure(last[:-1]) and _cell(before):
        return True  # a row of figures, each printed with its point
    if len(tokens) >= 3 and _figure(before) and last.isalpha() and not _ends_sentence(tokens[-3]):
        return True  # a figure and its unit
    # each token is read once: a paragraph is asked about too, hundreds of tokens
    bare = [t.rstrip(".") for t in tokens]
    figures = [_figure(t) for t in bare]
    if any(
        figures[k] and figures[k + 1] and not (bare[k].isdigit() and bare[k + 1].isdigit())
        for k in range(1, len(tokens) - 1)
    ):
        # two columns of amounts side by side, after a label: two figures, one
        # of them an amount (``6,735,000 940,000``), not a date and an hour
        # (``April 30 9 p.m.``)
        return True
    cells = sum(
        1
        for t, figure in zip(tokens, figures, strict=True)
        if figure or t in DITTOS or _CODE.fullmatch(t) is not None
    )
    return cells >= MIN_FIGURE_CELLS and cells * 3 >= len(tokens)


#: A row that opens on its first cell, a column with no figure at its end:
#: a date, the event beside it (``Jan. 15, 1919 Representatives of Director
#: General apply for railway transport to Prague.``, frus1919Parisv11 d29;
#: ``May 26 1 1``, frus1902app1 d9; ``January 1 January 1``, frus1934v05
#: d435), or a row's number without the point of an item's label, before a
#: name or a ditto mark (``1 City of Brombery End of Nov., 1896. …``, ``5 do
#: Oct. 30, 1896 …``, frus1897 d177, d181, d198; ``1 do. do. 79 105``,
#: frus1864p3 d448). Over the development corpus, of the blocks of three
#: lines or more with half their lines opening so, the dated ones are tables
#: 7 times of 7 and the numbered 5 of 5, no list of the 1,772 among them: a
#: quantity before its unit (``200 sacks cracked salt.``) is an item.
_OPENS_ROW = re.compile(
    r"(?:\[Page \d+\])?(?:" + MONTH_NAME + r" \d{1,2}\b|\d{1,3} (?:[A-Z]|do\b|Do\b))"
)


def opens_row(line: str) -> bool:
    """
    >>> opens_row("Feb. 3. 1919 Czech locomotives held up."), opens_row("5 do Oct. 30, 1896")
    (True, True)
    >>> opens_row("200 sacks cracked salt."), opens_row("1. The Government will prohibit")
    (False, False)
    """
    return _OPENS_ROW.match(line) is not None


def has_tabs(block: RawBlock) -> bool:
    return any("\t" in line.text for line in block.lines)


#: A brace standing alone between blanks joins the cells of several rows
#: (``Fenice Ferrara, plaintiff, } Demurrer.`` over ``v.``, ``Hoti-Gruda }
#: Tribes``, ``Aug. 8, 1870 Magic Franklin Osgood } N. Y. Y. C. course {
#: 3 58 21``): over the development corpus every one of them stands in a
#: table (frus1864p3 d859, frus1870 d159, frus1882 d74 d124, frus1897 d181,
#: frus1901 d89 d287, frus1902app1 d4 d8, frus1917Supp02v02 d15,
#: frus1918Russiav03 d223, frus1919Parisv11 d15), the rows of case captions
#: and lists of names among them that have no column of figures. A brace
#: that closes a word (``{Seal of the Consulate …}``, ``procurable}``) is
#: not one.
_BRACE_CELL = re.compile(r"(?:^|\s)[{}](?:\s|$)")


def has_brace_cell(block: RawBlock) -> bool:
    """
    >>> from cableconv.parse.blocks import split_blocks
    >>> [has_brace_cell(b) for b in split_blocks(
    ...     "Municipal Council }\\nv.\\nF. Reid.\\n\\n{Royal Prussian pilot’s seal.}")]
    [True, False]
    """
    return any(
        ("{" in line.text or "}" in line.text) and _BRACE_CELL.search(line.text) is not None
        for line in block.lines
    )


#: An amount at the end of a line, with its currency or its thousands, and
#: perhaps its unit, with no stop after it (``… Demossville, Ky $900. 00``,
#: frus1901 d87; ``S.S. Ryndam, wheat 261, 500 bushels``, frus1917Supp02v02
#: d242; ``$588, 247 50``, frus1872p2v4 d27).
_AMOUNT_AT_END = re.compile(r"(?:[$£]\d[\d, .]*\d|\d{1,3}(?:, ?\d{3})+(?:\. ?\d+)?)(?: [a-z]+)?$")


def is_one_row(line: str) -> bool:
    """A line alone that reads as a row (:func:`is_row`) and ends in an
    amount (:data:`_AMOUNT_AT_END`): a table of one row, 4 times of 4 in the
    corpus; a sentence that ends in an amount has its stop (``… from $3,800
    $4,000.``, frus1902app1 d34, a paragraph).

    >>> is_one_row("Traveling expenses from Taianfu to Demossville, Ky $900. 00")
    True
    >>> is_one_row("which brought him from $3,800 $4,000."), is_one_row("No. 3998")
    (False, False)
    """
    text = line.rstrip()
    if not _may_end_in_amount(text):
        return False  # most lines asked about are sentences: spare the search
    return _AMOUNT_AT_END.search(text) is not None and is_row(line)


def _may_end_in_amount(text: str) -> bool:
    """What :data:`_AMOUNT_AT_END` needs at the end of ``text``: a digit,
    or a word in lower case after a blank that follows a digit."""
    if not text:
        return False
    if text[-1].isdigit():
        return True
    blank = text.rfind(" ")
    return blank > 0 and text[blank - 1].isdigit()


#: Where one short phrase of a row ends and the next begins: a stop after a
#: word of three letters or more (not the point of ``Mr.``, ``E. J.``).
_PHRASE_END = re.compile(r"(?<=[a-z]{3}\.) (?=[A-Z0-9])")
#: The longest phrase that is a cell of a row of words (:func:`phrase_rows`).
MAX_PHRASE_WORDS = 5


def phrase_rows(lines: list[str]) -> bool:
    """Three lines or more, each made of the same number of short phrases
    (two or more), each closed by its stop: the cells of a table that has no
    column of figures, its row one line (``Bijouterie jewelry. Mirrors.``
    over ``Perfumery and soap. Arms.``, ``Books. Cutlery.``, frus1864p3
    d764; ``26. Abram A. Card. E. J. BUTTON, 1st Lieutenant.``, the names of
    a pay-roll, d436: 2 tables of 2 in the corpus, and no block of
    paragraphs or list items reads so).

    >>> phrase_rows(["Bijouterie jewelry. Mirrors.", "Perfumery and soap. Arms.",
    ...              "Books. Cutlery."])
    True
    >>> phrase_rows(["Mr. Lansing", "Mr. White", "Gen. Bliss"])
    False
    >>> phrase_rows(["The treaty was signed by both parties. It is ratified.",
    ...              "Its text follows. See below.", "Nothing more. Adjourned."])
    False
    """
    if len(lines) < 3:
        return False
    phrases = [_PHRASE_END.split(line.strip()) for line in lines]
    return (
        len({len(row) for row in phrases}) == 1
        and len(phrases[0]) >= 2
        and all(
            p.endswith(".") and len(p.split()) <= MAX_PHRASE_WORDS for row in phrases for p in row
        )
    )


#: Words of French and of English that the other language does not use:
#: how a line of a text printed beside its translation, the original in
#: the first column, tells its two halves apart (the protocol of an
#: arbitration, French then English, frus1902app1 d2).
FRENCH_WORDS = frozenset({
    "le", "la", "les", "des", "du", "et", "une", "est", "sont", "dans", "pour",
    "par", "sur", "aux", "au", "qui", "que", "ne", "pas", "été", "cette",
})  # fmt: skip
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "is", "are", "in", "for", "by", "on", "which",
    "that", "shall", "be", "has", "have", "this",
})  # fmt: skip
#: The fewest words of each language in its half of a line of two columns.
MIN_LANGUAGE_WORDS = 2
_WORD = re.compile(r"[^\W\d_]+")


def is_parallel_row(line: str) -> bool:
    """A line whose first half is French and whose second half is English,
    or the reverse (:data:`FRENCH_WORDS`, :data:`ENGLISH_WORDS`): an
    original and its translation side by side, the two cells of a row
    (English first in the modus vivendi of 1894, frus1902app1 d33).

    >>> is_parallel_row("L’Arbitre aura à prendre connaissance des réclamations qui ont été "
    ...                 "présentées. The arbitrator shall take cognizance of the claims.")
    True
    >>> is_parallel_row("The arbitrator shall take cognizance of the claims for the indemnity.")
    False
    """
    words = [w.lower() for w in _WORD.findall(line)]
    half = len(words) // 2
    first, second = words[:half], words[half:]
    fr1 = sum(w in FRENCH_WORDS for w in first)
    en1 = sum(w in ENGLISH_WORDS for w in first)
    fr2 = sum(w in FRENCH_WORDS for w in second)
    en2 = sum(w in ENGLISH_WORDS for w in second)
    return (
        fr1 >= MIN_LANGUAGE_WORDS and en2 >= MIN_LANGUAGE_WORDS and fr1 > en1 and en2 > fr2
    ) or (en1 >= MIN_LANGUAGE_WORDS and fr2 >= MIN_LANGUAGE_WORDS and en1 > fr1 and fr2 > en2)


def parallel_rows(lines: list[str]) -> bool:
    """Three lines or more, half of them at least an original beside its
    translation (:func:`is_parallel_row`): a text printed in two columns,
    one row a line (frus1902app1 d2: 17 of its 25 rows; the others a cell
    spanning rows, or a title in both columns)."""
    return len(lines) >= 3 and sum(is_parallel_row(line) for line in lines) * 2 >= len(lines)


#: A figure closing a line after the stop of its sentence: a column of
#: amounts printed after the items they price (``2. Provisions which were
#: on board. 200``), or a footnote's number (``communication.” 12``).
_FIGURE_AFTER_STOP = re.compile(r"[.:;)”’\"] (?:\$|£)?(\d{1,3}(?:, ?\d{3})+|\d+)$")
#: An amount, not a footnote's number: its thousands or its currency.
_AMOUNT = re.compile(r"[$£]|\d,")


def priced_items(lines: list[str]) -> bool:
    """Three lines or more, each ending in a figure after the stop of its
    sentence, one of them at least an amount with its thousands or its
    currency (``Remuneration of the officers and crew … to Vladivostok.
    $1,000`` over ``2. Provisions which were on board. 200``, frus1902app1
    d5): the rows of a table of claims, the amounts its last column. A
    footnote's number has no thousands, and never stands at the end of
    every line of a block.

    >>> priced_items(["Remuneration of the crew. $1,000", "2. Provisions on board. 200",
    ...               "3. Support of the crew. 210"])
    True
    >>> priced_items(["He said so. 12", "She agreed. 13", "They left. 14"])
    False
    """
    if len(lines) < MIN_PRICED_ROWS:
        return False
    ends = [_FIGURE_AFTER_STOP.search(line.rstrip()) for line in lines]
    return all(ends) and any(_AMOUNT.search(m.group(0)) for m in ends if m is not None)


#: The fewest lines of :func:`priced_items`.
MIN_PRICED_ROWS = 3


def is_table(block: RawBlock) -> bool:
    """Tab-separated cells, or a brace between cells (:func:`has_brace_cell`);
    or lines, half of them at least, that read as rows (:func:`is_row`) or,
    three lines or more, that open as rows (:func:`opens_row`); or two lines,
    a row under a short label or two rows; or one row of an amount
    (:func:`is_one_row`)."""
    if has_tabs(block) or has_brace_cell(block):
        return True
    lines = [line.text for line in block.lines]
    if len(lines) < 2:
        return is_one_row(lines[0])
    rows = [is_row(text) for text in lines]
    if len(lines) == 2:
        head = lines[0].rstrip()
        return all(rows) or (
            rows[1] and len(head) <= MAX_HEADER and not head.endswith(_SENTENCE_END)
        )
    if sum(rows) * 2 >= len(lines):
        return True
    return (
        sum(1 for text in lines if opens_row(text.strip())) * 2 >= len(lines)
        or phrase_rows(lines)
        or priced_items(lines)
        or parallel_rows(lines)
    )


#: How an item of a list starts: ``(m)``, ``((m)``, ``(2)``, ``3)``, ``B)``,
#: ``III.``, ``Art. 2.``, ``art. 3.``, ``No. 5.`` - the items that follow a
#: table printed inside a list item, on the next line (frus1897 d332, d594,
#: d596, frus1917Supp02v02 d15, d227, frus1919Parisv11 d202, frus1925v02
#: d137, frus1934v05 d435, d464).
ITEM_LABEL = re.compile(
    r"\(?\((?:[a-zA-Z]|\d{1,2}|[ivxlIVXL]{1,5})\)"
    r"|(?:[a-zA-Z]|\d{1,2})\)"
    r"|[IVXL]{1,5}\."
    r"|(?:Art|art|Article|No)\. ?\d{1,3}\."
)


def list_after(block: RawBlock) -> int:
    """Where the items of a list start at the end of a table's lines: the
    first of a run of last lines that begin with an item's label and none
    of which reads as a row (``len(block.lines)`` when there are none).
    What is above them must still be a table."""
    lines = block.lines
    k = len(lines)
    if not any(ITEM_LABEL.match(line.text.strip()) for line in lines):
        return k  # no item anywhere (most blocks): spare reading every line as a row
    while k > 0 and not is_row(lines[k - 1].text):
        k -= 1
    # the run may begin on a line without a label (an item's second line)
    while k < len(lines) and ITEM_LABEL.match(lines[k].text.strip()) is None:
        k += 1
    if k == len(lines) or k < 2 or not is_table(RawBlock(lines[:k])):
        return len(lines)
    return k


#: A sentence that announces a table under it: ``The following table shows
#: the names of the British sealing vessels seized …`` (frus1902app1 d33),
#: ``… as is indicated by the following table of Proclamations …``
#: (frus1934v05 d171), ``… as shown in the following table:`` (d116).
_ANNOUNCES_TABLE = re.compile(
    r"\b(?:following|annexed|subjoined|accompanying)\s+(?:table|tabulation|tabular statement)s?\b"
    r"|\b(?:table|tabulation)\s+(?:below|following)\b",
    re.IGNORECASE,
)
#: The fewest lines of an announced table read as rows from that alone.
MIN_ANNOUNCED_ROWS = 3


def is_announced_table(block: RawBlock, before: RawBlock) -> bool:
    """A block of three lines or more under a paragraph that announces a
    table (:data:`_ANNOUNCES_TABLE`): its lines are the rows, though they
    read as sentences (``Brazil: Proclamation October 22, 1930.`` over
    ``Revoked March 2, 1931.``) or end in ditto marks: 3 of 3 such blocks
    in the corpus are tables in the official TEI (the other sentences that
    name a table stand over a paragraph or a single line).

    >>> from cableconv.parse.blocks import split_blocks
    >>> intro, rows, text = split_blocks(
    ...     "As the following table of Proclamations shows:\\n\\n"
    ...     "Brazil: Proclamation October 22, 1930.\\nRevoked March 2, 1931.\\n"
    ...     "China: Proclamation March 4, 1922.\\n\\nThe annexed table gives them.")
    >>> is_announced_table(rows, intro), is_announced_table(text, rows)
    (True, False)
    """
    return (
        len(block.lines) >= MIN_ANNOUNCED_ROWS and _ANNOUNCES_TABLE.search(before.text) is not None
    )


def note_over_rows(block: RawBlock) -> bool:
    """A block of rows whose first line is a note in parentheses on the row
    above the blank line, a sentence and no row (``(?) As to position when
    warned.`` over ``Black Diamond do 35 miles Do.``, frus1902app1 d33: the
    official TEI keeps it in that row's cell as a paragraph of its own, 1 of
    1 in the corpus). A label over the rows (``(a) By sale goods at San
    Francisco, Cal.:``, frus1902app1 d6) is a row of the table.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [note_over_rows(b) for b in split_blocks(
    ...     "(?) As to position when warned.\\nBlack Diamond do 35 miles Do.\\n"
    ...     "Lily Aug. 6, 1889 66 miles Do.\\n\\n"
    ...     "(a) By sale goods at San Francisco, Cal.:\\n815 gallons new casks $48. 90\\n"
    ...     "1 old boat 40. 00")]
    [True, False]
    """
    lines = block.lines
    return len(lines) >= 3 and row_note(lines[0].text) and is_table(RawBlock(lines[1:]))


def row_note(line: str) -> bool:
    """A note in parentheses on a table's row, a sentence and no row (see
    :func:`note_over_rows`); its closing parenthesis may be missing
    (``(Ordered out of Behring Sea by Rush.``)."""
    text = line.strip()
    return (
        text.startswith("(")
        and text.endswith(".")
        and ITEM_LABEL.match(text) is None
        and not is_row(text)
    )


def rows_before_list(block: RawBlock) -> bool:
    """A block that is no table as a whole, but whose first lines are rows,
    two at least, and whose last lines are items of a list (:func:`list_after`):
    a table printed inside a list item, whose items outnumber its rows
    (``Fuel oil, equal to 6, 750 “`` then ``No. 5. Maize will be provided …``,
    frus1917Supp02v02 d227; frus1925v02 d137, twice; 3 of 3 in the corpus)."""
    k = list_after(block)
    if k == len(block.lines):
        return False
    return sum(1 for line in block.lines[:k] if is_row(line.text)) >= 2
