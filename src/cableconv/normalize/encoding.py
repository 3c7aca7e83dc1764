"""Encoding fixes: byte-order marks, mojibake, Windows-1252 leftovers, ligatures.

The repairs themselves are ftfy's; this module only turns them into edits
with positions. ftfy is always configured to do *nothing else*: its defaults
would also straighten curly quotes (``uncurl_quotes``), apply NFC
(``normalization``; a transcription in decomposed form is kept as typed),
unescape ``&amp;`` (``unescape_html``), drop control characters
(``remove_control_chars``; the checker reports them instead), rewrite line
breaks (our :func:`~cableconv.normalize.whitespace.line_endings` does that,
with a position) and replace undecodable runs with ``�``
(``replace_lossy_sequences``).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from typing import Any

from cableconv.normalize.runner import Edit

_BOM = "\ufeff"


@functools.cache
def _ftfy() -> tuple[Any, Any]:
    """ftfy and its configuration, loaded on first need: importing ftfy costs
    ~50 ms, which every ``convert`` start would pay for clean text.
    Everything is off except mojibake repair; see the module docstring for why."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


#: Only the typographic ligatures U+FB00-FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that OCR and PDF
#: copies leave behind. ftfy's table also "fixes" the Serbo-Croatian digraphs
#: (ǆ, ǉ, ǌ) and Dutch ĳ, which are real letters in names.
_TYPOGRAPHIC_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "ſt",
    "\ufb06": "st",
}

#: A line of ASCII and the typography FRUS prints is never mojibake: UTF-8
#: read as Windows-1252 or MacRoman always shows other characters (Ã, Â, â, Ä).
#: Skipping such lines spares ftfy most of the text.
_CANNOT_BE_MOJIBAKE = re.compile("[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026]*")
_MAY_BE_MOJIBAKE = re.compile("[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026]")
_WORD = re.compile(r"[^ \t]+")
_LIGATURE = re.compile("[" + "".join(_TYPOGRAPHIC_LIGATURES) + "]")
_C1 = re.compile("[\x80-\x9f]")

#: C1 control characters that Windows-1252 uses for printable characters.
_C1_PRINTABLE = {
    chr(b): bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def byte_order_mark(text: str) -> Iterator[Edit]:
    """A byte-order mark is not text; a leading one (or one pasted mid-text) goes.

    >>> list(byte_order_mark("\\ufeffabc"))
    [Edit(start=0, end=1, replacement='')]
    """
    i = text.find(_BOM)
    while i != -1:
        yield Edit(i, i + 1, "")
        i = text.find(_BOM, i + 1)


def _lines_that_may_be_mojibake(text: str) -> Iterator[tuple[int, int]]:
    """The lines with a character :data:`_CANNOT_BE_MOJIBAKE` does not allow,
    found by one search over the text (most lines of most documents have none)."""
    end = -1
    for m in _MAY_BE_MOJIBAKE.finditer(text):
        if m.start() < end:
            continue  # on the line already given
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if end == -1:
            end = len(text)
        yield start, end


def _diff_edits(offset: int, old: str, new: str) -> Iterator[Edit]:
    """The smallest edits turning ``old`` into ``new``, shifted by ``offset``."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield Edit(offset + i1, offset + i2, new[j1:j2])


def mojibake(text: str) -> Iterator[Edit]:
    """UTF-8 read as Windows-1252 or Latin-1 is decoded again (ftfy).

    A transcription that went through a wrong decoding once shows ``Ã©`` for
    ``é`` and ``â€"`` for a dash; ftfy recognises those sequences and undoes
    the wrong decoding, line by line.

    >>> [(e.start, e.end, e.replacement) for e in mojibake("Naval AttachÃ©, Moscow")]
    [(12, 14, 'é')]
    >>> list(mojibake("Naval Attaché, Moscow"))
    []
    """
    for start, end in _lines_that_may_be_mojibake(text):
        line = text[start:end]
        ftfy, config = _ftfy()
        # word by word (split at ASCII blanks only: a mis-decoded no-break
        # space is "Â" plus U+00A0): mojibake never spans a blank, and the
        # diff below then compares words, not lines (its cost is quadratic)
        for m in _WORD.finditer(line):
            word = m.group()
            if _CANNOT_BE_MOJIBAKE.fullmatch(word):
                continue
            fixed = ftfy.fix_text(word, config)
            if fixed != word:
                yield from _diff_edits(start + m.start(), word, fixed)


def windows_1252_controls(text: str) -> Iterator[Edit]:
    """Windows-1252 characters that arrived as C1 control codes become printable.

    A file read as Latin-1 turns the Windows-1252 curly quotes and dashes
    (bytes 0x80-0x9F) into invisible control characters U+0080-U+009F.

    >>> [e.replacement for e in windows_1252_controls("\\x93Yes\\x94 \\x96 no")]
    ['“', '”', '–']
    """
    for m in _C1.finditer(text):
        printable = _C1_PRINTABLE.get(m.group())
        if printable is not None:
            yield Edit(m.start(), m.end(), printable)


def latin_ligatures(text: str) -> Iterator[Edit]:
    """Typographic ligatures from OCR or PDF copies become separate letters.

    ``ﬁ`` is one character to a computer: a search for "financial" would not
    find "ﬁnancial".

    >>> [e.replacement for e in latin_ligatures("ﬁnancial aﬀairs")]
    ['fi', 'ff']
    """
    for m in _LIGATURE.finditer(text):
        yield Edit(m.start(), m.end(), _TYPOGRAPHIC_LIGATURES[m.group()])
