"""Page markers: loosely typed ``[page 379]`` become the parser's ``[Page 379]``.

The parser recognises exactly ``[Page N]``; anything else would be read as
text and the page break lost. Only markers whose number is a page number
(``379``, ``379a``, ``xii``) are rewritten, so prose in brackets that starts
with the word (``[page torn]``) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.conventions import PAGE_MARKER, PAGE_MARKER_NUMBERED, PAGE_NUMBER, alone_on_line
from cableconv.normalize.runner import Edit, Flag

#: ``[page 379]``, ``[Page 379 ]``, ``[Page379]``, ``[ PAGE 379 ]``; a roman
#: page number needs its blank (``[Pagexii]`` is not a marker). So does an odd
#: label with a figure in it, which the parser reads as it is: the official
#: texts have ``[Page [240]`` and ``[Page 12.]`` (frus1870, frus1919Parisv11).
#: The editors' label of a page in brackets of its own may be typed loosely
#: too: ``[page []]``, ``[Page [ ]]`` for ``[Page []]`` (frus1919Parisv11), and
#: ``[page [Chart 1]]``.
_LOOSE = re.compile(
    r"\[[ \t]*[Pp][Aa][Gg][Ee](?:[ \t]*(?P<n>\d{1,5}[a-z]?)|[ \t]+(?P<r>" + PAGE_NUMBER + r")"
    r"|[ \t]+(?P<x>[^\]\s]{0,19}\d[^\]\s]{0,19})|[ \t]+\[(?P<b>[^\[\]\n]{0,20})\])"
    r"[ \t]*\]"
)
#: A quoted work's page: a page number and a full stop.
_CITED = re.compile(PAGE_NUMBER + r"\.")
_CANDIDATE = re.compile(r"\[[ \t]*page\b[^\]\n]{0,20}\]", re.IGNORECASE)


def page_markers(text: str) -> Iterator[Edit]:
    """A page marker typed loosely is written the way the parser reads it.

    >>> [e.replacement for e in page_markers("[page 379] [Page 380 ] [Page381]")]
    ['[Page 379]', '[Page 380]', '[Page 381]']
    >>> list(page_markers("[Page 379] [page torn]"))
    []
    >>> [e.replacement for e in page_markers("[page [240] [page 12.] [Page 5. ]")]
    ['[Page [240]', '[Page 12.]', '[Page 5.]']
    >>> [e.replacement for e in page_markers("[page []] [Page [ ]] [page [Chart 1]] [Page []]")]
    ['[Page []]', '[Page []]', '[Page [Chart 1]]']

    ``[page 12.]`` becomes ``[Page 12.]``, which the parser keeps as text: a
    label ending in a full stop is a quoted work's page, not a page break
    (``conventions.PAGE_MARKER``); FRUS prints it so (``[Page 5.]``,
    ``[Page 12.]``, frus1902app1) and never ``[page``.
    """
    for m in _LOOSE.finditer(text):
        label = m.group("n") or m.group("r") or m.group("x")
        if label is None:
            label = f"[{m.group('b').strip()}]"
        marker = f"[Page {label}]"
        if marker != m.group() and (PAGE_MARKER.fullmatch(marker) or _CITED.fullmatch(label)):
            yield Edit(m.start(), m.end(), marker)


def flag_page_markers(text: str) -> Iterator[Flag]:
    """Bracketed text that starts like a page marker but is not one. The
    editors' bracketed label of a page (``[Page [Map 1]]``) is one.

    >>> [f.start for f in flag_page_markers("[Page [240]] [Page []] [Page 12.]")]
    [23]

    ``[Page ]`` alone on its line is a page printed without a number (the
    official TEI's ``<pb n=""/>``): read as one, and said (CC116).

    >>> [f.code for f in flag_page_markers("text\\n\\n[Page ]\\n\\nwas [Page ]in")]
    ['CC116', 'CC205']
    """
    for m in _CANDIDATE.finditer(text):
        whole = PAGE_MARKER.match(text, m.start())
        if whole is not None and whole.group(1).startswith("["):
            continue
        if m.group() == "[Page ]" and alone_on_line(text, m.start(), m.end()):
            yield Flag(
                m.start(),
                m.end(),
                "CC116",
                "page marker without a number: read as a page printed without one",
                "FRUS leaves blank pages unnumbered; if this page has a number, write it: "
                "[Page 379]",
            )
            continue
        if not PAGE_MARKER_NUMBERED.fullmatch(m.group()):
            yield Flag(
                m.start(),
                m.end(),
                "CC205",
                f"{m.group()!r} looks like a page marker but has no page number",
                "write page markers as [Page 379]; leave other bracketed text as it is",
            )
