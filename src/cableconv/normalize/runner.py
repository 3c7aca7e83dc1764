"""The normalisation runner: applies fixes in order and records every change.

A *fix* is a pure function ``text -> edits``. The runner applies each fix's
edits to the current text, keeps a :class:`Layer` per fix so that any offset
of the final text maps back to the transcription, and records each edit as a
:class:`Change` whose span is in the *original* transcription. Changes are
what ``cableconv normalize --explain`` prints and what ``--diff`` shows.

What a fix leaves alone because it cannot decide, its ``flag`` function
reports as a :class:`Flag`; the runner turns flags into warnings that point
into the transcription too.

*Typographic* fixes (quotes, dashes, ellipses) restore characters a plain
keyboard cannot type, so they run only on a document typed on one: when the
document already has such a character (:func:`~cableconv.normalize.context.typeset_at`,
decided once, after the encoding and whitespace fixes), they are skipped, and
each change they would have made is reported instead (CC207), because the
straight quote or hyphen may be what was printed, or a slip.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cableconv.diagnostics import Diagnostic, Span
from cableconv.normalize.context import typeset_at


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``.

    ``warning`` (optional) says the edit was made on weak evidence: the runner
    reports it where the edit was made (its own ``start``/``end`` are unused).
    """

    start: int
    end: int
    replacement: str
    warning: Flag | None = field(default=None, compare=False, repr=False)


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
    encoding repair does, a quote fix never does); ``typographic`` says it
    writes characters a plain keyboard cannot type, and so runs only on a
    document that has none yet (see the module docstring).
    """

    name: str
    family: str
    apply: FixFunction
    doc: str = ""
    flag: FlagFunction | None = None
    changes_words: bool = False
    typographic: bool = False

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

    The typographic fixes are skipped on a document that is already typeset,
    and what they would have changed is reported as CC207 (module docstring).
    """
    text = original
    offsets = OffsetMap()
    changes: list[Change] = []
    weak: list[Diagnostic] = []  # edits made on weak evidence
    gate = _Gate()
    for _ in range(max(1, rounds)):
        before_round = len(offsets.layers)
        gate.new_round()
        for fix in fixes:
            if fix.typographic and gate.closed(text, offsets):
                continue
            edits = _checked_edits(text, fix.apply(text), fix.name)
            if not edits:
                continue
            for e in edits:
                o = offsets.span(e.start, e.end)
                changes.append(
                    Change(fix.name, o.start, o.end, original[o.start : o.end], e.replacement)
                )
                if e.warning is not None:
                    weak.append(Diagnostic(e.warning.code, e.warning.message, o, e.warning.hint))
            text = apply_edits(text, edits)
            offsets.layers.append(Layer(edits))
        if len(offsets.layers) == before_round:
            break
    found = gate.kept_as_printed(text, fixes, original)
    kept = {f.start for f in found}
    for fix in fixes:
        if fix.flag is not None:
            found.extend(f for f in fix.flag(text) if f.start not in kept)
    if flag is not None:
        found.extend(Flag(*item) for item in flag(text))
    diagnostics = weak + [
        Diagnostic(f.code, f.message, offsets.span(f.start, f.end), f.hint) for f in found
    ]
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code) if d.span else (0, 0, d.code))
    changes.sort(key=lambda c: (c.start, c.end))
    return Normalized(original, text, changes, diagnostics, offsets)


_LINE_BREAK = re.compile(r"\r\n?|\n")


class _Gate:
    """Whether the typographic fixes may run: decided on the text as the
    first of them would see it (an encoding repair may have brought back the
    curly quotes a word processor typed).

    A closed gate is looked at again in each later round: a repair of that
    round may have taken the typeset character into a mojibake sequence it
    mended (``”Ã©``), and the evidence is gone. An open gate stays open, as
    the characters the fixes write are no evidence."""

    def __init__(self) -> None:
        self.decided = False
        self.typeset: int | None = None  # offset in the original transcription

    def new_round(self) -> None:
        if self.typeset is not None:
            self.decided = False

    def closed(self, text: str, offsets: OffsetMap) -> bool:
        if not self.decided:
            self.decided = True
            at = typeset_at(text)
            self.typeset = offsets.to_original(at) if at is not None else None
        return self.typeset is not None

    def kept_as_printed(self, text: str, fixes: Sequence[Fix], original: str) -> list[Flag]:
        """What the skipped fixes would have changed in ``text``, as CC207 flags."""
        if self.typeset is None:
            return []
        first = original[self.typeset]
        line = len(_LINE_BREAK.findall(original, 0, self.typeset)) + 1
        found: list[Flag] = []
        for fix in fixes:
            if not fix.typographic:
                continue
            for e in _checked_edits(text, fix.apply(text), fix.name):
                found.append(
                    Flag(
                        e.start,
                        e.end,
                        "CC207",
                        f"{text[e.start : e.end]!r} kept as printed, not made {e.replacement!r} "
                        f"({fix.name}): the document has typeset quotes or dashes "
                        f"(the first, {first!r}, on line {line})",
                        f"if this one was typed, not printed, write {e.replacement!r} "
                        "yourself; a document typed on a plain keyboard gets all of them "
                        "restored",
                    )
                )
        return found
