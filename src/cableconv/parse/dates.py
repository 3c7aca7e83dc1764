"""Reading the date of a dateline: ``June 23, 1936—5 p.m.`` -> ``1936-06-23T17:00:00``.

FRUS datelines give the date as printed (``April 3, 1917, 6 p.m.``,
``21 March 1944``, ``September 28, 1918, noon``); the TEI carries it in ISO
form in ``date/@when``. A receipt line (``[Received June 23—3 p.m.]``) is not
the document's date and is never read here.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cableconv.conventions import MONTH_NAME_LOOSE, PLACE_TIME_ZONES, month_number

_MONTH = r"(?P<month>" + MONTH_NAME_LOOSE + ")"
#: ``3d``, ``1st``, ``30th``: the ordinal endings of a day (``d`` in the 1880s).
_ORD = r"(?:st|nd|rd|th|d)?"
#: What may stand between the day and the year, besides a comma: a second
#: day (``November 4 and 6, 1863``), a range (``July 13–25, 1864``,
#: ``May 20–June 1, 1864``, Russian notes giving both calendars), the other
#: calendar (``November 20 (December 2), 1897``, ``February 20/March 4,
#: 1897``), an editor's correction or
#: doubt (``November 6 [8], 1919``, ``January 3[5?], 1925``, ``December 25
#: [and 26], 1917``, ``October 24?, 1917``). The document's date is the first
#: day named: so the official volumes date them.
_BETWEEN = (
    r"(?:\?|\s?\[[^\[\]\n]{1,16}\]|\s\([^()\n]{1,20}\)|\s(?:and|&)\s\d{1,2}"
    + _ORD
    + r"|\s?[–/-]\s?(?:"
    + MONTH_NAME_LOOSE
    + r"\s)?\d{1,2}"
    + _ORD
    + r")?"
)
#: Before the year: a doubt (``March 21, (?) 1897``), an era (``August 30,
#: A. D. 1870``); after it, a corrected year (``January 3, 1924 [1925]``).
_YEAR = r"(?:\(\?\)\s*|A\.\s?D\.\s*)?(?P<year>\d{4})(?:\s?\[\d{4}\??\])?"
_TIME = (
    r"(?:\]?,?\s*|\]?\s*[—–-]\s*)"
    r"(?P<time>(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.)"
    r"|(?:12\s+)?(?P<word>noon|midnight))"
)
_DATE_MDY = re.compile(
    _MONTH
    + r",?\s+(?P<day>\d{1,2})"
    + _ORD
    + _BETWEEN
    + r"[.,]?\s+"
    + _YEAR
    + r"(?:"
    + _TIME
    + r")?",
    re.IGNORECASE,
)
_DATE_DMY = re.compile(
    r"(?P<day>\d{1,2})"
    + _ORD
    + r"\s+(?:of\s+)?"
    + _MONTH
    + r",?\s+"
    + _YEAR
    + r"(?:"
    + _TIME
    + r")?",
    re.IGNORECASE,
)
#: A day and month without the year (``August 19. (Received August 20,
#: 1870.)``): the year is the receipt's.
_DATE_MD = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r"\b", re.IGNORECASE)
#: A month and year without the day (``August, 1901``, ``May 1919``; a
#: draft's day left blank, ``July , 1934``, frus1934v05): the official
#: volumes date it to the first of the month.
_DATE_MY = re.compile(_MONTH + r"\s?,?\s+(?P<year>\d{4})\b", re.IGNORECASE)
_RECEIVED = re.compile(r"[\[(]\s*Received\b", re.IGNORECASE)
#: What every date above needs, a month's name and a digit: a text without
#: either is answered without trying them one by one (most texts asked about
#: are names and sentences).
_ANY_MONTH = re.compile(MONTH_NAME_LOOSE, re.IGNORECASE)
_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a dateline: where it stands and its ISO value."""

    start: int
    end: int
    when: str | None
    problem: str | None = None
    #: what was assumed to complete the date (no year, no day), if anything
    assumed: str | None = None


@functools.lru_cache(maxsize=8192)
def find_date(text: str) -> FoundDate | None:
    """The document date in a dateline's text, or None.

    >>> find_date("Cairo, June 23, 1936—5 p.m.").when
    '1936-06-23T17:00:00'
    >>> find_date("London, 21 March 1944.").when
    '1944-03-21'
    >>> find_date("Washington, May 20–June 1, 1864.").when
    '1864-05-20'
    >>> find_date("Washington, November 6 [8], 1919—1 p.m.").when
    '1919-11-06T13:00:00'
    >>> find_date("August 19. (Received August 20, 1870.)").when
    '1870-08-19'
    >>> find_date("Department of State, Washington, August, 1901.").when
    '1901-08-01'
    >>> find_date("Port-au-Prince, July , 1934.").when
    '1934-07-01'
    >>> find_date("Lima, September 13, 1870—10.45 p. m.").when
    '1870-09-13'
    >>> find_date("Harbin, undated. [Received September 17, 1917, 4.30 p.m.]") is None
    True
    """
    received = _RECEIVED.search(text)
    limit = received.start() if received else len(text)
    head = text[:limit]
    if _ANY_DIGIT.search(head) is None or _ANY_MONTH.search(head) is None:
        return None
    best: re.Match[str] | None = None
    for rx in (_DATE_MDY, _DATE_DMY):
        m = rx.search(head)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is not None:
        return _to_found(best)
    return _partial(head, text[limit:])


#: A date in figures at the end of a place line, day then month, the year
#: whole or shortened (``Clonmel Prison, Tipperary, 23, 2, ʼ82.``, a
#: prisoner's letter, frus1882): the day and month stand between commas or
#: strokes, the shortened year after an apostrophe.
_DATE_FIGURES = re.compile(
    r"(?<=,\s)(?P<day>[0-3]?\d)(?P<sep>[,/.])\s?(?P<month>[01]?\d)(?P=sep)\s?"
    r"(?:[ʼ’'](?P<short>\d{2})|(?P<year>1[6-9]\d{2}))(?=\.?$)"
)


def find_figures_date(text: str, near_year: int | None) -> FoundDate | None:
    """A date in figures, day then month, at the end of ``text``. What is
    assumed is said in ``assumed``: a shortened year is completed to the
    year nearest ``near_year`` (the document's own date); figures that could
    be either the day or the month (``4/7/1870``) are read day first, as the
    one such date of the corpus is (``23, 2, ʼ82``).

    >>> find_figures_date("Clonmel Prison, Tipperary, 23, 2, ʼ82.", 1882).when
    '1882-02-23'
    >>> find_figures_date("Clonmel Prison, Tipperary, 23, 2, ʼ82.", None) is None
    True
    >>> found = find_figures_date("Rome, 4/7/1870.", None)
    >>> found.when, found.assumed
    ('1870-07-04', 'the figures 4/7 read day first')
    >>> find_figures_date("Rome, 23/2/1870.", None).assumed is None
    True
    """
    m = _DATE_FIGURES.search(text)
    if m is None:
        return None
    day, month = int(m["day"]), int(m["month"])
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        return None
    assumed: list[str] = []
    if day <= 12 and day != month:
        assumed.append(f"the figures {day}{m['sep']}{month} read day first")
    if m["year"]:
        year = int(m["year"])
    elif near_year is None:
        return None
    else:
        short = int(m["short"])
        year = min(
            (c * 100 + short for c in (near_year // 100 - 1, near_year // 100)),
            key=lambda y: abs(y - near_year),
        )
        assumed.append(f"the year ʼ{m['short']} read as {year}, nearest the document's date")
    if day > calendar.monthrange(year, month)[1]:
        return None
    when = f"{year:04d}-{month:02d}-{day:02d}"
    return FoundDate(m.start(), m.end(), when, assumed="; ".join(assumed) or None)


#: A receipt printed in parentheses on the dateline's own line (``August 26,
#: 1870. (Received September 8, 1870.)``): the vendor volumes of 1870-1901
#: print it so, the later ones bracket it (``[Received …]``) on a line of
#: its own.
_RECEIPT_MONTH = re.compile(r"\(\s*Received:?\s+" + _MONTH, re.IGNORECASE)


def receipt_in_other_month(text: str, found: FoundDate) -> bool:
    """Does a receipt in parentheses after the date ``found`` in ``text``
    name another month than the date's own?

    The official encoding of such datelines is inconsistent: where the
    receipt is part of the TEI ``<date>`` (frus1870, frus1872p2v5: 48 of
    84), ``@when`` takes the receipt's month with the day the paper was
    sent (``October 25, 1870. (Received November 14, 1870.)`` ->
    ``1870-11-25``), elsewhere the day sent (frus1882, frus1897: all of
    some 230). The parser writes the day sent; the caller warns.

    >>> t = "Paris, October 25, 1870. (Received November 14, 1870.)"
    >>> receipt_in_other_month(t, find_date(t))
    True
    >>> t = "Paris, October 25, 1870. (Received October 30.)"
    >>> receipt_in_other_month(t, find_date(t))
    False
    """
    if found.when is None:
        return False
    m = _RECEIPT_MONTH.search(text, found.end)
    if m is None:
        return False
    return month_number(m["month"]) != int(found.when[5:7])


def _partial(head: str, receipt: str) -> FoundDate | None:
    """A date that names no year or no day: the year from the receipt that
    follows it, or the first of the month."""
    m = _DATE_MD.search(head)
    if m is not None and receipt:
        later = next((d for rx in (_DATE_MDY, _DATE_DMY) if (d := rx.search(receipt))), None)
        if later is not None:
            year = int(later["year"])
            if month_number(m["month"]) > month_number(later["month"]):
                year -= 1  # sent in December, received in January
            found = _checked(m, year, month_number(m["month"]), int(m["day"]))
            return replace(found, assumed=f"the year {year} is the receipt's")
    m = _DATE_MY.search(head)
    if m is not None:
        found = _checked(m, int(m["year"]), month_number(m["month"]), 1)
        return replace(found, assumed="no day is given: dated to the first of the month")
    return None


def _checked(m: re.Match[str], year: int, month: int, day: int) -> FoundDate:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return FoundDate(m.start(), m.end(), None, f"{m.group(0)!r} is not a date")
    return FoundDate(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}")


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
    if m["ampm"] and " " in m["ampm"]:
        # ``10.45 p. m.``, spaced, is the typography of the vendor volumes of
        # the 1860s and 1870s, whose @when gives the day only (5 of 5,
        # frus1870); ``p.m.`` from the 1890s on gives the time (1,600 of 1,600)
        hour = None
    if hour is None:
        return FoundDate(m.start(), end, iso)
    return FoundDate(m.start(), end, f"{iso}T{hour:02d}:{minute:02d}:00")


def with_zone(text: str, found: FoundDate) -> str | None:
    """``found.when`` with the UTC offset of the place that starts ``text``
    (a dateline), or None when the place's zone is not known
    (:data:`~cableconv.conventions.PLACE_TIME_ZONES`). The offset is the one
    in force on that day: summer time included.

    >>> t = "Washington, January 10, 1955, 12:05 p.m."
    >>> with_zone(t, find_date(t))
    '1955-01-10T12:05:00-05:00'
    >>> t = "Washington, July 10, 1955, 12:05 p.m."
    >>> with_zone(t, find_date(t))
    '1955-07-10T12:05:00-04:00'
    >>> t = "Taipei, January 10, 1955, 5 p.m."
    >>> with_zone(t, find_date(t)) is None
    True
    """
    if found.when is None or "T" not in found.when:
        return found.when
    place = text[: found.start].split(",")[0].strip().lower()
    zone = PLACE_TIME_ZONES.get(place)
    if zone is None:
        return None
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):  # no time-zone database installed
        return None
    offset = datetime.fromisoformat(found.when).replace(tzinfo=tz).strftime("%z")
    return f"{found.when}{offset[:3]}:{offset[3:]}"
