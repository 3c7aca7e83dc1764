"""The normalisation runner: applies fixes in order and records every change.

A *fix* is a pure function ``text -> edits``. The runner applies each fix's
edits to the current text, keeps a :class:`Layer` per fix so that any offset
of the final text maps back to the transcription, and records each edit as a
:class:`Change` whose span is in the *original* transcription. Changes are
what ``cableconv normalize --explain`` prints and what ``--diff`` shows.

What a fix leaves alone because it cannot decide, its ``flag`` function
reports as a :class:`Flag`; the runner turns flags into warnings that point
into the transcription too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cableconv.diagnostics import Diagnostic, Span
from cableconv.source import LineIndex


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
class Flag:
    """A place a fix could not decide safely; becomes a warning diagnostic.

    ``start``/``end`` are offsets in the text the flag function was given.
    """

    start: int
    end: int
    code: str
    message: str
    hint: str = ""


#: Looks at the normalised text and returns the places left undecided.
FlagFunction = Callable[[str], Iterable[Flag]]


@dataclass(frozen=True)
class Fix:
    """A named fix in a family.

    ``flag`` (optional) finds what the fix left alone because it could not
    decide; ``changes_words`` says the fix may change letters or digits (an
    encoding repair does, a quote fix never does).
    """

    name: str
    family: str
    apply: FixFunction
    doc: str = ""
    flag: FlagFunction | None = None
    changes_words: bool = False

    @property
    def summary(self) -> str:
        """The first paragraph of the fix's documentation, on one line."""
        doc = (self.doc or self.apply.__doc__ or "").strip()
        return " ".join(doc.split("\n\n", 1)[0].split())


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
    flag: Callable[[str], Iterable[tuple[int, int, str, str, str]]] | None = None,
    span_of: Callable[[int, int], Span] | None = None,
    rounds: int = 3,
) -> Normalized:
    """Apply ``fixes`` in order to ``original``, then again while they change
    something (at most ``rounds`` times).

    One fix can make work for an earlier one (a no-break space replaced by a
    blank lets ftfy recognise the mojibake next to it), so the chain runs
    until nothing changes: normalising the result again changes nothing.

    ``flag`` (optional) looks at the final text and returns places that could
    not be decided safely, as ``(start, end, code, message, hint)``; the
    ``flag`` functions of the fixes themselves do the same. They all become
    warnings pointing into the original transcription (``span_of`` turns
    original offsets into a :class:`Span`; by default line and column are
    counted in ``original``).
    """
    text = original
    offsets = OffsetMap()
    changes: list[Change] = []
    for _ in range(max(1, rounds)):
        before_round = len(offsets.layers)
        for fix in fixes:
            edits = _checked_edits(text, fix.apply(text), fix.name)
            if not edits:
                continue
            for e in edits:
                o_start = offsets.to_original(e.start)
                o_end = offsets.to_original(e.end) if e.end > e.start else o_start
                changes.append(
                    Change(fix.name, o_start, o_end, original[o_start:o_end], e.replacement)
                )
            text = apply_edits(text, edits)
            offsets.layers.append(Layer(edits))
        if len(offsets.layers) == before_round:
            break
    found: list[Flag] = []
    for fix in fixes:
        if fix.flag is not None:
            found.extend(fix.flag(text))
    if flag is not None:
        found.extend(Flag(*item) for item in flag(text))
    diagnostics: list[Diagnostic] = []
    if found:
        locate = span_of if span_of is not None else LineIndex.of(original).span
        for f in sorted(found, key=lambda f: (f.start, f.end, f.code)):
            o_start = offsets.to_original(f.start)
            o_end = max(o_start, offsets.to_original(f.end))
            diagnostics.append(
                Diagnostic.make("warning", f.code, f.message, locate(o_start, o_end), hint=f.hint)
            )
    changes.sort(key=lambda c: (c.start, c.end))
    return Normalized(original, text, changes, diagnostics, offsets)
