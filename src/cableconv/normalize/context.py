"""What the typographic fixes need to know about their surroundings.

Fixes work on running text only. Two things in a transcription are layout
for the parser rather than text:

- page markers, ``[Page 379]``, which sit exactly where the page broke,
  even inside a word (``was [Page 379]interested``);
- the blocks, separated by blank lines: a quotation mark opened in one
  paragraph is closed in that paragraph or re-opened in the next one.

And one thing about the whole document: whether it was typed on a plain
keyboard at all (:func:`typeset_at`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.conventions import PAGE_MARKER

__all__ = ["PAGE_MARKER", "TYPESET_CHARACTERS", "blocks", "is_blank", "typeset_at"]

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")

#: What FRUS prints and a plain keyboard cannot type: curly quotes and
#: apostrophes, en and em dashes, the ellipsis. Exactly the characters the
#: typographic fixes write (and ``../shared/eval/degrade.py`` takes away).
TYPESET_CHARACTERS = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026"
_TYPESET = re.compile(f"[{TYPESET_CHARACTERS}]")


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each block of text between blank lines.

    >>> [("a\\nb\\n\\nc"[s:e]) for s, e in blocks("a\\nb\\n\\nc")]
    ['a\\nb', 'c']
    """
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def is_blank(ch: str) -> bool:
    """Start or end of text, or whitespace."""
    return ch == "" or ch.isspace()


def typeset_at(text: str) -> int | None:
    """Where the first character a plain keyboard cannot type stands, or None.

    This is the evidence the typographic fixes need. A transcription typed on
    a keyboard has straight quotes and hyphens only, and each one stands for
    whatever FRUS printed there. A document that already has a curly quote or
    a dash was typeset: copied from the printed page, or normalised before.
    Its straight quotes and hyphens are then what was printed (the official
    texts have ``d'ord``, ``57° 8'``, ``BC-30 (SWC-7)``, ``p. 247-248`` beside
    curly quotes), and changing them would rewrite the text.

    >>> typeset_at('He said "yes" -- twice, 1952-1954'), typeset_at("the President’s")
    (None, 13)
    """
    m = _TYPESET.search(text)
    return m.start() if m is not None else None
