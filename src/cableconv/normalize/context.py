"""What the typographic fixes need to know about their surroundings.

Fixes work on running text only. Two things in a transcription are layout
for the parser rather than text:

- page markers, ``[Page 379]``, which sit exactly where the page broke,
  even inside a word (``was [Page 379]interested``);
- the blocks, separated by blank lines: a quotation mark opened in one
  paragraph is closed in that paragraph or re-opened in the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.conventions import PAGE_MARKER

__all__ = ["PAGE_MARKER", "blocks", "is_blank"]

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


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
