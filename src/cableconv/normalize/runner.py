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
        """Where ``offset``, the *start* of a stretch, was: text a fix
        deleted just before it is left out, a replacement starting there is
        taken in."""
        k = bisect.bisect_right(self.new_starts, offset) - 1
        return self._old(k, offset)

    def end_to_old(self, offset: int) -> int:
        """Where ``offset``, the *end* of a stretch, was: a replacement
        ending there is taken in, text a fix deleted just after it is not."""
        k = bisect.bisect_left(self.new_starts, offset) - 1
        return self._old(k, offset)

    def _old(self, k: int, offset: int) -> int:
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

    def span(self, start: int, end: int) -> Span:
        """The stretch of the original that became ``text[start:end]``.

        >>> fix = Layer([Edit(0, 2, "—"), Edit(4, 6, "")])  # "--ab  " -> "—ab"
        >>> OffsetMap([fix]).span(1, 3), OffsetMap([fix]).span(0, 1)
        (Span(start=2, end=4), Span(start=0, end=2))
        """
        if not self.layers:
            return Span(start, max(start, end))
        o_start = start
        o_end = end
        for layer in reversed(self.layers):
            o_start = layer.to_old(o_start)
            o_end = layer.end_to_old(o_end)
        return Span(o_start, o_end if end > start and o_end > o_start else o_start)


@dataclass
class Normalized:
    """The result of normalising a transcription.

    It owns the one map from offsets of ``text`` (what the parser and the
    checks read) to offsets of ``original`` (what the user typed, what every
    span in the model and every diagnostic points into).
    """

    original: str
    text: str
    changes: list[Change]
    diagnostics: list[Diagnostic]
    offsets: OffsetMap

    @classmethod
    def unchanged(cls, text: str) -> Normalized:
        """The text taken as it is (``convert --no-normalize``)."""
        return cls(text, text, [], [], OffsetMap())

    def to_original(self, offset: int) -> int:
        return self.offsets.to_original(offset)

    def span(self, start: int, end: int) -> Span:
        """The span in the original of ``text[start:end]``."""
        return self.offsets.span(start, end)

    def move(self, span: Span) -> Span:
        """A span of ``text`` as the span of the original it came from."""
        return self.offsets.span(span.start, span.end)

    @property
    def changed(self) -> bool:
        """Did any fix change the text (else its offsets are the original's)?"""
        return bool(self.offsets.layers)


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
    warnings pointing into the original transcription.
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
                o = offsets.span(e.start, e.end)
                changes.append(
                    Change(fix.name, o.start, o.end, original[o.start : o.end], e.replacement)
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
    for f in sorted(found, key=lambda f: (f.start, f.end, f.code)):
        diagnostics.append(Diagnostic(f.code, f.message, offsets.span(f.start, f.end), f.hint))
    changes.sort(key=lambda c: (c.start, c.end))
    return Normalized(original, text, changes, diagnostics, offsets)
