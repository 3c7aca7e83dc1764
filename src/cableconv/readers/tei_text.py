"""Whitespace: how the text of FRUS TEI becomes the text of the model.

FRUS TEI is pretty-printed, so a run of whitespace in its text (line breaks
and indentation included) stands for one space; only ``lb`` breaks a line.
Where a block is displayed (history.state.gov, and the scorer's
``frus_record.py`` that copies it), each of its lines is stripped and empty
lines at its start and end are dropped. The model holds the text as it is
displayed, so that every writer prints what a reader of the volume sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeGuard, Union

from cableconv.model import DateText, Inline, LineBreak, Name, Text

#: XML's whitespace (a no-break space is text: ``p.\u00a05`` stays together),
#: in the runs that are not already one space: single spaces between words
#: are not matched, which halves the time on a volume.
_WS = re.compile(r"[\t\r\n][ \t\r\n]*| [ \t\r\n]+")
_SPACES = re.compile(r" {2,}")


def collapse(text: str | None) -> str:
    """Every run of whitespace as one space (the ends are kept: a space
    between two elements is a real space).

    >>> collapse("Paris,\\n        August 3")
    'Paris, August 3'
    >>> collapse("  ")
    ' '
    """
    if not text:
        return ""
    if "\n" not in text and "\t" not in text and "  " not in text and "\r" not in text:
        return text  # most text nodes: nothing to do, and no regex to run
    return _WS.sub(" ", text)


@dataclass(frozen=True, eq=False)
class Mark:
    """An invisible place in inline content (where a ``signed`` starts or
    ends), kept where it stands while the content is trimmed."""

    name: str


Piece = Union[Inline, Mark]  # noqa: UP007


def _textual(node: Piece) -> TypeGuard[Text | Name | DateText]:
    return isinstance(node, Text | Name | DateText)


def _with_text(node: Inline, text: str) -> Inline:
    if isinstance(node, Name):
        return Name(text, node.kind, node.role, node.span)
    if isinstance(node, DateText):
        return DateText(text, node.when, node.span)
    assert isinstance(node, Text)
    return Text(text, node.span)


def _strip_start(line: list[Piece]) -> None:
    """Drop the blanks a line starts with (marks do not count as text)."""
    i = 0
    while i < len(line):
        node = line[i]
        if isinstance(node, Mark):
            i += 1
            continue
        if not _textual(node):
            return
        text = node.text.lstrip(" ")
        if text:
            line[i] = _with_text(node, text)
            return
        del line[i]


def _strip_end(line: list[Piece]) -> None:
    i = len(line) - 1
    while i >= 0:
        node = line[i]
        if isinstance(node, Mark):
            i -= 1
            continue
        if not _textual(node):
            return
        text = node.text.rstrip(" ")
        if text:
            line[i] = _with_text(node, text)
            return
        del line[i]
        i -= 1


def _empty(line: list[Piece]) -> bool:
    return all(isinstance(node, Mark) for node in line)


def trim(content: list[Piece]) -> list[Piece]:
    """Inline content as its block is displayed: each line stripped, doubled
    spaces made one, empty lines at both ends dropped (their marks move to the
    nearest line kept), empty text nodes gone.

    >>> from cableconv.diagnostics import Span
    >>> at = Span(0, 0)
    >>> out = trim([LineBreak(at), Text(" For the  Ambassador: ", at), LineBreak(at),
    ...             Text(" X", at)])
    >>> [getattr(n, "text", "|") for n in out]
    ['For the Ambassador:', '|', 'X']
    """
    single = content[0] if len(content) == 1 else None
    if isinstance(single, Text):  # most blocks: one text
        text = single.text
        text = (_SPACES.sub(" ", text) if "  " in text else text).strip(" ")
        return [Text(text, single.span)] if text else []
    lines: list[list[Piece]] = [[]]
    breaks: list[LineBreak] = []
    for node in content:
        if isinstance(node, LineBreak):
            breaks.append(node)
            lines.append([])
        elif isinstance(node, Text) and "  " in node.text:
            lines[-1].append(Text(_SPACES.sub(" ", node.text), node.span))
        elif not (isinstance(node, Text) and not node.text):
            lines[-1].append(node)
    for line in lines:
        _strip_start(line)
        _strip_end(line)
    first, last = 0, len(lines) - 1
    while first < last and _empty(lines[first]):
        lines[first + 1][:0] = lines[first]  # marks move down to the first line kept
        first += 1
    while last > first and _empty(lines[last]):
        lines[last - 1].extend(lines[last])
        last -= 1
    out: list[Piece] = []
    for k in range(first, last + 1):
        if k > first:
            out.append(breaks[k - 1])
        out.extend(lines[k])
    return out


def visible(content: list[Piece]) -> bool:
    """Does the content show anything (a block that shows nothing is not
    displayed at all)?"""
    return any(not isinstance(node, Mark | LineBreak) for node in content)


def inlines(content: list[Piece]) -> tuple[Inline, ...]:
    """The content without its marks."""
    return tuple(node for node in content if not isinstance(node, Mark))
