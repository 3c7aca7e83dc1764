"""Cutting a transcription into raw blocks and inline runs.

A block is a run of non-blank lines; blocks are separated by blank lines. The
inline builder turns a stretch of text into model nodes: words, page
markers (``[Page 379]``, glued to a word or not) and footnote markers, with
the span of each.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from cableconv.conventions import PAGE_MARKER
from cableconv.diagnostics import Span
from cableconv.model import Inline, Inlines, LineBreak, NoteRef, PageBreak, Text

SpanOf = Callable[[int, int], Span]


@dataclass(frozen=True)
class Line:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class RawBlock:
    """A run of non-blank lines. Its end and text are read many times over
    (every role predicate asks for them), so they are worked out once."""

    lines: tuple[Line, ...]
    end: int = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.lines[-1].end)
        object.__setattr__(self, "text", "\n".join(line.text for line in self.lines))

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def first(self) -> str:
        return self.lines[0].text


def split_blocks(text: str) -> list[RawBlock]:
    """Blocks of non-blank lines, in order; blank means empty or whitespace only."""
    blocks: list[RawBlock] = []
    current: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line.strip():
            current.append(Line(pos, line))
        elif current:
            blocks.append(RawBlock(tuple(current)))
            current = []
        pos += len(raw) + 1
    if current:
        blocks.append(RawBlock(tuple(current)))
    return blocks


class InlineBuilder:
    """Builds inline nodes over the transcription, knowing where markers are."""

    def __init__(self, text: str, markers: dict[int, str], span: SpanOf) -> None:
        self.text = text
        self.markers = markers  # offset of the space before the number -> n
        self.span = span
        self.marker_offsets = sorted(markers)

    def markers_in(self, start: int, end: int) -> list[int]:
        lo = bisect.bisect_left(self.marker_offsets, start)
        hi = bisect.bisect_left(self.marker_offsets, end)
        return self.marker_offsets[lo:hi]

    def run(self, start: int, end: int) -> list[Inline]:
        """Inline nodes for text[start:end] (one line, no line breaks)."""
        out: list[Inline] = []
        cuts: list[tuple[int, int, Inline]] = []
        for m in PAGE_MARKER.finditer(self.text, start, end):
            cuts.append((m.start(), m.end(), PageBreak(m.group(1), self.span(m.start(), m.end()))))
        for off in self.markers_in(start, end):
            n = self.markers[off]
            stop = off + 1 + len(n)
            cuts.append((off, stop, NoteRef(n, self.span(off, stop))))
        cuts.sort(key=lambda c: c[0])
        pos = start
        for cut_start, cut_end, node in cuts:
            if cut_start < pos:
                continue  # a marker inside a page marker: the page marker wins
            if cut_start > pos:
                out.append(Text(self.text[pos:cut_start], self.span(pos, cut_start)))
            out.append(node)
            pos = cut_end
        if pos < end:
            out.append(Text(self.text[pos:end], self.span(pos, end)))
        return out

    def line(self, line: Line, strip: bool = True) -> Inlines:
        start, end = line.start, line.end
        if strip:
            text = line.text
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            marks = self.markers_in(end, line.end)
            if marks:  # blanks that mark notes printed without a label
                end = marks[-1] + 1 + len(self.markers[marks[-1]])
        return tuple(self.run(start, end))

    def lines(self, lines: tuple[Line, ...] | list[Line]) -> Inlines:
        """Several lines as one inline run with line breaks between them."""
        out: list[Inline] = []
        for i, line in enumerate(lines):
            if i:
                prev = lines[i - 1]
                out.append(LineBreak(self.span(prev.end, line.start)))
                n = self.markers.get(prev.end)
                if n is not None and line.text.strip() == n:
                    # the note's number alone on the last line: a note on the block
                    out.append(NoteRef(n, self.span(prev.end, line.end)))
                    continue
            out.extend(self.line(line))
        return tuple(out)
