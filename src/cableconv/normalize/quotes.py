"""Quotes: straight quotes become the curly quotes and apostrophes FRUS prints.

Whether a straight quote opens or closes is read from its neighbours. Page
markers and other quotation marks are looked through (``"'Tis`` is an
opening double quote followed by an apostrophe), so a decision never
depends on whether a neighbouring quote has been curled yet, and
normalising twice changes nothing the second time.

Double quotes (``"``):

- after a blank or at the start of a block it opens; FRUS also prints the
  ditto marks of tables as opening quotes (``“ 22 “ …``), so a quote
  between blanks opens too;
- before a blank or at the end it closes;
- after an opening bracket or a dash and before text it opens
  (``("Yes")``, ``nature—"a caveat``); after text and before punctuation, a
  closing bracket or a dash it closes (``court"—hence``, ``Ends.["]``);
- squeezed between punctuation and text (``Rivas,"announced``) the quotes
  already seen in the paragraph decide: it opens if none is open;
- between two letters or digits (``a"b``) it is left as typed and flagged.

Single quotes (``'``) are nearly always apostrophes: after a letter, digit
or punctuation (``Russia's``, ``Co.'s``, ``workers'``) they become ``’``.
At the start of a word they are either an apostrophe of elision (``’44``,
``’40s``, ``’tis``) or an opening quote ``‘``; the latter only when a closing
quote follows in the same paragraph, or right after an opening double quote
(``“‘I have, &c.``); without either it is taken for an opening quote too
(FRUS prints ‘ there ten times as often as ’), with a warning. An elided
year standing alone (``'67``, not ``1860-'61``) is made ’ with a warning:
FRUS prints it with ’ and ‘ as often. A quote
between blanks before a word is an opening quote with a stray blank, with a
warning too; what remains undecided (a quote between blanks elsewhere) is
flagged.

A curly quote is never changed: FRUS prints elided years both ways (``’67``
twelve times, ``‘67`` six times in the development corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.normalize.context import PAGE_MARKER, blocks, is_blank
from cableconv.normalize.runner import Edit, Flag

OPEN_DOUBLE, CLOSE_DOUBLE = "\u201c", "\u201d"
OPEN_SINGLE, APOSTROPHE = "\u2018", "\u2019"

_QUOTES = "\"'\u201c\u201d\u2018\u2019"
#: After these a quotation mark opens.
_OPENING_CONTEXT = frozenset("([{<—–-/")
#: Before these a quotation mark closes.
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>—–-/…")
#: Words that begin with an apostrophe of elision, not with a quote.
ELISIONS = frozenset(
    [
        "tis",
        "twas",
        "twere",
        "twill",
        "twould",
        "em",
        "n",
        "neath",
        "gainst",
        "til",
        "cause",
        "bout",
        "cept",
        # a possessive printed apart from its word: "de l’Huys ’s reply" (frus1864p3)
        "s",
        # an ʿayn written as an apostrophe: "the Government of ’Iraq" (frus1925v02)
        "iraq",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")
_DOUBLE_ANY = re.compile('["\u201c\u201d]')
_SINGLE_ANY = re.compile("['\u2019]")


#: How many quotation marks and page markers a neighbour is looked for
#: through: enough for ``“‘[Page 3]’”``, and a run of thousands of quotes
#: costs its length, not its square.
MAX_LOOK_THROUGH = 6


def _before(text: str, i: int, lo: int) -> int:
    """Index of the neighbour before ``i``, looking through page markers and
    quotation marks; ``-1`` at the start of the block."""
    j = i
    steps = 0
    while j > lo:
        ch = text[j - 1]
        steps += 1
        if steps > MAX_LOOK_THROUGH:
            return j - 1
        if ch in _QUOTES:
            j -= 1
            continue
        if ch == "]":
            start = text.rfind("[", max(lo, j - 30), j)
            if start != -1 and PAGE_MARKER.fullmatch(text, start, j):
                j = start
                continue
        return j - 1
    return -1


def _after(text: str, i: int, hi: int) -> int:
    """Index of the neighbour after ``i`` (see :func:`_before`); ``-1`` at the end."""
    j = i + 1
    steps = 0
    while j < hi:
        ch = text[j]
        steps += 1
        if steps > MAX_LOOK_THROUGH:
            return j
        if ch in _QUOTES:
            j += 1
            continue
        if ch == "[":
            m = PAGE_MARKER.match(text, j, hi)
            if m is not None:
                j = m.end()
                continue
        return j
    return -1


def _at(text: str, j: int) -> str:
    return text[j] if j >= 0 else ""


def _neighbours(text: str, i: int, lo: int, hi: int) -> tuple[str, str, int]:
    """The characters before and after the quote at ``i`` (see :func:`_before`),
    and the index of the one after.

    A quote an editor added in brackets (``Ends.["]``, ``week.[']``,
    frus1919Parisv11) is read from what stands outside the brackets.
    """
    bj, aj = _before(text, i, lo), _after(text, i, hi)
    p, n = _at(text, bj), _at(text, aj)
    if p == "[" and n == "]":
        aj = _after(text, aj, hi)
        p, n = _at(text, _before(text, bj, lo)), _at(text, aj)
    return p, n, aj


def _double(text: str, i: int, lo: int, hi: int, open_: bool) -> str | None:
    """The curly form of the straight double quote at ``i``, or None."""
    p, n, _ = _neighbours(text, i, lo, hi)
    if is_blank(p):
        return OPEN_DOUBLE
    if is_blank(n):
        return CLOSE_DOUBLE
    if p.isalnum() and n.isalnum():
        return None
    opens, closes = p in _OPENING_CONTEXT, n in _CLOSING_CONTEXT
    if opens and not closes:
        return OPEN_DOUBLE
    if closes and not opens:
        return CLOSE_DOUBLE
    return CLOSE_DOUBLE if open_ else OPEN_DOUBLE


def double_quotes(text: str) -> Iterator[Edit]:
    """Straight double quotes become “ and ” (see the module docstring).

    >>> from cableconv.normalize.runner import apply_edits
    >>> t = 'He said "This can be discussed", and ("yes")--"a caveat"'
    >>> apply_edits(t, list(double_quotes(t)))
    'He said “This can be discussed”, and (“yes”)--“a caveat”'
    >>> t = 'Rivas,"announced" and "Ends.["]'
    >>> apply_edits(t, list(double_quotes(t)))
    'Rivas,“announced” and “Ends.[”]'
    """
    if '"' not in text:
        return  # nothing to turn (most texts), and no block to cut
    for lo, hi in blocks(text):
        open_ = False
        for m in _DOUBLE_ANY.finditer(text, lo, hi):
            i, ch = m.start(), m.group()
            if ch == OPEN_DOUBLE:
                open_ = True
            elif ch == CLOSE_DOUBLE:
                open_ = False
            elif ch == '"':
                curly = _double(text, i, lo, hi, open_)
                if curly is not None:
                    open_ = curly == OPEN_DOUBLE
                    yield Edit(i, i + 1, curly)


def flag_double_quotes(text: str) -> Iterator[Flag]:
    """Straight double quotes that could not be told opening or closing."""
    for m in re.finditer('"', text):
        yield Flag(
            m.start(),
            m.end(),
            "CC201",
            "straight double quote between two words left as typed",
            "put a blank on the side the quotation is not on, or type “ or ”",
        )


def _is_closing_single(text: str, k: int, lo: int, hi: int) -> bool:
    p, n, _ = _neighbours(text, k, lo, hi)
    return not is_blank(p) and p not in _OPENING_CONTEXT and not n.isalnum()


def _single(text: str, i: int, lo: int, hi: int, closers: list[int]) -> str | None:
    """The curly form of the straight single quote at ``i``, or None.

    ``closers`` are the positions in the block where a single quote closes.
    """
    p, n, aj = _neighbours(text, i, lo, hi)
    if not is_blank(p) and p not in _OPENING_CONTEXT:
        return APOSTROPHE  # Russia's, workers', Co.'s, 'word.', week.[']
    if is_blank(n):
        if is_blank(p) and p and _word_after_blank(text, i, aj, hi):
            return _OPEN_SINGLE_SPACED
        return None if is_blank(p) else APOSTROPHE
    if n.isdigit():
        if _ELIDED_YEAR.match(text, aj) and not _after_dash(text, i, lo):
            return _APOSTROPHE_ELIDED  # July 19, '67: ’ or ‘
        return APOSTROPHE  # 1860-'61, '5
    word = _WORD.match(text, aj)
    if word is not None and word.group().lower() in ELISIONS:
        return APOSTROPHE
    if n.isalpha() and closers and closers[-1] > i:
        return OPEN_SINGLE
    if n.isalpha() and _after_opening_double(text, i, lo):
        return OPEN_SINGLE  # “‘My Dear Colleagues: a quotation inside a quotation
    if n.isalpha():
        return _OPEN_SINGLE_UNCLOSED
    return None


#: A quote at the start of a word that no closing quote follows in its
#: paragraph: an opening quote whose quotation goes on in the next paragraph,
#: or an elision we do not know (``'Frisco``). FRUS prints ‘ there 29 times,
#: ’ 3 times (``’Iraq``); so ‘, and a warning.
_OPEN_SINGLE_UNCLOSED = OPEN_SINGLE + "?"
_UNCLOSED = Flag(
    0,
    0,
    "CC209",
    "straight single quote taken as an opening quote ‘, though none closes in the paragraph",
    "type ’ if it is an apostrophe (’Frisco)",
)


#: A quote between blanks in running text, a word after it: an opening quote
#: with a stray blank after it. FRUS prints ‘ there 3 times of 3 (``and ‘ was
#: discharging``, ``mine, ‘ Your views``, frus1882; ``the ‘ Principal Allied``,
#: frus1919Parisv11); between blanks in a table (``° ’ ° ’``) it is a mark of
#: its own and left alone.
_OPEN_SINGLE_SPACED = OPEN_SINGLE + " "
_SPACED = Flag(
    0,
    0,
    "CC315",
    "straight single quote between blanks taken as an opening quote ‘ of the word after it",
    "type ’ if it is an apostrophe or a mark of minutes",
)


#: An elided year (``’67``, ``’40s``). After the dash of a range FRUS prints
#: ’ (``1860–’61``, ``1845– ’46``: 6 times of 6); standing alone, ’ 6 times
#: (frus1870, frus1897, frus1902app1) and ‘ 6 times (frus1870, frus1897,
#: frus1925v02, frus1934v05), in 3 and 6 documents. Typed, both are ': it is
#: made ’, as after a dash, with a warning.
_ELIDED_YEAR = re.compile(r"\d\d(?!\d)")
_APOSTROPHE_ELIDED = APOSTROPHE + "?"
_ELIDED = Flag(
    0,
    0,
    "CC317",
    "straight single quote before an elided year made ’; FRUS prints such a year "
    "with ’ and with ‘ as often",
    "type ‘ if the printed text has it (July 19, ‘67)",
)


def _after_dash(text: str, i: int, lo: int) -> bool:
    """Whether a dash or a hyphen stands right before the quote at ``i``, or
    before the one blank before it (``1845– '46``)."""
    j = i - 1
    if j > lo and text[j] == " ":
        j -= 1
    return j >= lo and text[j] in "-\u2013\u2014"


def _word_after_blank(text: str, i: int, j: int, hi: int) -> bool:
    """Whether a word starts right after the one blank at ``j`` that follows
    the quote at ``i``; after a plural (``the boys ' game``) the quote may be
    its apostrophe, typed apart, and is left undecided."""
    if text[i - 2 : i] in ("s ", "S "):
        return False
    return text[j : j + 1] == " " and j + 1 < hi and text[j + 1].isalpha()


def _after_opening_double(text: str, i: int, lo: int) -> bool:
    """Whether the quote at ``i`` follows an opening double quote directly.

    A paragraph of a quoted letter quoted again opens with both (``“‘I have,
    &c.``): FRUS prints the pair 43 times in the development corpus, and a
    double quote followed by an apostrophe never (``"'Tis`` is caught before,
    as an elision).
    """
    if i <= lo:
        return False
    before = text[i - 1]
    if before == OPEN_DOUBLE:
        return True
    return before == '"' and (i - 1 == lo or is_blank(text[i - 2]) or text[i - 2] in "([")


def single_quotes(text: str) -> Iterator[Edit]:
    """Straight single quotes become apostrophes ’, or ‘ where a quotation opens.

    >>> from cableconv.normalize.runner import apply_edits
    >>> t = "Russia's entry in 1943-'44; 'tis said: 'The Mosquito district,' was"
    >>> apply_edits(t, list(single_quotes(t)))
    'Russia’s entry in 1943-’44; ’tis said: ‘The Mosquito district,’ was'
    """
    if "'" not in text:
        return  # nothing to turn (most texts), and no block to cut
    for lo, hi in blocks(text):
        singles = [m.start() for m in _SINGLE_ANY.finditer(text, lo, hi)]
        closers = [k for k in singles if _is_closing_single(text, k, lo, hi)]
        for i in singles:
            if text[i] == "'":
                curly = _single(text, i, lo, hi, closers)
                if curly == _OPEN_SINGLE_UNCLOSED:
                    yield Edit(i, i + 1, OPEN_SINGLE, warning=_UNCLOSED)
                elif curly == _OPEN_SINGLE_SPACED:
                    yield Edit(i, i + 1, OPEN_SINGLE, warning=_SPACED)
                elif curly == _APOSTROPHE_ELIDED:
                    yield Edit(i, i + 1, APOSTROPHE, warning=_ELIDED)
                elif curly is not None:
                    yield Edit(i, i + 1, curly)


def flag_single_quotes(text: str) -> Iterator[Flag]:
    """Straight single quotes that could not be told apostrophe or quotation mark."""
    for m in re.finditer("'", text):
        yield Flag(
            m.start(),
            m.end(),
            "CC202",
            "straight single quote left as typed: apostrophe or opening quote?",
            "type ’ for an apostrophe (’tis, ’44) or ‘ to open a quotation",
        )
