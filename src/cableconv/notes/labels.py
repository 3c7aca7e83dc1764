"""The list of notes at the end of a transcription: one note a line,
``"  1. Sent by the United States Naval Attaché …"``."""

from __future__ import annotations

from dataclasses import dataclass

from cableconv.conventions import NOTE_HEAD, UNLABELLED_NOTE_LINE


@dataclass(frozen=True)
class NoteEntry:
    """One line of the list of notes: its number and where its text stands."""

    n: str
    text_start: int
    text_end: int
    line_start: int


def read_note_list(lines: list[tuple[int, str]]) -> list[NoteEntry] | None:
    """The notes of a final block, if every line of it is a note line; a
    note printed without a mark (``"  None. …"``) has the empty label.

    >>> [note.n for note in read_note_list([(0, "  1. Sent."), (11, "  None. [Inclosure.]")])]
    ['1', '']
    """
    entries: list[NoteEntry] = []
    for start, line in lines:
        m = NOTE_HEAD.match(line)
        label = m["n"] if m is not None else ""
        if m is None:
            m = UNLABELLED_NOTE_LINE.match(line)
        text = _note_text(line, m.end()) if m is not None else None
        if m is None or text is None:
            return None
        entries.append(NoteEntry(label, start + text[0], start + text[1], start))
    return entries


def _note_text(line: str, head_end: int) -> tuple[int, int] | None:
    """Where the text of a note line stands, after its head ``"  1."``: from
    after the one blank that follows the dot to the last character that is
    not a blank; empty (at ``head_end``) for a note printed empty; ``None``
    when the line is not a note line (``"  1.5 per cent"``).

    Done with string methods, not a regular expression: the lazy pattern
    with optional trailing blanks it replaces backtracked over a long run of
    blanks inside the line once per blank, a cost in the square of the line.

    >>> _note_text("  1. Sent to London.  ", 4)
    (5, 20)
    >>> _note_text("  1.", 4), _note_text("  1.5 per cent", 4)
    ((4, 4), None)
    """
    rest = line[head_end:]
    body = rest.rstrip()
    if not body:
        return head_end, head_end
    if not rest.startswith(" "):
        return None
    return head_end + 1, head_end + len(body)
