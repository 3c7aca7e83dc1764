"""What a transcription looks like: the syntax every stage shares.

Normalisation writes these forms, the parser reads them, ``check`` reports
what departs from them and the writers print them again. Each fact lives here
once, so a stage that learns a new form teaches it to all the others.

- a page turn is ``[Page 379]`` exactly where the page broke, even inside a
  word (``was [Page 379]interested``);
- the notes are listed after the text, one a line, ``"  1. Sent by …"``: up
  to four blanks, the note's label, a full stop; a note printed without a
  label is listed as ``"  None. …"``;
- dates name their month in full or abbreviated (``Sept. 3``).
"""

from __future__ import annotations

import calendar
import re

# --------------------------------------------------------------------------
# page markers
# --------------------------------------------------------------------------

#: A printed page number: arabic (``379``, ``379a``) or roman (``xii``).
PAGE_NUMBER = r"(?:\d{1,5}[a-z]?|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})"

#: A page marker as the parser reads it; group 1 is the page's number.
#: The parser takes any short label without blanks (``[Page 12*]``), since
#: dropping an odd one would lose the page turn; ``check`` reports the odd ones.
#: The label may be in brackets of its own, blanks and all: the editors' page
#: of a plate or an unnumbered page (``[Page [240]]``, ``[Page [Map 1]]``,
#: ``[Page []]``; frus1870, frus1902app1, frus1919Parisv11). A label that
#: ends in a full stop is not one: no page break of the 16 dev volumes has
#: one, and ``[Page 5.]`` is the page of a quoted work, printed as text
#: (frus1902app1 d34); ``check`` says it was kept as text (CC115). The label
#: may be empty, ``[Page ]``: a page FRUS prints without a number (the
#: official TEI's ``<pb n=""/>``, frus1870 d541); ``check`` warns on one
#: alone on its line (CC116) and rejects one inside the text (CC106), where a
#: printed page always has its number.
PAGE_MARKER = re.compile(r"\[Page (\[(?!Page\b)[^\[\]\n]{0,20}\]|[^\]\s]{0,19}[^\]\s.]|)\]")


def alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has nothing but blanks beside it on its line.

    >>> alone_on_line("a\\n [Page ]\\nb", 3, 10), alone_on_line("was [Page ]in", 4, 11)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


#: A page marker whose number is a page number (what normalisation writes).
PAGE_MARKER_NUMBERED = re.compile(r"\[Page " + PAGE_NUMBER + r"\]")

# --------------------------------------------------------------------------
# the list of notes
# --------------------------------------------------------------------------

#: The reference symbols that label notes (``*`` to ``¶``, then the double
#: bar: frus1897 d198 runs ``*`` ``†`` ``‡`` ``§`` ``ǁ`` ``¶``), as a character class.
NOTE_SYMBOLS = "*†‡§¶ǁ‖"

#: The label of a note, as the printed volumes mark notes: a number, a
#: number with a letter (``46a``, ``2b``: a note the editors added between
#: two; frus1919Parisv11, frus1925v02), a letter (``a``, frus1901), or one to
#: three reference symbols (``**``).
NOTE_LABEL = r"[0-9]{1,5}[a-z]?|[a-z]|[" + NOTE_SYMBOLS + r"]{1,3}"

#: The start of a line of the note list, ``"  1."``; what follows the full
#: stop is the note's text.
NOTE_HEAD = re.compile(r" {1,4}(?P<n>" + NOTE_LABEL + r")\.")

#: A note printed without a label (a TEI ``note`` without ``@n``, such as the
#: list of enclosures after a despatch's signature) is listed as
#: ``"  None. text"``, and its marker is one blank at the end of the block it
#: follows (``"J. C. B. DAVIS. "``; two notes there, two blanks). Seen in
#: frus1864p3 and frus1870; normalisation keeps those blanks
#: (:func:`cableconv.normalize.whitespace.trailing_whitespace`).
UNLABELLED_NOTE_LINE = re.compile(r"^ {1,4}None\.(?= |$)", re.MULTILINE)

# --------------------------------------------------------------------------
# months
# --------------------------------------------------------------------------

#: What a dateline prints for a paper that bears no date: ``Harbin,
#: undated.`` (frus1917Supp02v02, frus1934v05), ``Sivas [without date].``
#: (frus1897 d595); not a title that says it (``Extract of a letter from Rev.
#: R. M. Cole, of Bitlis, without date.``, frus1897 d600).
UNDATED = re.compile(r"\bundated\b|\[without date\]", re.IGNORECASE)

#: The time zone of the place a dateline names, for the volumes that give
#: the UTC offset with a time of day in ``@when`` (the born-digital volumes
#: with source notes, ``Source: …``: ``Washington, January 10, 1955, 12:05
#: p.m.`` -> ``1955-01-10T12:05:00-05:00``, frus1955-57v02). The first words
#: of the dateline, up to its first comma, in lower case -> IANA zone. Add a
#: place when a volume is seen to date from it; an unknown one is warned
#: about (CC126) and its time written without an offset.
PLACE_TIME_ZONES: dict[str, str] = {
    "washington": "America/New_York",  # frus1955-57v02 d5
}

#: French month names, as French notes printed in the older volumes date
#: themselves (``Légation des Etats Unis, Paris, le 8 Septembre, 1870``,
#: frus1870); with and without their accents.
FRENCH_MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip

#: Month names and abbreviations (lower case, without the full stop) -> 1..12.
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
    **FRENCH_MONTHS,
}

#: A month as printed: the full name, or an abbreviation with its full stop.
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)

#: The same, as a dateline may type it: abbreviations with or without their
#: full stop (``Sept 3``), and the French names; for
#: :mod:`cableconv.parse.dates`, case-insensitive.
MONTH_NAME_LOOSE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|"
    + "|".join(sorted(FRENCH_MONTHS, key=len, reverse=True))
    + r")\.?"
)


def month_number(name: str) -> int:
    """The month a printed name stands for.

    >>> month_number("Sept."), month_number("June")
    (9, 6)
    """
    return MONTHS[name.lower().rstrip(".")]
