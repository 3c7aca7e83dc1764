"""What every transcription rule looks at: the text as typed, as normalised,
the model the parser built, and what the earlier stages already reported.

Rules find things in the *normalised* text (what the parser saw) and report
them at positions of the *original* transcription (what the user typed);
:meth:`CheckContext.span` does that mapping.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import (
    Attachment,
    Block,
    Document,
    Footnote,
    ListBlock,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    iter_inlines,
)
from cableconv.normalize import Normalized
from cableconv.notes import Pairing, pair_notes, read_note_list
from cableconv.parse.blocks import RawBlock, split_blocks
from cableconv.source import Source


@dataclass(frozen=True)
class Landmark:
    """A footnote marker, a page turn or the start of an enclosure, in text order.

    ``offset`` is in the original transcription.
    """

    offset: int
    kind: str  # "note" | "page" | "enclosure"
    n: str
    span: Span
    ref: NoteRef | None = None  # the marker, for a note


@dataclass
class CheckContext:
    source: Source
    normalized: Normalized
    document: Document
    #: What reading, normalising and parsing reported (rules do not repeat it).
    earlier: list[Diagnostic]

    # ---- positions -----------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Span in the transcription of ``normalized.text[start:end]``."""
        return self.normalized.span(start, end)

    def original_offset(self, offset: int) -> int:
        return self.normalized.to_original(offset)

    def line(self, span: Span) -> int:
        """The line of the transcription a span starts on."""
        return self.source.lines.line(span.start)

    def diag(self, code: str, message: str, start: int, end: int, hint: str = "") -> Diagnostic:
        """A diagnostic at ``normalized.text[start:end]`` (its level is the code's)."""
        return Diagnostic(code, message, self.span(start, end), hint)

    @property
    def text(self) -> str:
        """The normalised text, as the parser read it."""
        return self.normalized.text

    # ---- the parts of the transcription -------------------------------------
    @functools.cached_property
    def blocks(self) -> list[RawBlock]:
        """Blocks of the normalised text, the list of notes left out."""
        blocks = split_blocks(self.text)
        if len(blocks) > 1 and self._note_block(blocks[-1]):
            return blocks[:-1]
        return blocks

    @functools.cached_property
    def note_block(self) -> RawBlock | None:
        blocks = split_blocks(self.text)
        if len(blocks) > 1 and self._note_block(blocks[-1]):
            return blocks[-1]
        return None

    @staticmethod
    def _note_block(block: RawBlock) -> bool:
        return read_note_list([(line.start, line.text) for line in block.lines]) is not None

    @property
    def body_end(self) -> int:
        """Where the text before the list of notes ends (normalised offset)."""
        return self.blocks[-1].end if self.blocks else 0

    # ---- the model ---------------------------------------------------------------
    @functools.cached_property
    def landmarks(self) -> list[Landmark]:
        """Note markers, page turns and enclosure starts of the body, in order."""
        marks: list[Landmark] = []

        def walk(blocks: tuple[Block, ...]) -> None:
            for b in blocks:
                if isinstance(b, PageBreakBlock):
                    marks.append(Landmark(b.span.start, "page", b.n, b.span))
                elif isinstance(b, ListBlock):
                    for item in b.items:
                        if isinstance(item, PageBreakBlock):
                            marks.append(Landmark(item.span.start, "page", item.n, item.span))
                elif isinstance(b, Attachment):
                    marks.append(Landmark(b.span.start, "enclosure", "", b.span))
                    walk(b.blocks)

        walk(self.document.blocks)
        for node, content in iter_inlines(self.document):
            if isinstance(node, Footnote):
                continue
            for inline in content:
                if isinstance(inline, PageBreak):
                    marks.append(Landmark(inline.span.start, "page", inline.n, inline.span))
                elif isinstance(inline, NoteRef):
                    marks.append(Landmark(inline.span.start, "note", inline.n, inline.span, inline))
        order = {"enclosure": 0, "page": 1, "note": 2}
        marks.sort(key=lambda m: (m.offset, order[m.kind]))
        return marks

    def note_refs(self) -> Iterator[Landmark]:
        return (m for m in self.landmarks if m.kind == "note")

    @functools.cached_property
    def pairing(self) -> Pairing:
        return pair_notes(self.document)

    @functools.cached_property
    def anchored(self) -> dict[int, Landmark]:
        """``id(footnote)`` -> its marker, as every writer pairs them
        (:func:`cableconv.notes.pair_notes`)."""
        out: dict[int, Landmark] = {}
        for mark in self.note_refs():
            note = self.pairing.note(mark.ref) if mark.ref is not None else None
            if note is not None:
                out[id(note)] = mark
        return out

    def reported(self, code: str) -> list[Diagnostic]:
        return [d for d in self.earlier if d.code == code]
