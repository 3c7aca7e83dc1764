"""Ellipses: three typed dots become the ellipsis character FRUS prints.

The official texts print an omission two ways, and we keep both as they
are: the ellipsis character ``…`` (``Francis … Willard concurs``) and spaced
dots (``. . . .``, and the rows of dots that mark an omitted passage). A
typist writes the first as three unspaced dots, which FRUS never prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.normalize.runner import Edit, Flag

_DOTS = re.compile(r"\.{3,}")
#: What a run of typed dots stands for; longer runs are leaders or rules.
#: Four are a sentence's full stop and an ellipsis: ``better.…”``
#: (frus1934v05, three times; never ``….``).
_ELLIPSIS_FOR = {3: "…", 4: ".…", 6: "……"}


def ellipses(text: str) -> Iterator[Edit]:
    """Three unspaced dots are an ellipsis ``…``; six are two, and four are a
    full stop and an ellipsis. Longer runs (dot leaders) are left alone.

    >>> [e.replacement for e in ellipses("the following ... and....")]
    ['…', '.…']
    >>> list(ellipses(". . . ."))
    []
    """
    if "..." not in text:
        return  # most texts: spare the pattern
    for m in _DOTS.finditer(text):
        replacement = _ELLIPSIS_FOR.get(len(m.group()))
        if replacement is not None:
            yield Edit(m.start(), m.end(), replacement)


def flag_dots(text: str) -> Iterator[Flag]:
    """Runs of dots that are no whole number of ellipses were left as typed."""
    if "..." not in text:
        return
    for m in _DOTS.finditer(text):
        n = len(m.group())
        if n not in _ELLIPSIS_FOR:
            yield Flag(
                m.start(),
                m.end(),
                "CC206",
                f"{n} dots in a row left as typed",
                "type an omission as ... (three dots) or as spaced dots . . .",
            )
