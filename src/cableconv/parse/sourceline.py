"""What a source line looks like: the short note that says where a document
comes from, printed before its heading (or just after it).

FRUS has printed these in many shapes over 150 years; each shape below is one
regular expression, with the volumes it was seen in. The predicates answer
from the text of one line alone; where the line stands (before or after the
heading) is :mod:`cableconv.parse.structure`'s business.
"""

from __future__ import annotations

import re

from cableconv.conventions import PAGE_MARKER

#: A US decimal-file class as printed: ``763.72119``, ``860f.51``,
#: ``860h. 51`` (a blank after the dot), ``462.R296``, ``184`` (Paris 1919
#: files without a dot: ``Paris Peace Conf. 184/84``).
_CLASS = r"\d{3}[a-z]?(?:\.\s?[0-9A-Za-z]+)*"

#: The subject between class and slash: ``811.512362 Shipping/1``,
#: ``462.00 R 296/810``, ``611.60 i 31/6``, ``439.11c Colom, Eduardo/27``,
#: ``800.51 W 89 Italy/41``, ``811.111 Firms—Sovkino``, glued or not
#: (``838.00Electoral Law/2``); frus1925v02, frus1934v05, frus1919Parisv11.
_SUBJECT = r"(?:\s?[A-Za-z][\w’'.—–-]*(?:,?\s[\w’'.—–-]+){0,3})?"

#: What follows the slash: ``/1``, ``/12–1544``, ``/171a``, ``/5597½``,
#: ``/Spain/9``, ``/—`` (no number yet), ``/orig.``, ``/2332/7``.
_PARTS = r"(?:/[^\s/:]+)+"

#: Words after the number: ``/23 supp.``, ``/841a Supp.``, ``/34b, c``,
#: ``/69 F. W.``, ``/84, 90`` (two papers under one heading).
_TAIL = r"(?:,?\s(?:[Ss]upp\.|orig\.|[A-Z]\.(?:\s?[A-Z]\.)*|[a-z0-9]{1,4}(?:,\s?[a-z0-9]{1,4})*))?"

#: ``: Telegram``, ``: Telegram—Extract``: the kind of paper, after a colon.
_KIND = r"(?::\s*\S.{0,80})?"

#: The prefix naming a file collection before the number: ``File No.``
#: (1917–1918 volumes), ``Paris Peace Conf.`` (frus1919Parisv11, once
#: misprinted ``Paris Peace Cont``), and in general a few capitalised words.
_PREFIX = r"(?:File\sNos?\.\s?|(?:[A-Z][\w.]*\s){1,4})"

_FILE_LINE = re.compile(
    r"^(?:" + _PREFIX + r")?" + _CLASS + _SUBJECT + _PARTS + _TAIL + _KIND + r"$"
    # no slash: ``File No. 654.0031``, ``Paris Peace Conf. 184.001017133``,
    # ``Paris Peace Conf. 184.1 Storck, John``: only after a prefix, with a dot
    r"|^" + _PREFIX + r"\d{3}\.[0-9A-Za-z]+" + _SUBJECT + _KIND + r"$"
)

#: Collections named by their kind: ``Edward M. House Papers: Telegram``,
#: ``Roosevelt Papers``, ``J.C.S. Files``, ``War Trade Board Files: Panama
#: Canal, License Control`` (frus1919Parisv11, frus1944Quebec, frus1917Supp02v02).
_COLLECTION = re.compile(
    r"^[^:]{2,80}?\b(?:Papers|Files|File|Records|Archives|Lot\s\S+)\b[^:]{0,60}(?::\s*\S.{0,60})?$"
    # a line that says it gives a file number is a source line even when the
    # number is mistyped (``File No. 861.51 379``): ``check`` reports those (CC110)
    r"|^File\sNos?\.\s.+$"
)

#: The number of a treaty in its printed series: ``Treaty Series No. 709``,
#: ``Executive Agreement Series No. 67`` (frus1925v02, frus1934v05). A source
#: line before the heading; after it, the first line of the treaty's text.
_SERIES_NUMBER = re.compile(r"^(?:[A-Z][\w.]*\s){1,4}Series\sNo\.\s\d+$")

#: What a paper is, after a colon: ``Roosevelt Papers: Telegram``.
KINDS = ("Telegram", "Cablegram", "Memorandum", "Letter", "Despatch", "Note", "Minutes", "Record")
_NAMED_KIND = re.compile(
    r"^[^:]{2,80}:\s(?:" + "|".join(KINDS) + r")\S*(?:[—–-].{1,40})?$",
)

#: A despatch's own number, from the 1860s to the 1900s: ``No. 378.]``,
#: ``No. 4.``, ``No 72.]``, ``No.48.``, ``No. 705]``, ``No. 139½.]``; an
#: asterisk when the volume printed one (``*No. 6.``, frus1872p2v5), and the
#: page of an earlier print in brackets (``*No. 9.[11]``, ``No. 23.[27]``).
#: frus1864p3, frus1870, frus1872p2v5.
_DESPATCH_NUMBER = re.compile(r"^\*?No\.?\s?\d{1,5}[½¼¾⅓⅔⅛]?[.\]|]{0,2}(?:\s?\[\d{1,4}\])?$")

#: The letter of an exhibit in a series (``A.``, ``B``, ``C.``), printed
#: above its heading in frus1864p3.
_EXHIBIT_LETTER = re.compile(r"^[A-Z]\.?$")

#: A note in brackets (``[Telegram]``, ``[Extract.]``, ``[Translation].``,
#: ``[Telegram.—Received July 19, 1870.]``), or in parentheses before a
#: heading (``(Extract.)``, frus1872p2v5).
_BRACKETED = re.compile(r"^\[[^\[\]]{2,160}\]\.?$")
_PARENTHESISED = re.compile(r"^\([^()]{2,80}\)$")

#: What the editors print where a document has no heading of its own:
#: ``[Untitled]`` (vendor volumes of the 1860s and 1870s); a heading, not a
#: source note, even though it is bracketed.
UNTITLED = re.compile(r"^\[Untitled\]")


#: How the first words of a bracketed note right under a heading read when
#: the note is a line of the text, not a source note: how the paper came
#: (``[By cable.]``, ``[By cable telegram.]``: a centred paragraph in 12 of 12
#: in frus1870, where the date line after it is a paragraph too), who passed
#: it on (``[Communicated from the French legation at Washington, …]``,
#: frus1870), the paper or letter it was taken from (``[From the Times, …]``,
#: ``[Slip from Galignani …]``, frus1864p3 and frus1870; ``[Inclosed in
#: Messrs. Monroe and Pinckney’s letter …]``, frus1872p2v5) and
#: ``[Editorial.]`` (frus1870); and a bare ``[Circular.]`` (frus1870, 2 of 2;
#: ``[Circular telegram]`` is a source note, frus1917Supp02v02). Right under
#: a heading, no note of the corpus that begins so is a source note; the
#: notes that are (``[Telegram]``, ``[Translation.]``, ``[Extract.]``,
#: ``[Paraphrase]``) name the paper. Who handed a memorandum to whom
#: (``[Handed to Mr. Adee at the State Department, by Mr. Pla, …]`` under
#: ``[Translation.]``, frus1897: 2 of 2) says how it came too.
TEXT_NOTE_STARTS = (
    "By ",
    "Communicated ",
    "Handed to ",
    "From ",
    "Slip from ",
    "Inclosed in ",
    "Editorial.",
    "Circular.]",
    # the number of an act of Congress over its title (``[Public—No. 136.]``
    # over ``AN ACT making appropriations …``, frus1902app1 d32: a centred
    # line of the act's text); ``[Private.]`` alone marks a letter's kind
    "Public—",
    "Public Resolution",
    "Private—",
)

_CITES = re.compile(r"^\[(?:Slip\s|Extract\s)?[Ff]rom\s")


def cites_publication(line: str) -> bool:
    """``[From the Times, …]``, ``[Slip from Galignani …]``: a bracketed note
    naming the paper a piece was taken from."""
    return _CITES.match(line.strip()) is not None


def is_text_note(line: str) -> bool:
    """A bracketed note that, right under a heading, is the first line of the
    text (see :data:`TEXT_NOTE_STARTS`).

    >>> is_text_note("[By cable telegram.]"), is_text_note("[Translation.]")
    (True, False)
    >>> is_text_note("[Public—No. 136.]"), is_text_note("[Private.]")
    (True, False)
    """
    s = line.strip()
    return is_bracketed_note(s) and s[1:].startswith(TEXT_NOTE_STARTS)


def is_untitled(line: str) -> bool:
    """``[Untitled]``: the heading of a document printed without one."""
    return UNTITLED.match(line.strip()) is not None


def is_file_line(line: str) -> bool:
    """A file number or collection, perhaps with the kind of paper:
    ``811.612 Oranges/Spain/9``, ``Paris Peace Conf. 184.00101/1``,
    ``Edward M. House Papers: Telegram``.

    >>> is_file_line("763.72119P43/171a: Telegram"), is_file_line("811.512362 Shipping/1: Telegram")
    (True, True)
    >>> is_file_line("Paris Peace Conf. 184.00101/1"), is_file_line("File No. 861.00/2353, 2354")
    (True, True)
    >>> is_file_line("Washington, May 14, 1870.")
    False
    """
    s = line.strip()
    if len(s) > 160:
        return False
    return (
        _FILE_LINE.match(s) is not None
        or _COLLECTION.match(s) is not None
        or _NAMED_KIND.match(s) is not None
    )


def is_despatch_number(line: str) -> bool:
    """``No. 378.]``: the number of a despatch in its series. Before the
    heading it is a source note. After the heading it is one only when the
    dateline follows (``Mr. Seward to Mr. Dayton`` / ``No. 445.]`` /
    ``Department of State, …``, frus1864p3); after the dateline, or with no
    dateline, it is the first line of the text (frus1882 to frus1934v05).

    >>> [is_despatch_number(s) for s in ("No. 378.]", "*No. 9.[11]", "No. 1.", "No. 3 of 1870")]
    [True, True, True, False]
    """
    return _DESPATCH_NUMBER.match(line.strip()) is not None


def is_bracketed_note(line: str) -> bool:
    """``[Extract.]``, ``[Telegram.—Received …]``: a bracketed editorial note,
    not a page marker and not ``[Untitled]``."""
    s = line.strip()
    return _BRACKETED.match(s) is not None and not PAGE_MARKER.fullmatch(s) and not is_untitled(s)


def is_source_line(line: str, *, before_heading: bool) -> bool:
    """Any source line. A despatch or treaty-series number, an exhibit letter
    and a parenthesised note count only before the heading: after it, where the
    number stands decides (see :func:`is_despatch_number`).

    >>> is_source_line("No. 445.]", before_heading=True), is_source_line("B.", before_heading=True)
    (True, True)
    >>> is_source_line("No. 445.]", before_heading=False)
    False
    """
    s = line.strip()
    if is_file_line(s) or is_bracketed_note(s):
        return True
    if before_heading:
        return (
            is_despatch_number(s)
            or _SERIES_NUMBER.match(s) is not None
            or is_exhibit_letter(s)
            or _PARENTHESISED.match(s) is not None
        )
    return False


def is_exhibit_letter(line: str, *, roman: bool = True) -> bool:
    """``B.``: the letter of an exhibit, printed as a source line; with
    ``roman`` false, not a letter that may be a roman numeral (``I.``).

    >>> is_exhibit_letter("G."), is_exhibit_letter("I.", roman=False)
    (True, False)
    """
    s = line.strip()
    return _EXHIBIT_LETTER.match(s) is not None and (roman or s[0] not in "IVXLCDM")


def is_section_title(line: str) -> bool:
    """A line in capitals before a heading, such as ``CORRESPONDENCE BETWEEN
    MR. BANCROFT AND MR. BUCHANAN.`` (frus1870, frus1872p2v5): the vendor
    volumes print the title of a series as a source note of its first
    document."""
    s = line.strip()
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) >= 8 and s.upper() == s and len(s.split()) >= 3
