"""The normalisation runner: applies fixes in order and records every change.

A *fix* is a pure function ``text -> edits``. The runner applies each fix's
edits to the current text, keeps a :class:`Layer` per fix so that any offset
of the final text maps back to the transcription, and records each edit as a
:class:`Change` whose span is in the *original* transcription. Changes are
what ``cableconv normalize --explain`` prints and what ``--diff`` shows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cableconv.diagnostics import Diagnostic, Span


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Change:
    """One recorded change, in terms of the original transcription."""

    fix: str
    start: int
    end: int
    before: str
    after: str


#: A fix: a pure function from the current text to the edits it wants.
FixFunction = Callable[[str], Iterable[Edit]]


@dataclass(frozen=True)
class Fix:
    name: str
    family: str
    apply: FixFunction
    doc: str = ""


class Layer:
    """How one fix moved offsets: maps offsets of its output back to its input."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.old_starts: list[int] = []
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        self.old_lens: list[int] = []
        delta = 0
        for e in edits:
            new_start = e.start + delta
            self.old_starts.append(e.start)
            self.new_starts.append(new_start)
            self.new_ends.append(new_start + len(e.replacement))
            self.old_lens.append(e.end - e.start)
            delta += len(e.replacement) - (e.end - e.start)

    def to_old(self, offset: int) -> int:
        k = bisect.bisect_right(self.new_starts, offset) - 1
        if k < 0:
            return offset
        if offset < self.new_ends[k]:
            return self.old_starts[k] + min(offset - self.new_starts[k], self.old_lens[k])
        return self.old_starts[k] + self.old_lens[k] + (offset - self.new_ends[k])


@dataclass
class OffsetMap:
    """Composes the layers of all fixes: final-text offsets -> original offsets."""

    layers: list[Layer] = field(default_factory=list)

    def to_original(self, offset: int) -> int:
        for layer in reversed(self.layers):
            offset = layer.to_old(offset)
        return offset


@dataclass
class Normalized:
    """The result of normalising a transcription."""

    original: str
    text: str
    changes: list[Change]
    diagnostics: list[Diagnostic]
    offsets: OffsetMap

    def to_original(self, offset: int) -> int:
        return self.offsets.to_original(offset)


def _checked_edits(text: str, edits: Iterable[Edit], fix: str) -> list[Edit]:
    """Sorted, non-overlapping edits that really change something."""
    out: list[Edit] = []
    last_end = -1
    for e in sorted(edits):
        if not (0 <= e.start <= e.end <= len(text)):
            raise ValueError(f"fix {fix} made an edit outside the text: {e}")
        if e.start < last_end:
            raise ValueError(f"fix {fix} made overlapping edits at {e.start}")
        if text[e.start : e.end] == e.replacement:
            continue
        out.append(e)
        last_end = e.end
    return out


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def run_fixes(
    original: str,
    fixes: Sequence[Fix],
    *,
    flag: Callable[[str], list[tuple[int, int, str, str, str]]] | None = None,
    span_of: Callable[[int, int], Span] | None = None,
) -> Normalized:
    """Apply ``fixes`` in order to ``original``.

    ``flag`` (optional) looks at the final text and returns places that could
    not be decided safely, as ``(start, end, code, message, hint)``; they
    become warnings pointing into the original transcription.
    """
    text = original
    offsets = OffsetMap()
    changes: list[Change] = []
    for fix in fixes:
        edits = _checked_edits(text, fix.apply(text), fix.name)
        if not edits:
            continue
        for e in edits:
            o_start = offsets.to_original(e.start)
            o_end = offsets.to_original(e.end) if e.end > e.start else o_start
            changes.append(Change(fix.name, o_start, o_end, original[o_start:o_end], e.replacement))
        text = apply_edits(text, edits)
        offsets.layers.append(Layer(edits))
    diagnostics: list[Diagnostic] = []
    if flag is not None and span_of is not None:
        for start, end, code, message, hint in flag(text):
            o_start = offsets.to_original(start)
            o_end = offsets.to_original(end)
            diagnostics.append(
                Diagnostic.make("warning", code, message, span_of(o_start, o_end), hint=hint)
            )
    changes.sort(key=lambda c: (c.start, c.end))
    return Normalized(original, text, changes, diagnostics, offsets)
