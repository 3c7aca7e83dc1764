"""Whitespace fixes: line endings, no-break spaces, trailing and doubled blanks.

Leading blanks are never touched: the footnote list is written as lines
``"  N. text"`` whose indentation the parser needs. Tabs are never touched
either: they separate the cells of a table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.conventions import NOTE_HEAD
from cableconv.normalize.runner import Edit

_CR = re.compile(r"\r\n?")
#: Blanks before a line ending of any kind (line_endings may be switched off).
# the lookbehind starts a match only at the first blank of a run: without it,
# a long run of blanks inside a line is retried from each of its blanks
_TRAILING = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]+(?=[\r\n]|\Z)")
_NO_BREAK = re.compile(r"[\u00a0\u202f]")
_DOUBLED = re.compile(r"  (?<=\S  ) *(?=\S)")
#: A note line whose note is empty: ``"  1. "`` keeps the blank after the dot.
_EMPTY_NOTE = re.compile(NOTE_HEAD.pattern + "$")


def line_endings(text: str) -> Iterator[Edit]:
    """CRLF and lone CR line endings become LF.

    >>> [e.replacement for e in line_endings("a\\r\\nb\\rc")]
    ['\\n', '\\n']
    """
    for m in _CR.finditer(text):
        yield Edit(m.start(), m.end(), "\n")


def trailing_whitespace(text: str) -> Iterator[Edit]:
    """Blanks at the end of a line are invisible and never meant.

    A tab at the end of a line is kept (it ends an empty table cell), and so
    is the blank after the number of an empty note (``"  1. "``), which is
    part of the note list's layout.

    >>> list(trailing_whitespace("word  \\nnext"))
    [Edit(start=4, end=6, replacement='')]
    >>> list(trailing_whitespace("  1. "))
    []
    """
    for m in _TRAILING.finditer(text):
        start = m.start()
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if text[start] == " " and _EMPTY_NOTE.match(text, line_start, start):
            start += 1
        if start < m.end():
            yield Edit(start, m.end(), "")


def no_break_spaces(text: str) -> Iterator[Edit]:
    """No-break spaces (U+00A0, U+202F) become plain spaces.

    Word processors insert them after abbreviations and in numbers; in a
    transcription they only make searching and line breaking fail. (The
    development corpus of official texts has none.)

    >>> [e.replacement for e in no_break_spaces("p.\\u00a0379")]
    [' ']
    """
    for m in _NO_BREAK.finditer(text):
        yield Edit(m.start(), m.end(), " ")


def doubled_spaces(text: str) -> Iterator[Edit]:
    """Two or more spaces between words become one.

    FRUS collapses the blanks inside a block, so a doubled space is always a
    typing slip. Blanks at the start of a line (the note list's indentation)
    and tabs (table cells) are left alone.

    >>> [(e.start, e.end) for e in doubled_spaces("of  the\\n  1. Note")]
    [(2, 4)]
    """
    for m in _DOUBLED.finditer(text):
        yield Edit(m.start(), m.end(), " ")
