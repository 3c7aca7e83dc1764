"""Which characters the PDF can draw, as found by drawing them.

typst draws a character with the template's fonts (``data/cableconv.typ``)
or, failing those, with any font bundled with it that has the character
(Hebrew from Libertinus Serif, Armenian from New Computer Modern, Arabic
from DejaVu Sans Mono); a character none has is the empty .notdef box.
``data/pdf-drawn.txt`` lists the code points drawn, as ranges, made by
``scripts/pdf_glyphs.py``, which renders every assigned code point and
looks for glyph 0 in the PDF; ``tests/test_pdf_glyphs.py`` renders a sample
again and compares. The PDF writer reports the others (CC403), and so does
``cableconv check`` (so ``--strict`` fails on them).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).absolute().parent / "data"
DRAWN_FILE = DATA / "pdf-drawn.txt"
TEMPLATE = DATA / "cableconv.typ"
#: How many characters a message names before "and N more".
NAMED = 8


@functools.cache
def template_fonts() -> tuple[str, ...]:
    """The body text's font list, as the template sets it."""
    m = re.search(r"\bfont:\s*\(([^)]*)\)", TEMPLATE.read_text("utf-8"))
    return tuple(re.findall(r'"([^"]+)"', m.group(1))) if m else ()


@functools.cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...]]:
    starts: list[int] = []
    ends: list[int] = []
    for line in DRAWN_FILE.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lo, hi = line.split()
            starts.append(int(lo, 16))
            ends.append(int(hi, 16))
    return tuple(starts), tuple(ends)


def drawn(ch: str) -> bool:
    """Whether the PDF draws ``ch`` (white space and format characters, the
    zero-width and direction ones, draw nothing and are not boxes either).

    >>> drawn("é"), drawn("Ж"), drawn("ש"), drawn("中"), drawn("\\U0001f600")
    (True, True, True, False, False)
    """
    code = ord(ch)
    if code < 0x80 or ch.isspace() or unicodedata.category(ch) == "Cf":
        return True
    starts, ends = _ranges()
    i = bisect.bisect_right(starts, code) - 1
    return i >= 0 and code <= ends[i]


def undrawn(text: str) -> list[str]:
    """The characters of ``text`` the PDF shows as boxes, each once, in order of code."""
    if text.isascii():
        return []
    return sorted({ch for ch in text if not drawn(ch)})


def named(chars: list[str]) -> str:
    """``U+4E2D 中 U+6587 文``, and how many more past :data:`NAMED`.

    >>> named(list("abcdefghij"))
    'U+0061 a U+0062 b U+0063 c U+0064 d U+0065 e U+0066 f U+0067 g U+0068 h and 2 more'
    """
    text = " ".join(f"U+{ord(ch):04X} {ch}" for ch in chars[:NAMED])
    return text + (f" and {len(chars) - NAMED} more" if len(chars) > NAMED else "")
