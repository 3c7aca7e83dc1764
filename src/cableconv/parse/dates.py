"""Reading the date of a dateline: ``June 23, 1936—5 p.m.`` -> ``1936-06-23T17:00:00``.

FRUS datelines give the date as printed (``April 3, 1917, 6 p.m.``,
``21 March 1944``, ``September 28, 1918, noon``); the TEI carries it in ISO
form in ``date/@when``. A receipt line (``[Received June 23—3 p.m.]``) is not
the document's date and is never read here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from cableconv.conventions import MONTH_NAME_LOOSE, month_number

_MONTH = r"(?P<month>" + MONTH_NAME_LOOSE + ")"
_TIME = (
    r"(?:,?\s*|\s*[—–-]\s*)"
    r"(?P<time>(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.)"
    r"|(?:12\s+)?(?P<word>noon|midnight))"
)
_DATE_MDY = re.compile(
    _MONTH
    + r"\s+(?P<day>\d{1,2})(?:/\d{1,2})?(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?:"
    + _TIME
    + r")?",
    re.IGNORECASE,
)
_DATE_DMY = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?:" + _TIME + r")?",
    re.IGNORECASE,
)
_RECEIVED = re.compile(r"[\[(]\s*Received\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a dateline: where it stands and its ISO value."""

    start: int
    end: int
    when: str | None
    problem: str | None = None


def find_date(text: str) -> FoundDate | None:
    """The document date in a dateline's text, or None.

    >>> find_date("Cairo, June 23, 1936—5 p.m.").when
    '1936-06-23T17:00:00'
    >>> find_date("London, 21 March 1944.").when
    '1944-03-21'
    >>> find_date("Harbin, undated. [Received September 17, 1917, 4.30 p.m.]") is None
    True
    """
    received = _RECEIVED.search(text)
    limit = received.start() if received else len(text)
    head = text[:limit]
    best: re.Match[str] | None = None
    for rx in (_DATE_MDY, _DATE_DMY):
        m = rx.search(head)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    return _to_found(best)


def _to_found(m: re.Match[str]) -> FoundDate:
    year, month, day = int(m["year"]), month_number(m["month"]), int(m["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return FoundDate(m.start(), m.end(), None, f"{m.group(0)!r} is not a date")
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    hour: int | None = None
    minute = 0
    if m["word"]:
        # FRUS dates "midnight" to the start of the day it names
        hour = 12 if m["word"].lower() == "noon" else 0
    elif m["hour"]:
        hour = int(m["hour"])
        minute = int(m["minute"] or 0)
        pm = m["ampm"].lower().startswith("p")
        if hour > 12 or minute > 59:
            return FoundDate(m.start(), m.end(), iso, f"{m['time']!r} is not a time of day")
        if pm and hour != 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    end = m.end() if m["time"] or m["word"] else m.end("year")
    if hour is None:
        return FoundDate(m.start(), end, iso)
    return FoundDate(m.start(), end, f"{iso}T{hour:02d}:{minute:02d}:00")
