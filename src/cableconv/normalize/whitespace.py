"""Whitespace fixes: line endings, no-break spaces, trailing and doubled blanks.

Leading blanks are never touched: the footnote list is written as lines
``"  N. text"`` whose indentation the parser needs. Tabs are never touched
either: they separate the cells of a table row. Nor are the blanks that mark
where a note without a label stands (:func:`trailing_whitespace`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.conventions import NOTE_HEAD, PAGE_MARKER, UNLABELLED_NOTE_LINE
from cableconv.normalize.runner import Edit, Flag
from cableconv.parse.sourceline import is_despatch_number

_CR = re.compile(r"\r\n?")
_BLANKS = " \u00a0\u202f"
_LINE_END = re.compile(r"\r\n?|\n")
#: What follows the line ending of a block's last line: a blank line, or nothing.
_BLANK_LINE_OR_END = re.compile(r"[ \t\u00a0\u202f]*(?:\r\n?|\n|\Z)")
#: A blank line, the end of a block.
_BLOCK_BREAK = re.compile(r"(?:\r\n?|\n)[ \t\u00a0\u202f]*(?:\r\n?|\n)")
_NO_BREAK = re.compile(r"[\u00a0\u202f]")
_DOUBLED = re.compile(r"  (?<=\S  ) *(?=\S)")
#: A note line whose note is empty: ``"  1. "`` keeps the blank after the dot.
_EMPTY_NOTE = re.compile(NOTE_HEAD.pattern + "$")


def line_endings(text: str) -> Iterator[Edit]:
    """CRLF and lone CR line endings become LF.

    >>> [e.replacement for e in line_endings("a\\r\\nb\\rc")]
    ['\\n', '\\n']
    """
    for m in _CR.finditer(text):
        yield Edit(m.start(), m.end(), "\n")


def _ends_after_blank(text: str) -> Iterator[int]:
    """Where a line ending (of any kind: line_endings may be switched off) or
    the end of the text comes right after a blank; found from the line
    endings, which are few, rather than from every blank of the text."""
    for m in _LINE_END.finditer(text):
        end = m.start()
        if end and text[end - 1] in _BLANKS:
            yield end
    if text and text[-1] in _BLANKS:
        yield len(text)


def _trailing_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every run of blanks that ends a line."""
    for end in _ends_after_blank(text):
        line_start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        yield line_start + len(text[line_start:end].rstrip(_BLANKS)), end


def _note_list_start(text: str) -> int:
    """Where the list of notes begins (the last block, if its first line is a
    note line), or the end of the text."""
    last = 0
    for m in _BLOCK_BREAK.finditer(text):
        last = m.end()
    if NOTE_HEAD.match(text, last) or UNLABELLED_NOTE_LINE.match(text, last):
        return last
    return len(text)


def unlabelled_note_markers(text: str) -> tuple[int, list[tuple[int, int]]]:
    """The number of unlabelled notes in the note list, and the runs of blanks
    that may be their markers: those ending a block before the list.

    >>> unlabelled_note_markers("DAVIS. \\n\\nNext\\n\\n  None. Inclosure.\\n")
    (1, [(6, 7)])
    >>> unlabelled_note_markers("DAVIS. \\n\\n  1. Note.\\n")
    (0, [])
    """
    if "None." not in text:  # the common case, without a scan
        return 0, []
    notes_at = _note_list_start(text)
    count = len(UNLABELLED_NOTE_LINE.findall(text, notes_at))
    if not count:
        return 0, []
    runs = []
    for start, end in _trailing_runs(text):
        if end >= notes_at or start == end:
            continue
        eol = _LINE_END.match(text, end)
        if eol is None or _BLANK_LINE_OR_END.match(text, eol.end()):
            line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            if start > line_start:  # not a blank line
                runs.append((start, end))
    return count, runs


def chosen_markers(text: str, count: int, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of the runs of blanks that may mark unlabelled notes, the marks: one
    blank per note, each ``(start, end)`` a run or the first blanks of one.

    When the runs hold more blanks than there are such notes, some were typed
    by accident. A run that ends a paragraph of prose or a page marker is
    taken for a typist's first: FRUS marks such a note after a heading, a
    despatch's number, a dateline or a signature (33 documents of 33 in
    frus1864p3 and frus1870; after a page marker once, where nothing else
    was left). Of the others, the marks are then all of them when their
    blanks add up; else the runs one blank long, if there are as many as
    notes; else the one run of as many blanks as notes; else the first blanks
    of the only run left (a typist's blanks after the mark); else, of all the
    runs, those one blank long, if there are as many as notes. Before all
    but the first of these, what a single such note says may tell where it
    stands (``_TITLE``, ``_ENCLOSURES``). CC208 says a choice was made; when
    none can be made every run stays, for CC208 to report.

    >>> chosen_markers("", 1, [(6, 8), (16, 17)])
    [(16, 17)]
    >>> chosen_markers("", 1, [(6, 7), (15, 16)])
    [(6, 7), (15, 16)]
    >>> t = "The men shall bear the consequences of their misconduct. \\n\\nU. S. GRANT.   \\n"
    >>> chosen_markers(t, 1, [(56, 57), (71, 74)])
    [(71, 72)]
    """
    if _blanks(runs) == count:
        return runs
    marks = [(start, end) for start, end in runs if not _ends_prose_or_page(text, start)]
    if marks and _blanks(marks) == count:
        return marks
    told = _told_by_the_note(text, count, marks)
    if told is not None:
        return told
    single = [(start, end) for start, end in marks if end - start == 1]
    if len(single) == count:
        return single
    whole = [(start, end) for start, end in marks if end - start == count]
    if len(whole) == 1:
        return whole
    if len(marks) == 1 and _blanks(marks) > count:
        return [(marks[0][0], marks[0][0] + count)]
    single = [(start, end) for start, end in runs if end - start == 1]
    return single if len(single) == count else runs


#: Where the one note printed without a label stands, told by what it says
#: (frus1870, 21 documents of 21 with one such note and one of these texts):
#: a note on the enclosures (``[For this inclosure see …]``, ``[The inclosure
#: is not sent.]``) at the end of the letter, on its signature (12 of 12); a
#: note that titles the paper, in capitals (``CORRESPONDENCE BETWEEN …``,
#: ``THE FISHERIES.``) or a word in brackets on its kind (``[Telegram.]``,
#: ``[Cable telegram.]``, ``[Confidential.]``), above its text, on its number
#: or its heading (9 of 9).
_ENCLOSURES = re.compile(r"\b(?:[Ii]n|[Ee]n)clos(?:ure|ed)")
_TITLE = re.compile(r"[^a-z]*[A-Z]{2}[^a-z]*|\[[A-Z][a-z]+(?: [a-z]+)?\.\]")


def _told_by_the_note(
    text: str, count: int, marks: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """The mark of the one note without a label, if its text says where it
    stands (``_ENCLOSURES``, ``_TITLE``); else None."""
    if count != 1 or not marks:
        return None
    found = UNLABELLED_NOTE_LINE.search(text, _note_list_start(text))
    if found is None:
        return None
    line_end = text.find("\n", found.end())
    note = text[found.end() : line_end if line_end != -1 else len(text)].strip()
    if _ENCLOSURES.search(note):
        # the signature: not the next paper's number, printed after it
        signed = [m for m in marks if not is_despatch_number(_line_before(text, m[0]))]
        return [(signed[-1][0], signed[-1][0] + 1)] if signed else None
    if _TITLE.fullmatch(note):
        return [(marks[0][0], marks[0][0] + 1)]
    return None


def _blanks(runs: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in runs)


#: A line of prose has this many words, this many of them in lower case.
_PROSE_WORDS, _PROSE_LOWER = 6, 3


def _line_before(text: str, end: int) -> str:
    """The line that ends at ``end``, without its blanks."""
    return text[max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1 : end].strip()


def _ends_prose_or_page(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is a line of prose or a page marker."""
    line = _line_before(text, end)
    if PAGE_MARKER.fullmatch(line):
        return True
    words = line.split()
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= _PROSE_WORDS and lower >= _PROSE_LOWER


def trailing_whitespace(text: str) -> Iterator[Edit]:
    """Blanks at the end of a line are invisible and never meant, except:

    - the blanks that mark unlabelled notes. A note printed without a label is
      listed as ``"  None. text"`` and marked by one blank at the end of the
      block it follows (``"J. C. B. DAVIS. "``); when the note list has such
      notes, the blanks that end a block before it stay for the parser, one
      blank per note. (When they do not add up to the number of those notes,
      some were typed by accident: if as many runs as notes are one blank
      long, those stay and the others go; otherwise all stay. CC208 says so
      either way.)
    - a tab at the end of a line (it ends an empty table cell), and the blank
      after the number of an empty note (``"  1. "``), which is part of the
      note list's layout.

    >>> list(trailing_whitespace("word  \\nnext"))
    [Edit(start=4, end=6, replacement='')]
    >>> list(trailing_whitespace("  1. "))
    []
    >>> list(trailing_whitespace("DAVIS. \\n\\n  None. Inclosure.  \\n"))
    [Edit(start=27, end=29, replacement='')]
    """
    count, runs = unlabelled_note_markers(text)
    kept = dict(chosen_markers(text, count, runs))  # start of a run -> end of its mark
    stray = {run for run in runs if kept.get(run[0]) != run[1]}  # the first edit says so
    said = False
    for start, end in _trailing_runs(text):
        is_stray = (start, end) in stray
        if is_stray:
            start = kept.get(start, start)  # the blanks after a mark go
        elif start in kept:
            continue
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if text[start] == " " and _EMPTY_NOTE.match(text, line_start, start):
            start += 1
        if start < end:
            say = not said and is_stray
            said = said or say
            yield Edit(start, end, "", warning=_stray_marks(count) if say else None)


def _stray_marks(count: int) -> Flag:
    return Flag(
        0,
        0,
        "CC208",
        f"the note list has {count} note(s) without a label, and more blanks end blocks "
        f"before it: the {count} single blank(s) were taken for their marks and these "
        "blanks for stray ones",
        "a note without a label is marked by one blank at the end of the block it "
        "follows; check that each such note stands where a single blank is",
    )


def flag_unlabelled_note_markers(text: str) -> Iterator[Flag]:
    """Unlabelled notes whose markers cannot be told from stray blanks."""
    count, markers = unlabelled_note_markers(text)
    blanks = sum(end - start for start, end in markers)
    if count and blanks != count:
        where = markers[0] if markers else (len(text), len(text))
        first = UNLABELLED_NOTE_LINE.search(text)
        if not markers and first is not None:
            where = (first.start(), first.end())
        yield Flag(
            where[0],
            where[1],
            "CC208",
            f"the note list has {count} note(s) without a label, but the blocks before it "
            f"end in {blanks} blank(s): where those notes stand cannot be told",
            "a note without a label is marked by one blank at the end of the block it "
            "follows; remove the other blanks at the ends of blocks",
        )


def no_break_spaces(text: str) -> Iterator[Edit]:
    """No-break spaces (U+00A0, U+202F) become plain spaces.

    Word processors insert them after abbreviations and in numbers; in a
    transcription they only make searching and line breaking fail. (The
    development corpus of official texts has none.)

    >>> [e.replacement for e in no_break_spaces("p.\\u00a0379")]
    [' ']
    """
    for m in _NO_BREAK.finditer(text):
        yield Edit(m.start(), m.end(), " ")


def doubled_spaces(text: str) -> Iterator[Edit]:
    """Two or more spaces between words become one.

    FRUS collapses the blanks inside a block, so a doubled space is always a
    typing slip. Blanks at the start of a line (the note list's indentation)
    and tabs (table cells) are left alone.

    >>> [(e.start, e.end) for e in doubled_spaces("of  the\\n  1. Note")]
    [(2, 4)]
    """
    for m in _DOUBLED.finditer(text):
        yield Edit(m.start(), m.end(), " ")
