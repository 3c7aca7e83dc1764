"""Where the markers of the notes stand in the text.

In the text, each note left a marker: its label after a space (``the
President 1``). Numbers and words of the text (``article 5 thereof``, ``No.
680``, ``the 1st of May``, ``a note``) look much the same, so a marker is
decided from evidence, never from the first matching token:

- **what may follow a marker.** The mark is printed after the word or the
  punctuation it belongs to, and the text goes on after a blank, a line end,
  a closing bracket or a dash. Never a letter (``1st``, ``2a`` of the text),
  never a full stop, a colon or a per cent sign (``Art. 2.``, ``5%``): over the
  2,813 labelled markers of the 16 development volumes, 99.9 % are followed
  by one of :data:`FOLLOWERS`. A token followed by anything else is never
  taken, whatever the list says.
- **how much it looks like a marker** (:func:`marker_score`): after closing
  punctuation, before a line end, a capital or a page turn it is likely;
  after ``No.``, ``article``, a month (``June 1``), before a unit (``5 per
  cent``, ``3 p.m.``), inside a table row it is a number of the text. A
  letter label (``a``) is read as the article unless the word after it shows
  it is not one (an article stands before its noun: ``telegram a of the
  14th``, ``a showing``).
- **order.** The list gives the notes in the order of their markers (the
  volumes print them so; the development corpus has no exception), so the
  markers of a document are the sequence of candidates, one per note and in
  that order, whose evidence adds up to the most (:func:`locate_markers`).

A candidate whose score is below :data:`MIN_SCORE` is no marker: the note
keeps no anchor and the parser warns (the text is never changed on weak
evidence).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import deque
from dataclasses import dataclass

from cableconv.conventions import MONTH_NAME, NOTE_LABEL, NOTE_SYMBOLS
from cableconv.notes.labels import NoteEntry

#: What may follow a marker's label: a blank, a line end, a closing bracket,
#: a dash, a closing quote (counted over the development volumes: blank
#: 1,973, line end 671, ``)`` 107, ``]`` 8, ``—`` 4, ``”`` 1); the end of the
#: text is allowed too.
FOLLOWERS = frozenset(" \t\n)]—”")

#: Below this, a candidate is too weak to take a character of the text...
MIN_SCORE = 0
#: ... unless it is the only place the label of a single note stands as a
#: marker may; then down to this, and the parser warns.
WEAK_SCORE = -3

_NUMBER_BEFORE = re.compile(r"\b(\d{1,5}),? ?$")
_MONTH_AFTER = re.compile(r"^ " + MONTH_NAME)
_MONTH_BEFORE = re.compile(MONTH_NAME + r"$")
#: A month whose day stands before it (``on the 18th of September 1 draws``,
#: frus1917Supp02v02 d247): the number after it is no day of that date.
_DAY_THEN_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|d)(?: of)? " + MONTH_NAME + r"$")
#: A unit after the number, perhaps after an editor's bracket (``1 [11] p.m.``).
_UNIT_AFTER = re.compile(
    r"^ (?:\[[^\]\n]{1,8}\] )?(?:[AaPp]\.\s?[Mm]\.|%|(?:per ?cent|percent|o’clock|o'clock|"
    r"noon|midnight|miles|days|hours|years|months|men|rubles|dollars|pounds|tons|poods|francs|"
    r"cents|kroner|marks|pesos)\b)"
)
#: Counts in a row: ``8 Germans, 4 Colombians, 1 Austrian``; ``8 Wallace, 377``.
_COUNT_BEFORE = re.compile(r"\b\d+ [^\W\d_][\w’'-]*[,;]$")
#: A law report cited by volume, name and page: ``Parsons v. Terry, 1 Lowell,
#: 60``, ``5 Federal Reports, 822`` (frus1902app1).
_CITATION_AFTER = re.compile(r" [A-Z][\w.]*(?: [A-Z][\w.]*)?,(?: [a-z]{1,6}\.,)? \d")
_NUMBERED_WORD_BEFORE = re.compile(
    r"(?:\b(?:no|nos|art|arts|par|pars|sec|secs|p|pp|vol|vols|ch|chap|fig)\.|"
    r"\b(?:number|numbers|article|articles|section|sections|paragraph|paragraphs|page|pages|"
    r"telegram|telegrams|despatch|despatches|dispatch|item|items|point|points|annex|"
    r"inclosure|enclosure|appendix|part|chapter|volume|class|group|table|schedule|exhibit|"
    r"clause|circular|serial|series|your|my|his|her|our|their|its|and|or|of|to|on|at|"
    r"from|by|under|than|about|over|nearly|only|some|these|those|all|every|each|per)"
    r")\s*$",
    re.IGNORECASE,
)

#: Words after a letter label that show it is a marker, not the article ``a``:
#: an article stands before its noun, a marker before what follows the noun
#: (frus1901: ``my telegram a of the 14th``, ``the map a inclosed``, ``map a
#: showing``, ``a table a furnished by``, ``despatch a No. 42``, ``articles
#: 86, 87, and 242 of the civil code, a copied in full``).
_AFTER_LETTER_MARKER = re.compile(
    r"of|from|to|in|on|at|by|for|with|and|or|but|which|that|who|whose|is|was|are|were|has|"
    r"have|had|be|been|being|as|inclosed|enclosed|herewith|showing|giving|furnished|"
    r"transmitted|received|sent|dated|referred|mentioned|bearing|containing|concerning|copied|"
    r"relating|regarding|respecting|hereto|attached|not|shall|"
    r"will|would|should|may|might|must|can|could|I|we|he|she|it|they|you|this|these|No\.|"
    r"Nos\.|a|an|the",
    re.IGNORECASE,
)
#: A word after a blank (``No.`` keeps its full stop).
_WORD_AFTER = re.compile(r" (No\.|Nos\.|[^\W\d_]+)")
#: Words that start with a vowel and take ``a`` (``a one``, ``a once``,
#: ``a European``: the vowel is not sounded as one).
_VOWEL_NOUNS = frozenset({"one", "once", "European", "Europe"})


_TOKEN = re.compile(r"(?<=[^\s]) (" + NOTE_LABEL + r")")

# A marker alone on the last line of a block: a note on a signature
# ("Lewis Baker.⏎1"); its offset is that of the line break before it.
_LINE_TOKEN = re.compile(
    r"(?<=[^\n])\n([0-9]{1,5}[a-z]?|[" + NOTE_SYMBOLS + r"]{1,3})(?=\n\n|\n?\Z)"
)


@functools.lru_cache(maxsize=256)
def _token_pattern(wanted: frozenset[str]) -> re.Pattern[str]:
    """:data:`_TOKEN` for just these labels: a document's text holds many
    more numbers (and one-letter words) than notes, and each match costs."""
    if len(wanted) > 200:  # a very long alternation is slower than the filter
        return _TOKEN
    choices = "|".join(re.escape(n) for n in sorted(wanted, key=lambda n: (-len(n), n)))
    return re.compile(r"(?<=[^\s]) (" + choices + r")")


def _follows_well(text: str, after: int, n: str = "") -> bool:
    """Is the label ending at ``after`` followed as a marker is (a symbol
    also before a figure: ``65 *115`` in a table of frus1925v02 d197, where
    a number cannot hold a ``*``; and before a comma: ``the usual courses* *,
    that is to say`` in frus1870 d348, the only symbol before a comma in the
    corpus besides the ellipsis ``* * *,``, which scores as one)?"""
    if after >= len(text) or text[after] in FOLLOWERS:
        return True
    return bool(n) and is_symbol(n) and (text[after].isdigit() or text[after] == ",")


def is_symbol(n: str) -> bool:
    """Is the label a reference symbol? Not a letter, though Python reads
    the double bar FRUS prints (``ǁ``, U+01C1, frus1897 d198) as one.

    >>> is_symbol("ǁ"), is_symbol("†"), is_symbol("a"), is_symbol("2a")
    (True, True, False, False)
    """
    return n[:1] in NOTE_SYMBOLS or not n[:1].isalnum()


#: The blanks that mark notes printed without a label: at the end of a line,
#: after its last character (``J. C. B. DAVIS. ``; two notes, two blanks).
_END_BLANKS = re.compile(r"(?<=\S)( +)(?=\n|\Z)")


def candidates(text: str, wanted: set[str], start: int, end: int) -> dict[str, list[int]]:
    """Offsets of ``" n"`` in text[start:end], for every wanted ``n``, where it
    stands as a whole token followed as a marker is; one pass over the text.
    The empty label (a note printed without a mark) stands at each blank
    that ends a line (:data:`~cableconv.conventions.UNLABELLED_NOTE_LINE`)."""
    out: dict[str, list[int]] = {n: [] for n in wanted}
    if "" in wanted:
        for m in _END_BLANKS.finditer(text, start, end):
            out[""].extend(range(m.start(), m.end()))
        wanted = wanted - {""}
    if not wanted:
        return out
    for m in _LINE_TOKEN.finditer(text, start, end):
        if m.group(1) in wanted:
            out[m.group(1)].append(m.start())
    for m in _token_pattern(frozenset(wanted)).finditer(text, start, end):
        n = m.group(1)
        if n in wanted and _follows_well(text, m.end(), n):
            out[n].append(m.start())
    for cands in out.values():
        cands.sort()
    return out


_NUMBER_TOKEN = re.compile(r"(?<=\S) ([1-9][0-9]{0,2})(?![0-9])")


def number_candidates(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Every number of one to three figures in text[start:end] that stands
    as a marker may (after a blank, followed as a marker is, not inside a
    page marker), whether or not a note has it as its label: what ``check``
    weighs when it looks for a marker without a note.

    >>> number_candidates("Art. 2. Sent 3 [Page 4] to him. 5", 0, 34)
    [(12, '3'), (31, '5')]
    """
    out: list[tuple[int, str]] = []
    for m in _NUMBER_TOKEN.finditer(text, start, end):
        if _follows_well(text, m.end()) and not _in_page_marker(text, m.start()):
            out.append((m.start(), m.group(1)))
    return out


def _in_page_marker(text: str, i: int) -> bool:
    open_ = text.rfind("[", max(0, i - 30), i)
    return open_ != -1 and text.startswith("[Page", open_) and "]" not in text[open_:i]


#: Lines longer than this are prose, never a row of a table or a list of amounts.
_SHORT_LINE = 120


def _short_line_at(text: str, i: int) -> tuple[int, int] | None:
    """(start, end) of the line holding offset ``i``, without its line
    break, if it is shorter than :data:`_SHORT_LINE`; looked for near ``i``
    only, so that the many numbers of one long line cost no more than it."""
    lo = max(0, i - _SHORT_LINE)
    start = text.rfind("\n", lo, i) + 1
    if start == 0 and lo > 0:
        return None
    end = text.find("\n", i, i + _SHORT_LINE)
    if end == -1:
        if i + _SHORT_LINE < len(text):
            return None
        end = len(text)
    return (start, end) if end - start < _SHORT_LINE else None


def _figures(line: str) -> bool:
    """A short line that is mostly figures: a row of a table typed with blanks."""
    packed = line.replace(" ", "")
    return len(packed) > 0 and sum(ch.isdigit() for ch in packed) * 4 >= len(packed)


def _neighbours(text: str, start: int, end: int) -> list[str]:
    """The short lines just above and below the line ``text[start:end]``."""
    out: list[str] = []
    if start > 1:
        above = _short_line_at(text, start - 1)
        if above is not None:
            out.append(text[above[0] : above[1]])
    if end + 1 < len(text):
        below = _short_line_at(text, end + 1)
        if below is not None:
            out.append(text[below[0] : below[1]])
    return out


def _in_table_row(text: str, i: int) -> bool:
    """Is ``i`` in a row of a table or a column of figures: a line with a
    tab, or a short line of figures with another line of figures above or
    below it (frus1897 d305: ``27 257⏎28⏎29⏎30 635``)."""
    if "\t" in text[max(0, i - 40) : i + 40]:
        line = _short_line_at(text, i)
        return line is None or "\t" in text[line[0] : line[1]]
    line = _short_line_at(text, i)
    if line is None or not _figures(text[line[0] : line[1]]):
        return False
    return any(_figures(near) for near in _neighbours(text, *line))


def _letter_score(text: str, after: int, i: int | None = None) -> int:
    """A letter label (``a``, ``b``) is the article or a word unless what
    follows shows it is not: an article stands before its noun, which cannot
    start with a vowel (``a`` becomes ``an``) and is no preposition, verb or
    pronoun (frus1901: ``my telegram a of the 14th``, ``a petition a
    addressed to me``, ``the map a inclosed``, ``telegram a I sent``); nor
    does the article open a sentence in lower case, between the stop of one
    and the capital of the next (``… when the operations of the company
    commenced. a Still smaller returns …``, frus1902app1 d33). ``i`` is the
    blank before the label.

    >>> _letter_score("company commenced. a Still", 20, 18)
    3
    >>> _letter_score("company commenced a Still", 19, 17)
    -4
    """
    if after >= len(text) or text[after] in "\n)]—”" or text.startswith(" (", after):
        return 3
    word = _WORD_AFTER.match(text, after)
    if word is None:
        return -4
    w = word.group(1)
    if _AFTER_LETTER_MARKER.fullmatch(w) or (w[0] in "aeioAEIO" and w not in _VOWEL_NOUNS):
        return 3
    if i is not None and _SENTENCE_STOP.search(text, max(0, i - 3), i) and w[0].isupper():
        return 3
    return -4


#: The end of a sentence, a word of more than one letter before its stop
#: (not an initial, ``J. a``).
_SENTENCE_STOP = re.compile(r"[a-z]{2}[.!?]$")


#: A month that begins a date of its own, its day after it (``1915; 3
#: November 4th, 1916``, frus1925v02 d47): the number before is no day of it.
_MONTH_AND_DAY = re.compile(r" " + MONTH_NAME + r" \d{1,2}(?:st|nd|rd|th|d)?\b")
#: ``May`` before a pronoun is the verb (``Board, III.” 1 May I take``,
#: frus1917Supp02v02 d83).
_MAY_VERB = re.compile(r" May (?:I|we|you|he|she|it|they)\b")


def _day_before_month(text: str, after: int) -> bool:
    """Is the number ending at ``after`` the day of a date written day
    first (``1 June 1944``)?"""
    rest = text[after : after + 24]
    if not _MONTH_AFTER.match(rest):
        return False
    return not (_MONTH_AND_DAY.match(rest) or _MAY_VERB.match(rest))


def _text_likeness(text: str, i: int, n: str) -> int:
    """How much the number ``n`` at ``i`` reads as a number of the text: in
    a date, before a unit, after ``No.``, counting, in a table row (0: not)."""
    after = i + 1 + len(n)
    rest = text[after : after + 12]
    penalty = 0
    if _day_before_month(text, after) or _UNIT_AFTER.match(rest):
        penalty += 6  # "1 June 1944", "5 per cent", "3 p.m.": part of the text
    if _MONTH_BEFORE.search(text[max(0, i - 10) : i]) and not _DAY_THEN_MONTH.search(
        text[max(0, i - 24) : i]
    ):
        penalty += 6  # "June 1"
    if _NUMBERED_WORD_BEFORE.search(_EDITORS_LETTERS.sub(r"\1", text[max(0, i - 24) : i])):
        penalty += 3  # "No. 680", "your 506", "article 5": a number of the text
    counted = _NUMBER_BEFORE.search(text, max(0, i - 8), i)
    if counted is not None and n.isdigit() and int(counted.group(1)) == int(n) - 1:
        penalty += 5  # "4, 5, and 6", "1, 2, 3": counting in the text
    if _in_table_row(text, i):
        penalty += 4  # a figure in a column
    return penalty


def stands_alone(text: str, i: int, n: str) -> bool:
    """Does the number ``n`` at ``i`` look like nothing but a marker: after
    closing punctuation and before a line end, a page turn, a capital or a
    quote, or at the very end of a line; and nothing of the text (no date,
    unit, ``No.``, count or table row)? What ``check`` asks before it says
    a note is missing (CC102).

    >>> stands_alone("to the President. 1 He", 17, "1"), stands_alone("(No. 1) of", 4, "1")
    (True, False)
    """
    after = i + 1 + len(n)
    prev = text[i - 1] if i > 0 else "\n"
    at_line_end = after >= len(text) or text[after] == "\n" or text.startswith("[Page", after)
    nxt2 = text[after + 1 : after + 2]
    new_sentence = text[after : after + 1] == " " and (nxt2.isupper() or nxt2 in '“"([')
    placed = (prev in _CLOSING and (at_line_end or new_sentence)) or (
        prev.isalpha() and at_line_end
    )
    if not placed or _text_likeness(text, i, n):
        return False
    if _COUNT_BEFORE.search(text, max(0, i - 40), i) or _CITATION_AFTER.match(text, after):
        return False  # one more count of a row of counts, or a citation
    return not (at_line_end and _column_of_figures(text, i))


def _column_of_figures(text: str, i: int) -> bool:
    """Does a line next to the short one holding ``i`` also end in a figure:
    the items of a list with their amounts (``Copper 2½⏎Fish guano 2``)?"""
    line = _short_line_at(text, i)
    if line is None:
        return False
    ends = [near.rstrip()[-1:] for near in _neighbours(text, *line)]
    return any(end and (end.isdigit() or end in "½¼¾") for end in ends)


#: Letters an editor supplied at the end of a word, in brackets
#: (``Your paragraph[s] 2 and 3``, frus1934v05 d7): the word goes on, so the
#: bracket is no closing punctuation, and the word is read without it.
_EDITORS_LETTERS = re.compile(r"(?<=[^\W\d_])\[([^\W\d_]{1,4})\]$")

#: Punctuation a marker follows (``Lindley. 1``, ``1955, 5``, ``(Harriman) 2``).
_CLOSING = ".,;:)”’\"'—–]?!…"


def marker_score(text: str, i: int, n: str) -> int:
    """How much the candidate at ``i`` (the blank before ``n``) looks like a
    note marker; below :data:`MIN_SCORE` it is a word or number of the text.

    >>> marker_score("sent to Lindley. 1 He", 16, "1") > marker_score("article 1 of", 7, "1")
    True
    """
    if text[i] == "\n":
        return 4  # alone on the last line of its block, after a signature
    if not n:  # a blank ending a line; at the end of a block FRUS puts such notes
        rest = text[i : i + 12].lstrip(" ")
        return 3 if rest.startswith("\n\n") or not rest or rest == "\n" else 1
    after = i + 1 + len(n)
    if n.isalpha() and not is_symbol(n):
        return _letter_score(text, after, i)
    prev = text[i - 1] if i > 0 else "\n"
    if prev == "]" and _EDITORS_LETTERS.search(text, max(0, i - 10), i):
        prev = "s"  # ``paragraph[s] 2``: the bracket completes a word, it closes nothing
    nxt = text[after] if after < len(text) else "\n"
    score = 0
    if prev in _CLOSING:
        score += 3  # "Lindley. 1", "1955, 5"
    if nxt in "\n\t)]—”" or text.startswith("[Page", after) or text.startswith(" [Page", after):
        score += 2
    elif text[after + 1 : after + 2].isupper() or text[after + 1 : after + 2] in '“"(':
        score += 1  # before a new sentence
    if not n[0].isdigit():  # a reference symbol: "* * *" is an ellipsis of the text
        return score - 6 if _in_ellipsis(text, i, after) else score
    return score - _text_likeness(text, i, n)


def _in_ellipsis(text: str, i: int, after: int) -> bool:
    """Is the symbol between ``i`` and ``after`` one of a row of stars set
    apart by blanks (``the continent, * * and``, ``* * * *``)? A star glued
    to the word before is the printed mark kept in the text, and the star
    after it is the note's marker (frus1870: ``at Osacca* * that``,
    ``courses* *, that``, ``in 1869.* * American``)."""
    if text.startswith(" *", after):
        return True
    return i >= 2 and text[i - 1] == "*" and (i < 3 or text[i - 2].isspace())


@dataclass(frozen=True)
class _Step:
    """One marker taken in a sequence: the note, its offset, the one before."""

    note: int
    offset: int
    before: _Step | None


#: What leaving a note without a marker costs the sequence: a candidate of
#: score MIN_SCORE or more is always worth taking unless it blocks better ones.
SKIP_COST = 4


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
    """Offset of each note's marker (the space before its label), in order;
    ``None`` where no candidate has enough evidence.

    The markers stand in the order of the list, so among all sequences of
    candidates, one per note (or none) and increasing, the one whose scores
    add up to the most is taken (:func:`_best_sequence`). Each note weighs
    every candidate of its label, so a volume that numbers its notes by page
    (thousands of ``1``) would cost notes times candidates: past
    :data:`SEQUENCE_BUDGET` the markers are taken one by one instead, each
    the best candidate after the one before (:func:`_one_by_one`).
    """
    by_n = candidates(text, {note.n for note in notes}, start, end)
    listed: dict[str, int] = {}
    for note in notes:
        listed[note.n] = listed.get(note.n, 0) + 1
    scored: dict[str, list[tuple[int, int]]] = {}
    for n, offsets in by_n.items():
        # the one place a label of one note stands as a marker may: taken on
        # weaker evidence (the parser warns): "a copy of a telegram 1 from"
        least = WEAK_SCORE if len(offsets) == 1 and listed[n] == 1 else MIN_SCORE
        scored[n] = [(o, s) for o in offsets if (s := marker_score(text, o, n)) >= least]
    if sum(len(scored.get(note.n, ())) for note in notes) > SEQUENCE_BUDGET:
        return _one_by_one(notes, scored, end)
    return _best_sequence(notes, scored, start)


#: Candidates weighed, over all notes, past which markers are taken one by one.
SEQUENCE_BUDGET = 200_000


def _best_sequence(
    notes: list[NoteEntry], scored: dict[str, list[tuple[int, int]]], start: int
) -> list[int | None]:
    """The increasing sequence of candidates, one per note or none, whose
    scores less :data:`SKIP_COST` per note left out add up to the most.

    The best sequences so far are kept as a frontier of (last offset, total)
    that rises in both: a sequence that ends later must score more, or it
    is of no use.
    """
    # frontier: offsets (increasing) and totals (increasing), with their steps;
    # totals are kept without the skip costs paid so far (``paid``)
    offs: list[int] = [start - 1]
    totals: list[int] = [0]
    steps: list[_Step | None] = [None]
    paid = 0
    for k, note in enumerate(notes):
        new: list[tuple[int, int, _Step]] = []
        for offset, score in scored.get(note.n, ()):
            j = bisect.bisect_left(offs, offset) - 1
            if j < 0:
                continue
            total = totals[j] - paid + score  # a real total
            new.append((offset, total, _Step(k, offset, steps[j])))
        paid += SKIP_COST  # every old sequence skips this note
        for offset, total, step in new:
            raw = total + paid
            j = bisect.bisect_left(offs, offset)
            # dominated by a sequence ending no later that scores as much
            if j > 0 and totals[j - 1] >= raw:
                continue
            if j < len(offs) and offs[j] == offset and totals[j] >= raw:
                continue
            # drop what the new one dominates: ending later, scoring no more
            hi = j
            while hi < len(offs) and totals[hi] <= raw:
                hi += 1
            offs[j:hi] = [offset]
            totals[j:hi] = [raw]
            steps[j:hi] = [step]
    found: list[int | None] = [None] * len(notes)
    taken = steps[-1]
    while taken is not None:
        found[taken.note] = taken.offset
        taken = taken.before
    return found


def _one_by_one(
    notes: list[NoteEntry], scored: dict[str, list[tuple[int, int]]], end: int
) -> list[int | None]:
    """Each note's marker the best candidate after the previous marker and
    before the last place that leaves a candidate to each later note.

    Both ends of that window only move forward, so the best candidate in it
    is kept by a monotonic queue per label: each candidate enters and leaves
    it once.
    """
    found: list[int | None] = [None] * len(notes)
    latest: list[int] = [end] * len(notes)
    bound = end
    for k in range(len(notes) - 1, -1, -1):
        latest[k] = bound
        offsets = [o for o, _ in scored.get(notes[k].n, ())]
        i = bisect.bisect_left(offsets, bound)
        if i:
            bound = offsets[i - 1]
    windows = {n: _WindowBest(cands) for n, cands in scored.items()}
    low = -1
    for k, note in enumerate(notes):
        window = windows.get(note.n)
        best = window.best(low, latest[k]) if window is not None else None
        if best is not None:
            found[k] = best
            low = best + 1
    return found


class _WindowBest:
    """The best-scoring candidate of one label in a window ``[low, high)``
    whose ends never move back; ties go to the earliest."""

    def __init__(self, cands: list[tuple[int, int]]) -> None:
        self.cands = cands
        self.pushed = 0
        self.queue: deque[tuple[int, int]] = deque()  # (score, offset), scores decreasing

    def best(self, low: int, high: int) -> int | None:
        while self.pushed < len(self.cands) and self.cands[self.pushed][0] < high:
            offset, score = self.cands[self.pushed]
            while self.queue and self.queue[-1][0] < score:
                self.queue.pop()
            self.queue.append((score, offset))
            self.pushed += 1
        while self.queue and self.queue[0][1] < low:
            self.queue.popleft()
        return self.queue[0][1] if self.queue else None


def weak_candidates(text: str, n: str, start: int, end: int) -> list[int]:
    """Offsets where ``n`` stands as a marker might, but with too little
    evidence to be one (for the warning that says so)."""
    cands = candidates(text, {n}, start, end)[n]
    return [o for o in cands if marker_score(text, o, n) < MIN_SCORE]
