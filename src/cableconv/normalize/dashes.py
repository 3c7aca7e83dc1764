"""Dashes: em dashes from ``--``, en dashes where FRUS prints them.

A keyboard has one dash, the hyphen. FRUS prints three:

- the **em dash** in prose and datelines (``June 23, 1936—5 p.m.``), which
  typists write as two hyphens;
- the **en dash** in number ranges (``pp. 156–162``, ``1952–1954``,
  ``February 10–11``), in the date part of decimal file numbers
  (``761.93/12–1544``, ``740.0011 European War 1939/12–1544``) and, following
  the GPO style manual, between figures and capital letters or single
  letters (``B–29``, ``paragraph 5–g``, ``NSC Action 1292–c``), between
  single letters (``S–H Bulletins``) and after office symbols (``S/S–NSC``);
- the **hyphen** everywhere else: compound words (``so-called``,
  ``Times-Democrat``), a number joined to a word (``7-pound``,
  ``49-year``), a prefix before a year (``mid-1944``).

Hyphens between two numbers that are not a range (telephone numbers) are
left as typed and flagged. Three or more numbers joined by hyphens (a date
written ``1-16-18``, an index number ``484-1-08-05``) take en dashes, as
FRUS prints them, with a warning: they could be a telephone number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from cableconv.conventions import MONTH_NAME
from cableconv.normalize.runner import Edit, Flag

EN_DASH = "\u2013"
EM_DASH = "\u2014"

_HYPHEN_RUN = re.compile(r"-{2,}")
_HYPHENS = re.compile(r"-+")
#: Two hyphens per em dash; longer runs are rules drawn with the keyboard.
_LONGEST_DASH_RUN = 8

# The rules below look at the few characters around each single hyphen
# (found with a fast literal search) rather than scanning the whole text
# with look-behind patterns.
#: A number: a sum, an ordinal (``162d``), degrees (``165°``, frus1902app1).
_NUMBER = r"\$?\d+(?:[.,]\d+)*(?:st|nd|rd|th|d|°)?"
#: A number ending just before a hyphen, not itself the end of a word or
#: chain, nor a signed number (``+1-30``, ``-3-10``: a table of frus1870
#: prints them with hyphens, 5 of 5).
_NUMBER_BEFORE = re.compile(rf"(?<![\w/.,$+±-]){_NUMBER}$")
#: A number starting just after a hyphen, not the start of a word or chain; a
#: year may be elided (``1860-'61``: FRUS prints ``1860–’61``).
_NUMBER_AFTER = re.compile(rf"(?:['\u2019](?=\d\d(?!\d)))?{_NUMBER}(?![\w-]|[.,]\d)")
#: Three or more numbers joined by hyphens: a date or an index number
#: (``1–16–18``, frus1917Supp02v02; ``484–1–08–05``, frus1934v05: FRUS prints
#: en dashes, 2 times of 2), or a telephone number.
_NUMBER_CHAIN = re.compile(r"\d+(?:-\d+){2,}(?![\w-])")
#: What may not stand right before such a chain: it is part of a longer code.
_CHAIN_JOINED = frozenset("/-_.,")
_DIGIT_HYPHEN_DIGIT = re.compile(r"\d-\d")
#: A day and its month, the first of two dates that make a range:
#: ``the 29th June–11th July, 1870`` (frus1882; the Old and the New Style).
_DAY_MONTH_BEFORE = re.compile(rf"(?<![\w.,])\d{{1,2}}(?:st|nd|rd|th|d)? {MONTH_NAME}$")
_DAY_MONTH_AFTER = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th|d)? {MONTH_NAME}(?![\w-])")
#: What may precede a page range written like a telephone number (999-1023).
_PAGE_WORD = re.compile(r"(?:\bpp?\.|\bpages?)\s*$")

#: Before the hyphen of a file number's date: ``761.93/12``, ``033.1100–NI/1``
#: (a word with a digit, a slash, the month).
_FILE_MONTH = re.compile(r"\S*\d\S*[0-9A-Za-z]/\d{1,2}$")
_FILE_YEAR = re.compile(r"\d{3,4}(?![\w-])")
#: A file number whose document number is missing: ``861.61323/-``.
#: Also after words (``811.512362 Shipping/–``, frus1925v02) and in a sum
#: of shillings (``45/–``, frus1917Supp02v02): 9 times of 9 in the corpus.
_FILE_NO_NUMBER = re.compile(r"[\w)\]]/-(?=$|[\s.,;:)\]])", re.MULTILINE)

#: Capital letters before a hyphen and a figure: ``B-29``, ``MIG-15``.
_CAPITALS_BEFORE = re.compile(r"(?<![\w/.-])[A-Z]{1,4}$")
#: An office symbol before a hyphen: ``S/S``, ``S/P`` (frus1955-57v02).
_OFFICE_BEFORE = re.compile(r"(?<![\w/.-])[A-Z]{1,3}/[A-Z]{1,3}$")
#: An abbreviation after a hyphen: ``NSC``.
_ABBREVIATION_AFTER = re.compile(r"[A-Z]{2,5}(?![\w-])")
#: Two short abbreviations: ``US-PRC``, ``US-UK`` (a FRUS 1955-57 source note
#: prints ``Geneva—Correspondence Re US–PRC``). Longer words in capitals are
#: names (``HANG-KI``, ``SIEH-HWAN``, frus1864p3).
_SHORT_BEFORE = re.compile(r"(?<![\w/.-])[A-Z]{2,3}$")
_SHORT_AFTER = re.compile(r"[A-Z]{2,3}(?![\w-])")
#: Single letters joined by hyphens, the first two capitals: ``S-H Bulletins``,
#: ``B-C-a``, ``A-B, C-D`` (frus1919Parisv11, frus1925v02: 13 times, never
#: with a hyphen); ``X-ray``, ``D-day`` and initials with full stops are not.
_LETTER_CHAIN = re.compile(r"(?<![\w./\u2019'-])[A-Z]-[A-Z](?:-[A-Za-z])*(?![\w\u2019'-])")
#: Compounds FRUS prints with an en dash although they are words.
_EN_DASH_WORDS = re.compile(r"\bOfficial-Informal\b")
_LOOKBACK = 40


def _single_hyphens(text: str) -> tuple[int, ...]:
    """Positions of hyphens that stand alone (not part of ``--``).

    Five fixes ask about the same text in turn: the answer is kept for the
    last texts asked about (a text's hash is kept by the string itself)."""
    if "-" not in text:
        return ()
    return _hyphen_positions(text)


@functools.lru_cache(maxsize=4)
def _hyphen_positions(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _HYPHENS.finditer(text) if m.end() - m.start() == 1)


def _number_pair(text: str, i: int) -> tuple[int, int] | None:
    """``(start, end)`` of two numbers joined by the hyphen at ``i``, if it joins two."""
    if i == 0 or not (text[i - 1].isdigit() or text[i - 1] in "dhst°"):
        return None
    before = _NUMBER_BEFORE.search(text, max(0, i - _LOOKBACK), i)
    after = _NUMBER_AFTER.match(text, i + 1)
    if after is None and text[i + 1 : i + 2] == " ":
        # a stray blank after the hyphen: ``16th- 28th``, ``1845- '46`` (FRUS:
        # ``16th– 28th``, frus1864p3; ``1845– ’46``, frus1872p2v5; a hyphen
        # before a blank and a number never)
        after = _NUMBER_AFTER.match(text, i + 2)
    if before is None or after is None:
        return None
    return before.start(), after.end()


def _phone_like(text: str, start: int, i: int, end: int) -> bool:
    a, b = text[start:i], text[i + 1 : end]
    if not (a.isdigit() and b.isdigit()):
        return False
    if (len(a), len(b)) not in ((3, 4), (5, 4)):
        return False
    return _PAGE_WORD.search(text, max(0, start - 8), start) is None


def em_dashes(text: str) -> Iterator[Edit]:
    """Two hyphens are an em dash; four are two (an omitted name: ``Mr. ——``).

    >>> [e.replacement for e in em_dashes("June 23, 1936--5 p.m. Mr. ----")]
    ['—', '——']
    >>> list(em_dashes("a---b ----------"))
    []
    """
    for m in _HYPHEN_RUN.finditer(text):
        n = len(m.group())
        if n % 2 == 0 and n <= _LONGEST_DASH_RUN:
            yield Edit(m.start(), m.end(), EM_DASH * (n // 2))


def flag_odd_hyphens(text: str) -> Iterator[Flag]:
    """Three (or five, seven) hyphens: em dashes, or an en dash next to one?"""
    for m in _HYPHEN_RUN.finditer(text):
        n = len(m.group())
        if n % 2 and n <= _LONGEST_DASH_RUN:
            yield Flag(
                m.start(),
                m.end(),
                "CC204",
                f"{n} hyphens in a row left as typed",
                "type an em dash as -- (two hyphens) or as —",
            )


def file_numbers(text: str) -> Iterator[Edit]:
    """The date part of a decimal file number takes an en dash.

    ``761.93/12-1544`` is file 761.93, document of December 15, 1944;
    FRUS prints ``761.93/12–1544``, whatever precedes the slash.

    >>> [e.start for e in file_numbers("761.93/12-1544: Telegram")]
    [9]
    >>> len(list(file_numbers("740.0011 European War 1939/12-1544, 861.61323/-")))
    2
    """
    for i in _single_hyphens(text):
        if text[i - 1 : i] == "/":
            if _FILE_NO_NUMBER.match(text, max(0, i - 2)):
                yield Edit(i, i + 1, EN_DASH)
        elif _FILE_YEAR.match(text, i + 1) and _FILE_MONTH.search(text, max(0, i - _LOOKBACK), i):
            yield Edit(i, i + 1, EN_DASH)


def number_ranges(text: str) -> Iterator[Edit]:
    """A hyphen between two numbers is a range: an en dash; so is one
    between two dates (``the 29th June-11th July``).

    Telephone-style numbers (``555-1234``) are not ranges and are left as
    typed; a hyphen after a word (``mid-1944``) or after a file number's
    slash is not this fix's business. Three or more numbers joined by
    hyphens take en dashes too, with a warning (the module docstring).

    >>> [e.replacement for e in number_ranges("pp. 156-162, 85-90 per cent, 162d-166th")]
    ['–', '–', '–']
    >>> len(list(number_ranges("longitude 141°-171° east, in 1860-'61, the 16th- 28th")))
    3
    >>> list(number_ranges("call 555-1234; so-called; 1-pounder; 15- and 20-year"))
    []
    >>> [(e.start, e.warning is not None) for e in number_ranges("dated 1-16-18")]
    [(7, True), (10, False)]
    """
    done: set[int] = set()
    for i in _single_hyphens(text):
        pair = _number_pair(text, i)
        if (pair is None and _joins_dates(text, i)) or (
            pair is not None and not _phone_like(text, pair[0], i, pair[1])
        ):
            done.add(i)
    for m in _number_chains(text):
        hyphens = [j for j in range(m.start(), m.end()) if text[j] == "-" and j not in done]
        for k, i in enumerate(hyphens):
            yield Edit(i, i + 1, EN_DASH, warning=None if k else _chain_flag(m.group()))
    for i in sorted(done):
        yield Edit(i, i + 1, EN_DASH)


def _joins_dates(text: str, i: int) -> bool:
    """Whether the hyphen at ``i`` stands between a day with its month and another."""
    if i == 0 or not text[i - 1].isalpha() or not text[i + 1 : i + 2].isdigit():
        return False
    return bool(
        _DAY_MONTH_AFTER.match(text, i + 1)
        and _DAY_MONTH_BEFORE.search(text, max(0, i - _LOOKBACK), i)
    )


def _number_chains(text: str) -> Iterator[re.Match[str]]:
    """Three or more numbers joined by hyphens, not inside a longer code."""
    if _DIGIT_HYPHEN_DIGIT.search(text) is None:
        return
    for m in _NUMBER_CHAIN.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in _CHAIN_JOINED):
            continue
        yield m


def _chain_flag(chain: str) -> Flag:
    return Flag(
        0,
        0,
        "CC316",
        f"{chain!r} joins three or more numbers: hyphens made en dashes, as FRUS prints "
        "a date or an index number written so",
        "if it is a telephone number, put the hyphens back in the output",
    )


def flag_number_hyphens(text: str) -> Iterator[Flag]:
    """Hyphens between numbers that were not taken for a range."""
    if _DIGIT_HYPHEN_DIGIT.search(text) is None:
        return
    hint = "a range takes an en dash (–); leave the hyphen for a telephone number"
    for i in _single_hyphens(text):
        pair = _number_pair(text, i)
        if pair is not None and _phone_like(text, pair[0], i, pair[1]):
            start, end = pair
            yield Flag(
                start,
                end,
                "CC203",
                f"{text[start:end]!r} looks like a telephone number; hyphen left as typed",
                hint,
            )


#: A hyphen between blanks after a word: ``2s – a lb.`` (frus1925v02), the
#: only dash FRUS prints so; after a full stop it is a slip (``emigrate. - He``,
#: frus1901), and an em dash is typed as two hyphens.
_SPACED_HYPHEN = re.compile(r"(?<=[\w)] )-(?= [\w(])")


def spaced_dashes(text: str) -> Iterator[Edit]:
    """A hyphen between blanks after a word is an en dash, with a warning
    (FRUS prints no hyphen so, and an en dash once).

    >>> [(e.start, e.replacement) for e in spaced_dashes("was 2s - a lb. - He; - 5")]
    [(7, '–')]
    """
    if " - " not in text:
        return  # most texts: spare the pattern, which is tried at every character
    for m in _SPACED_HYPHEN.finditer(text):
        yield Edit(m.start(), m.end(), EN_DASH, warning=_SPACED_FLAG)


_SPACED_FLAG = Flag(
    0,
    0,
    "CC318",
    "hyphen between blanks made an en dash",
    "FRUS prints a dash between blanks as an en dash (2s – a lb.); if a hyphen "
    "or an em dash was meant, type it so",
)


def letter_number_dashes(text: str) -> Iterator[Edit]:
    """Figures joined to capital letters or to a single letter take an en dash.

    The GPO style manual, which FRUS follows, prints ``B–29``,
    ``paragraph 5–g``, ``No. 114–Translation`` and ``033.1100–NI`` with an
    en dash; a number joined to a word keeps its hyphen.

    >>> [e.start for e in letter_number_dashes("B-29, 5-g, MIG-15, 1100-NI, [L-]312")]
    [1, 7, 14, 23, 30]
    >>> list(letter_number_dashes("7-pound, 49-year, mid-1944, Curzon-Howe, U.S.-1"))
    []
    """
    for i in _single_hyphens(text):
        if i == 0 or i + 1 >= len(text):
            continue
        before, after = text[i - 1], text[i + 1]
        lo = max(0, i - _LOOKBACK)
        if before.isdigit():
            single_letter = after.isascii() and after.isalpha() and not _letter_at(text, i + 2)
            if single_letter or "A" <= after <= "Z":
                yield Edit(i, i + 1, EN_DASH)  # 5-g, 4-H, 1100-NI, No. 114-Translation
        elif _capitals_and_figure(text, i, lo):
            yield Edit(i, i + 1, EN_DASH)  # B-29, MIG-15, [L-]312


def _capitals_and_figure(text: str, i: int, lo: int) -> bool:
    """Whether the hyphen at ``i`` joins capitals to a figure, or to the
    bracket an editor closed before one (``your [L–]312``, frus1925v02, as
    ``L–195``)."""
    if not "A" <= text[i - 1] <= "Z":
        return False
    after = text[i + 1 : i + 3]
    figure = after[:1].isdigit() or (after[:1] == "]" and after[1:].isdigit())
    return figure and _CAPITALS_BEFORE.search(text, lo, i) is not None


def abbreviation_dashes(text: str) -> Iterator[Edit]:
    """Letters and office symbols joined by a hyphen take an en dash.

    FRUS prints office symbols joined to an abbreviation as ``S/S–NSC`` and
    ``S/P–NSC``, two short abbreviations in running text as ``US–PRC``,
    series of single letters as ``S–H Bulletins``, ``B–C–a`` and ``A–B, C–D``,
    and the classification ``Official–Informal``. Words in capitals keep
    their hyphen: names (``WAN-SIANG``, ``SAGAMI NO-KAMI``, ``TIEN-TSIN``)
    are printed with one, and so are words joined to a letter (``X-ray``,
    ``D-day``). In a line set in capitals (a signature, a heading) capitals
    say nothing about abbreviations, so ``PAN-YUN,`` keeps its hyphen.

    >>> t = "S/S-NSC Files; S-H and B-C-a; Official-Informal; Re US-PRC"
    >>> sorted(e.start for e in abbreviation_dashes(t))
    [3, 16, 24, 26, 38, 54]
    >>> list(abbreviation_dashes("WAN-SIANG, NO-KAMI, U.S.-Soviet, anti-Western, D-day, X-ray"))
    []
    >>> list(abbreviation_dashes("Cards of—\\n\\nPAN-YUN,\\n\\nTSUNG-LUN,"))
    []
    """
    for m in _EN_DASH_WORDS.finditer(text):
        i = m.start() + len("Official")
        yield Edit(i, i + 1, EN_DASH)
    for i in _single_hyphens(text):
        if i == 0 or not (text[i - 1].isascii() and text[i - 1].isalpha()):
            continue
        if _in_letter_chain(text, i) or (
            "A" <= text[i - 1] <= "Z" and _joins_abbreviations(text, i)
        ):
            yield Edit(i, i + 1, EN_DASH)


def _joins_abbreviations(text: str, i: int) -> bool:
    """Whether the hyphen at ``i`` joins an office symbol or two short
    abbreviations (outside a line set in capitals) to an abbreviation."""
    lo = max(0, i - _LOOKBACK)
    if _ABBREVIATION_AFTER.match(text, i + 1) and _OFFICE_BEFORE.search(text, lo, i):
        return True
    return bool(
        _SHORT_AFTER.match(text, i + 1)
        and _SHORT_BEFORE.search(text, lo, i)
        and not _set_in_capitals(text, i)
    )


def _in_letter_chain(text: str, i: int) -> bool:
    """Whether the hyphen at ``i`` joins two letters of a chain like ``B-C-a``.

    The chain is matched from its first letter, found by walking back over
    letter-hyphen pairs (a fast literal search finds the hyphens; a pattern
    tried at every capital of the text would cost far more).
    """
    start = i - 1
    while start >= 2 and text[start - 1] == "-" and _letter_at(text, start - 2):
        start -= 2
    m = _LETTER_CHAIN.match(text, start)
    return m is not None and i < m.end() and (i - start) % 2 == 1


def _set_in_capitals(text: str, i: int) -> bool:
    """Whether the line around ``i`` has no lower-case letter."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    line = text[start : end if end != -1 else len(text)]
    return not any(ch.islower() for ch in line)


def _letter_at(text: str, i: int) -> bool:
    return i < len(text) and text[i].isascii() and text[i].isalpha()
