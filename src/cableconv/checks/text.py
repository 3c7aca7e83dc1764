"""Rules on the text as a whole: an empty document, control characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic, Span

# C0 and C1 controls, DEL; tab and line feed are text (carriage returns are
# line endings, which normalisation turns into line feeds).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAMES = {
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1a": "substitute (Ctrl-Z)",
    "\x1b": "escape",
    "\x7f": "delete",
}


def empty_document(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A transcription with no text at all (or only blanks).

    The parser reports a document without blocks; this rule catches the file
    that holds nothing but whitespace or a byte-order mark, before anything
    else is said about it.
    """
    if ctx.text.strip():
        return
    yield Diagnostic(
        "CC004",
        "the document is empty",
        Span(0, 0),
        hint="a transcription needs at least its heading and text",
    )


def control_characters(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Control characters left after normalisation (which repairs the
    Windows-1252 ones it can): they are invisible in an editor, and XML 1.0
    cannot hold most of them."""
    for m in _CONTROL.finditer(ctx.text):
        ch = m.group()
        name = f" ({_NAMES[ch]})" if ch in _NAMES else ""
        yield ctx.diag(
            "CC005",
            f"control character U+{ord(ch):04X}{name} in the text",
            m.start(),
            m.end(),
            hint="delete it; if it stood for a letter or a quote, type that instead",
        )
