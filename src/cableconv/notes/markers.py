"""Where the markers of the notes stand in the text.

In the text, each note left a marker: its label after a space (``the
President 1``). Numbers that belong to the text (``article 5 thereof``,
``No. 680``) look just the same, so markers are found with what the list
tells us: which labels exist and in which order they appear. Each marker is
searched after the previous one, and among the candidates the one that looks
most like a marker wins.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import deque

from cableconv.conventions import MONTH_NAME, NOTE_LABEL
from cableconv.notes.labels import NoteEntry

_MONTH_AFTER = re.compile(r"^ " + MONTH_NAME)
_MONTH_BEFORE = re.compile(MONTH_NAME + r"$")
_UNIT_AFTER = re.compile(
    r"^ (?:[ap]\.\s?m\.|%|(?:per ?cent|percent|o’clock|o'clock|noon|midnight|miles|days|hours|"
    r"years|months|men|rubles|dollars|pounds|tons|poods|francs|cents)\b)"
)


_TOKEN = re.compile(r"(?<=[^\s]) (" + NOTE_LABEL + r")(?![0-9])")


# A marker alone on the last line of a block: a note on a signature
# ("Lewis Baker.⏎1"); its offset is that of the line break before it.
_LINE_TOKEN = re.compile(r"(?<=[^\n])\n([0-9]{1,5}|[*†‡§¶]{1,3})(?=\n\n|\n?\Z)")


@functools.lru_cache(maxsize=256)
def _token_pattern(wanted: frozenset[str]) -> re.Pattern[str]:
    """:data:`_TOKEN` for just these numbers: a document's text holds many
    more numbers (and one-letter words) than notes, and each match costs."""
    if len(wanted) > 200:  # a very long alternation is slower than the filter
        return _TOKEN
    choices = "|".join(re.escape(n) for n in sorted(wanted, key=lambda n: (-len(n), n)))
    return re.compile(r"(?<=[^\s]) (" + choices + r")(?![0-9])")


def _candidates(text: str, wanted: set[str], start: int, end: int) -> dict[str, list[int]]:
    """Offsets of ``" n"`` in text[start:end], for every wanted ``n``, where it
    stands as a whole token; one pass over the text, whatever the number of notes."""
    out: dict[str, list[int]] = {n: [] for n in wanted}
    if not wanted:
        return out
    for m in _LINE_TOKEN.finditer(text, start, end):
        if m.group(1) in wanted:
            out[m.group(1)].append(m.start())
    for m in _token_pattern(frozenset(wanted)).finditer(text, start, end):
        n = m.group(1)
        if n not in wanted:
            continue
        after = m.end()
        nxt = text[after] if after < len(text) else ""
        if nxt in ",." and after + 1 < len(text) and text[after + 1].isdigit():
            continue  # "1,000", "3.5"
        if nxt.isalpha() and n.isalpha():
            continue  # "a word"
        out[n].append(m.start())
    for cands in out.values():
        cands.sort()
    return out


def _marker_score(text: str, i: int, n: str) -> int:
    """How much the candidate at ``i`` looks like a note marker (higher is better)."""
    after = i + 1 + len(n)
    prev = text[i - 1]
    nxt = text[after] if after < len(text) else "\n"
    score = 0
    if prev in ".,;:)”’\"'—–]?!":
        score += 3  # a note usually follows punctuation: "Lindley. 1"
    if nxt in "\n\t" or text.startswith("[Page", after):
        score += 2
    elif nxt == " ":
        nxt2 = text[after + 1] if after + 1 < len(text) else ""
        if nxt2.isupper() or nxt2 in '“"(':
            score += 1
    elif nxt in ".,;:)—–":
        score += 1
    if prev.isdigit() and nxt not in "\n\t":
        score -= 3  # "1,000 5" is a list of numbers; "January 5, 1955 1⏎" is a note
    if prev in '“"':
        score -= 3  # '“ 3 “': a ditto mark and a figure in a table
    rest = text[after : after + 12]
    if _MONTH_AFTER.match(rest) or _UNIT_AFTER.match(rest):
        score -= 5  # "1 June 1944", "5 per cent", "3 p.m.": part of the text
    if _MONTH_BEFORE.search(text[max(0, i - 10) : i]):
        score -= 5  # "June 1"
    before = text[max(0, i - 12) : i].lower()
    if _NUMBERED_WORD_BEFORE.search(before.rstrip()):
        score -= 2  # "No. 680", "your 506", "article 5": a number of the text
    return score


_NUMBERED_WORD_BEFORE = re.compile(
    r"(?:no\.|nos\.|number|numbers|article|articles|section|paragraph|par\.|"
    r"page|pages|telegram|telegrams|despatch|your|my|his|and|of|to|on|at|\d{1,2},)$"
)


def leading_labels(blocks: list[tuple[int, str]], notes: list[NoteEntry]) -> dict[int, int]:
    """Blocks at the start of the text that are nothing but a note's label:
    the marker of a note printed above the heading (frus1870 prints the title
    of a series of papers so, ``1`` then the heading; the FRUS TEI has the
    note before the ``head``). ``blocks`` are (start, text) in order; the
    answer maps each such block's start to the index of its note, the first
    of that label not yet taken (markers and notes go in the same order).

    Only a block that is exactly a listed label counts, and only before any
    other block: that is what the record shows, and a number alone on a line
    anywhere else belongs to the block above it.

    >>> notes = [NoteEntry("1", 40, 50, 37)]
    >>> leading_labels([(0, "1"), (3, "Mr. Read to Mr. Fish.")], notes)
    {0: 0}
    >>> leading_labels([(0, "No. 106."), (10, "1")], notes)
    {}
    """
    taken: dict[int, int] = {}
    used: set[int] = set()
    for start, text in blocks:
        label = text.strip()
        k = next((k for k, note in enumerate(notes) if note.n == label and k not in used), None)
        if k is None:
            break
        used.add(k)
        taken[start] = k
    return taken


def locate_markers(text: str, notes: list[NoteEntry], start: int, end: int) -> list[int | None]:
    """Offset of each note's marker (the space before the number), in order.

    Markers appear in the text in the order of the list, so the k-th marker
    is searched between the (k-1)-th and the next note's earliest possible
    place. ``None`` where no candidate exists.

    Both ends of that window only move forward, so the best candidate in it
    is kept by a :class:`_WindowBest` per number: a volume that numbers its
    notes by page repeats ``1`` thousands of times, and scoring every
    candidate again for each of them would cost the square of that.
    """
    by_n = _candidates(text, {note.n for note in notes}, start, end)
    found: list[int | None] = [None] * len(notes)
    # latest[k]: the last offset the k-th marker can take so that all later
    # markers still have a candidate after it.
    latest: list[int] = [end] * len(notes)
    bound = end
    for k in range(len(notes) - 1, -1, -1):
        latest[k] = bound
        cands = by_n[notes[k].n]
        i = bisect.bisect_left(cands, bound)
        if i:
            bound = cands[i - 1]
    windows = {n: _WindowBest(text, n, cands) for n, cands in by_n.items()}
    low = start
    for k, note in enumerate(notes):
        best = windows[note.n].best(low, latest[k])
        if best is None:
            continue
        found[k] = best
        low = best + 1 + len(note.n)
    return found


class _WindowBest:
    """The best-scoring candidate of one number in a window ``[low, high)``
    whose ends never move back: a monotonic queue, so each candidate is
    scored once and enters and leaves the queue once.

    Ties go to the earliest candidate, as a marker is looked for as soon as
    the previous one allows.
    """

    def __init__(self, text: str, n: str, cands: list[int]) -> None:
        self.text = text
        self.n = n
        self.cands = cands
        self.pushed = 0  # cands[:pushed] have entered the queue
        self.queue: deque[tuple[int, int]] = deque()  # (score, offset), scores decreasing

    def best(self, low: int, high: int) -> int | None:
        cands = self.cands
        while self.pushed < len(cands) and cands[self.pushed] < high:
            offset = cands[self.pushed]
            score = _marker_score(self.text, offset, self.n)
            while self.queue and self.queue[-1][0] < score:
                self.queue.pop()
            self.queue.append((score, offset))
            self.pushed += 1
        while self.queue and self.queue[0][1] < low:
            self.queue.popleft()
        return self.queue[0][1] if self.queue else None
