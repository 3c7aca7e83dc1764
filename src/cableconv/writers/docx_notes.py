"""How each footnote of a DOCX shows the label the volume printed.

Word numbers footnotes itself: ``w:footnotePr`` in a section's properties
says the number format (``w:numFmt``: decimal, ``chicago`` for ``*``, ``†``,
``‡``, ``§``, letters) and where it starts (``w:numStart``), and
``w:numRestart="eachSect"`` starts it again in each section (ECMA-376 Part 1,
17.11.11 and 17.11.17–19). A label it cannot say is a custom mark
(``w:customMarkFollows``, 17.11.14): Word shows it, but LibreOffice 7.4
shows it twice on import ("²³23 the Embassy"), even in a DOCX it wrote
itself.

So where the labels run on one by one from any start (19, 20, 21…; ``*``,
``†``, ``‡``; a, b, c), Word's numbering says them and no mark is doubled
anywhere. A custom mark is kept only for what that numbering cannot say:
``2a``, a label printed again (23, 23, 24), numbering that starts again
(notes numbered by page: 1, 2, 1, 2, 3). Word could say the last with a
section per run (``numRestart="eachSect"``), but LibreOffice 7.4 keeps one
numbering for the whole document and printed such notes 23, 0, 0, 0: a
doubled mark is visible and right, a wrong number is silent. So a document
has one section, numbered from its first label that numbering can say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Word's ``chicago`` format: ``*``, ``†``, ``‡``, ``§``, then each doubled,
#: tripled… (ECMA-376 Part 1, 17.18.59).
CHICAGO = ("*", "†", "‡", "§")


def label_value(mark: str) -> tuple[str, int] | None:
    """The Word number format and value that print ``mark``, if any.

    >>> label_value("19"), label_value("†"), label_value("‡‡"), label_value("c")
    (('decimal', 19), ('chicago', 2), ('chicago', 7), ('lowerLetter', 3))
    >>> label_value("2a") is None, label_value("0") is None
    (True, True)
    """
    if mark.isascii() and mark.isdigit():
        value = int(mark)
        return ("decimal", value) if 0 < value < 32768 else None
    if mark and mark == mark[0] * len(mark):
        ch, times = mark[0], len(mark)
        if ch in CHICAGO:
            return "chicago", CHICAGO.index(ch) + 1 + len(CHICAGO) * (times - 1)
        if ch.isascii() and ch.isalpha():
            fmt = "lowerLetter" if ch.islower() else "upperLetter"
            return fmt, ord(ch.lower()) - ord("a") + 1 + 26 * (times - 1)
    return None


def format_label(fmt: str, value: int) -> str:
    """What Word prints for ``value`` in ``fmt`` (the inverse of :func:`label_value`).

    >>> format_label("chicago", 5), format_label("lowerLetter", 28), format_label("decimal", 7)
    ('**', 'bb', '7')
    """
    if fmt == "decimal":
        return str(value)
    if fmt == "chicago":
        return CHICAGO[(value - 1) % 4] * ((value - 1) // 4 + 1)
    letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter.upper() if fmt == "upperLetter" else letter


@dataclass(frozen=True)
class NotePlan:
    """Word's numbering of a document's notes and the notes left out of it."""

    #: ``w:numFmt`` and ``w:numStart`` of the document's one section; None
    #: when no note is numbered
    fmt: str | None
    start: int
    #: indexes of the notes that keep a custom mark
    custom: frozenset[int]


def plan_notes(marks: Sequence[str]) -> NotePlan:
    """Word numbers the first note that it can say and every later one whose
    label is the next in that run; the others keep a custom mark.

    >>> p = plan_notes(["19", "20", "20", "2a", "21", "1"])
    >>> p.fmt, p.start, sorted(p.custom)
    ('decimal', 19, [2, 3, 5])
    >>> plan_notes(["*", "†", "‡"]), plan_notes([]).fmt
    (NotePlan(fmt='chicago', start=1, custom=frozenset()), None)
    """
    fmt: str | None = None
    start = 1
    expected: tuple[str, int] | None = None
    custom: set[int] = set()
    for k, mark in enumerate(marks):
        value = label_value(mark)
        if value is None or (expected is not None and value != expected):
            custom.add(k)
            continue
        if expected is None:
            fmt, start = value
        expected = (value[0], value[1] + 1)
    return NotePlan(fmt, start, frozenset(custom))
