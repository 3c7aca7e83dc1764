"""Date rules: a dateline whose date cannot be read, dates that do not exist.

The parser reads the date of each dateline (``June 23, 1936—5 p.m.``) and
reports what it cannot read; these rules add what it cannot see: a day the
month does not have (``February 30``) or a time that is not one
(``13 p.m.``) anywhere in the text. In a dateline that is an error, since
the TEI's ``date/@when`` cannot be written; elsewhere it is a warning (the
original may print it so; keep it and add ``[sic]`` if so).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.conventions import MONTH_NAME, UNDATED, month_number
from cableconv.diagnostics import Diagnostic
from cableconv.model import Attachment, Block, Dateline, DateText, plain

_MONTH = r"(?P<month>" + MONTH_NAME + ")"
_MDY = re.compile(
    _MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?P<year>1[6-9]\d\d|20\d\d)\b)?"
)
_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? " + _MONTH + r",? (?P<year>1[6-9]\d\d|20\d\d)\b"
)
_TIME = re.compile(r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))? ?(?P<ampm>[ap])\.\s?m\.")


def _impossible(m: re.Match[str]) -> str | None:
    month = month_number(m["month"])
    day = int(m["day"])
    if m["year"]:
        days = calendar.monthrange(int(m["year"]), month)[1]
    else:
        days = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if 1 <= day <= days:
        return None
    name = calendar.month_name[month]
    return f"{m.group(0)!r} is not a date: {name} has {days} days" + (
        f" in {m['year']}" if m["year"] and month == 2 else ""
    )


def _dateline_ranges(blocks: tuple[Block, ...], out: list[tuple[int, int]]) -> None:
    for b in blocks:
        if isinstance(b, Dateline):
            out.append((b.span.start, b.span.end))
        elif isinstance(b, Attachment):
            _dateline_ranges(b.blocks, out)


def impossible_dates(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Days a month does not have, and hours a clock does not show."""
    ranges: list[tuple[int, int]] = []
    _dateline_ranges(ctx.document.blocks, ranges)
    already = {ctx.line(d.span) for d in ctx.reported("CC109") if d.span}

    def in_dateline(offset: int) -> bool:
        return any(s <= offset < e for s, e in ranges)

    text = ctx.text
    found: list[tuple[int, int, str]] = []
    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            problem = _impossible(m)
            if problem:
                found.append((m.start(), m.end(), problem))
    for m in _TIME.finditer(text):
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if not (1 <= hour <= 12 and minute <= 59):
            found.append((m.start(), m.end(), f"{m.group(0)!r} is not a time of day"))
    for start, end, problem in sorted(found):
        span = ctx.span(start, end)
        if ctx.line(span) in already:
            continue  # the parser said it
        dateline = in_dateline(span.start)
        yield Diagnostic(
            "CC109" if dateline else "CC114",
            problem + (" (in the dateline)" if dateline else ""),
            span,
            hint="check the day and month against the original"
            + ("" if dateline else "; if it prints this date, keep it and add [sic]"),
        )


def unreadable_datelines(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A dateline with no date the parser can read, that does not say it is
    undated (the parser reports those it sees; this catches the rest)."""
    seen = {ctx.line(d.span) for d in ctx.reported("CC108") if d.span}
    datelines: list[Dateline] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for b in blocks:
            if isinstance(b, Dateline):
                datelines.append(b)
            elif isinstance(b, Attachment):
                walk(b.blocks)

    walk(ctx.document.blocks)
    for d in datelines:
        if any(isinstance(node, DateText) for node in d.content) or ctx.line(d.span) in seen:
            continue
        words = plain(d.content)
        if UNDATED.search(words):
            continue
        yield Diagnostic(
            "CC108",
            f"dateline {' '.join(words.split())!r} has no date that can be read",
            d.span,
            hint="write the date as 'June 23, 1936' or '23 June 1936', or 'undated'",
        )
