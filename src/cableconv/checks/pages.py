"""Page marker rules: markers the parser cannot read, page numbers out of order.

The parser reads exactly ``[Page 379]``; normalisation rewrites loosely typed
markers (``[page 379]``, ``[Page379]``). What is still not a marker after that
would silently lose a page break, so it is an error. Bracketed prose that
starts with the word (``[page torn]``) is not a marker and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.conventions import PAGE_MARKER, PAGE_NUMBER, alone_on_line
from cableconv.diagnostics import Diagnostic

#: Starts like a page marker: a bracket, the word, perhaps a page number.
_OPENING = re.compile(
    r"\[[ \t]*page(?:[ \t]*(?P<n>\d{1,5}[a-z]?)|[ \t]+(?P<r>" + PAGE_NUMBER + r"))?(?![A-Za-z])",
    re.IGNORECASE,
)
#: What follows ``[Page 1`` in ``[Page 1 73]`` or ``[Page 12, 13]``: more digits.
_JUNK_NUMBER = re.compile(r"[ \t.,–-]+[0-9ivxlcdmIVXLCDM][0-9ivxlcdmIVXLCDM \t.,–-]*\]")
#: ``Page 379]``: the closing half of a marker whose bracket was lost.
_NO_OPENING = re.compile(r"(?<![\[\w])Page[ \t]*(\d{1,5}[a-z]?)[ \t]*\]")


def malformed_markers(ctx: CheckContext) -> Iterator[Diagnostic]:
    """``[Page]``, ``[Page 12`` (not closed), ``Page 12]`` (not opened) and a
    marker normalisation did not repair (``[page 12]`` with the fix off).

    ``[Page ]`` alone on its line is a page printed without a number (FRUS
    leaves blank pages and some plates unnumbered; the official TEI writes
    ``<pb n=""/>``): read, and warned by the normaliser (CC116, in
    ``convert`` as in ``check``). Inside the text it is an error, as a page
    of running text always has its number."""
    text = ctx.text
    hint = "write page markers exactly as [Page 379]"
    for m in _OPENING.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        rest = text[m.end() : line_end]
        closing = re.match(r"[ \t]*\]", rest)
        number = m.group("n") or m.group("r")
        whole_end = m.end() + closing.end() if closing else m.end()
        if number is None and closing:  # [Page] or [Page ]
            if text[m.start() : whole_end] == "[Page ]" and alone_on_line(
                text, m.start(), whole_end
            ):
                continue  # a page printed without a number: the normaliser says so (CC116)
            yield ctx.diag(
                "CC106",
                "page marker without a page number",
                m.start(),
                whole_end,
                hint=hint,
            )
            continue
        if closing and PAGE_MARKER.fullmatch(text[m.start() : whole_end]):
            continue
        if number is None:
            continue  # [page torn]: bracketed prose
        if closing:
            found = text[m.start() : whole_end]
            yield ctx.diag(
                "CC106",
                f"malformed page marker {found!r}: the parser reads only [Page {number}]",
                m.start(),
                whole_end,
                hint=hint,
            )
        elif re.match(r"\.[ \t]*\]", rest):
            yield ctx.diag(
                "CC115",
                f"'[Page {number}.]' is kept as text: a page label never ends in a full stop",
                m.start(),
                m.end() + rest.index("]") + 1,
                hint="if it is a page break of this volume, write it as "
                f"[Page {number}]; a page of a quoted work stays as typed",
            )
        elif junk := _JUNK_NUMBER.match(rest):
            found = text[m.start() : m.end() + junk.end()]
            yield ctx.diag(
                "CC106",
                f"malformed page marker {found!r}: the page number is not one number",
                m.start(),
                m.end() + junk.end(),
                hint=hint,
            )
        elif "]" not in rest:
            yield ctx.diag(
                "CC106",
                f"page marker '[Page {number}' is not closed with ']'",
                m.start(),
                m.end(),
                hint=hint,
            )
    for m in _NO_OPENING.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        if before.count("[") > before.count("]"):
            continue  # inside an editorial bracket: "[see Page 12]"
        yield ctx.diag(
            "CC106",
            f"page marker 'Page {m.group(1)}]' has no opening '['",
            m.start(),
            m.end(),
            hint=hint,
        )


def page_sequence(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Numeric page numbers increase by one from marker to marker.

    A page number that goes back or repeats is an error; a skipped page (a
    map or a plate, or a lost marker) is a warning.
    """
    prev: tuple[int, str] | None = None
    for mark in ctx.landmarks:
        if mark.kind != "page" or not mark.n.isdigit():
            continue
        n = int(mark.n)
        if prev is not None:
            p = prev[0]
            if n <= p:
                yield Diagnostic(
                    "CC301",
                    f"page {n} comes after page {p}; page numbers must increase",
                    mark.span,
                    hint="check the number of this [Page] marker and of the one before",
                )
            elif n > p + 1:
                missing = f"page {p + 1}" if n == p + 2 else f"pages {p + 1}–{n - 1}"
                yield Diagnostic(
                    "CC107",
                    f"page {n} follows page {p}: {missing} missing",
                    mark.span,
                    hint="check for a lost [Page] marker; a page of plates or maps may "
                    "be skipped on purpose",
                )
        prev = (n, mark.n)
