"""Whitespace fixes: line endings, byte-order marks, trailing and doubled blanks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.normalize.runner import Edit

_CR = re.compile(r"\r\n?")
_TRAILING = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BOM = "\ufeff"


def line_endings(text: str) -> Iterator[Edit]:
    """CRLF and lone CR line endings become LF.

    >>> [e.replacement for e in line_endings("a\\r\\nb\\rc")]
    ['\\n', '\\n']
    """
    for m in _CR.finditer(text):
        yield Edit(m.start(), m.end(), "\n")


def byte_order_mark(text: str) -> Iterator[Edit]:
    """A byte-order mark is not text; a leading one (or one pasted mid-text) goes.

    >>> list(byte_order_mark("\\ufeffabc"))
    [Edit(start=0, end=1, replacement='')]
    """
    i = text.find(_BOM)
    while i != -1:
        yield Edit(i, i + 1, "")
        i = text.find(_BOM, i + 1)


def trailing_whitespace(text: str) -> Iterator[Edit]:
    """Blanks at the end of a line are invisible and never meant.

    >>> list(trailing_whitespace("word  \\nnext"))
    [Edit(start=4, end=6, replacement='')]
    """
    for m in _TRAILING.finditer(text):
        # the note list is indented, never trailing; a line of blanks is a blank line
        yield Edit(m.start(), m.end(), "")
