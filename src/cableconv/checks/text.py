"""Rules on the text as a whole: an empty document, one that is only a
heading, control characters, characters the PDF cannot draw."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic, Span
from cableconv.glyphs import named, undrawn
from cableconv.model import Heading
from cableconv.notes import read_note_list

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


def only_a_heading(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A document that has text but nothing besides its heading: ``hello
    world``, or a file of footnotes alone, whose note lines the parser takes
    for a heading (and so writes one ``<head>``, no body, no notes)."""
    blocks = ctx.document.blocks
    if not ctx.text.strip() or not blocks or not all(isinstance(b, Heading) for b in blocks):
        return
    first, last = blocks[0].span, blocks[-1].span
    lines = []
    offset = 0
    for line in ctx.text.splitlines(keepends=True):
        if line.strip():
            lines.append((offset, line.rstrip("\n")))
        offset += len(line)
    if read_note_list(lines) is not None:
        yield Diagnostic(
            "CC013",
            "the document is only a list of notes: no heading and no text for them to belong to",
            Span(first.start, last.end),
            hint="put the notes at the end of the document they annotate",
        )
        return
    yield Diagnostic(
        "CC013",
        "the document has a heading and no text after it",
        Span(first.start, last.end),
        hint="a transcription is a heading, a blank line, then the document's text",
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


def undrawable_characters(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Characters no font of the PDF has (CJK, emoji): the PDF shows empty
    boxes there, as ``convert`` says too (CC403). One warning a line, at the
    first such character, naming them all; ``check --strict`` fails on it."""
    text = ctx.source.text
    if text.isascii():
        return
    start = 0
    for line in text.splitlines(keepends=True):
        missing = undrawn(line)
        if missing:
            first = start + min(line.index(ch) for ch in missing)
            yield Diagnostic(
                "CC403",
                f"the PDF's fonts cannot draw {named(missing)}; the PDF shows a box there",
                Span(first, first + 1),
                hint="the TEI, JSON, Markdown and DOCX keep the characters; "
                "transliterate them if the PDF must show them",
            )
        start += len(line)
