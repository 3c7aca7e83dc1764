"""File number rule: a source line that gives a decimal-file number gives a
whole one.

The Department's decimal file numbers, as FRUS prints them: a three-digit
class, subdivisions after dots, sometimes a name, a slash and the item
(``761.93/12–1544``, ``861.51/382a``, ``740.0011 European War 1939/12–1544``,
``File No. 861.77Vessels/12``). A source line that starts like one but does
not read as one has lost a slash or a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic
from cableconv.model import Attachment, Block, SourceNote, plain

_ITEM = r"(?:[0-9A-Za-z½¼¾]+(?:[–-][0-9A-Za-z½¼¾]+)*|–)"
_FILE = (
    r"\d{3}[a-z]?(?:\.[0-9A-Za-z]+)*"  # class and subdivisions: 861.51, 861d.00
    # a name: European War 1939, Anti-War, Vessels; bounded, so that a long run
    # of subdivision-like text cannot be re-split at every place (quadratic)
    r"(?: ?[A-Z][\w.,’'\- ]{0,60}?)?"
    r"/" + _ITEM
)
FILE_NUMBER = re.compile(_FILE + r"(?:, ?(?:" + _FILE + "|" + _ITEM + r"))*")
#: A source line that means to give a file number.
_STARTS_LIKE = re.compile(r"^(?:File Nos?\.?\s*)?(?=\d{2,3}[\d.,/-])", re.IGNORECASE)


def _source_notes(blocks: tuple[Block, ...], out: list[SourceNote]) -> None:
    for b in blocks:
        if isinstance(b, SourceNote):
            out.append(b)
        elif isinstance(b, Attachment):
            _source_notes(b.blocks, out)


def file_numbers(ctx: CheckContext) -> Iterator[Diagnostic]:
    notes: list[SourceNote] = []
    _source_notes(ctx.document.blocks, notes)
    for note in notes:
        words = plain(note.content)
        start = _STARTS_LIKE.match(words)
        if start is None:
            continue
        rest = words[start.end() :]
        number = re.split(r":\s|\s\(|;\s", rest, maxsplit=1)[0].rstrip(" .")
        if FILE_NUMBER.fullmatch(number):
            continue
        yield Diagnostic(
            "CC110",
            f"file number {number!r} does not fit the decimal-file pattern (like 761.93/12–1544)",
            note.span,
            hint="check the slash between the file and the item, and the digits",
        )
