"""Normalisation rule: text that ``cableconv normalize`` would change.

A transcription accepted into a collection should already read as printed:
curly quotes, en dashes in file numbers, canonical page markers. Every change
normalisation would make is reported where it would be made. Whitespace fixes
(line endings, trailing blanks) are reported once per fix, with a count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic, Span
from cableconv.normalize import FIXES

_FAMILY = {fix.name: fix.family for fix in FIXES}
_SUMMARISED = {"whitespace", "encoding"}


def would_change(ctx: CheckContext) -> Iterator[Diagnostic]:
    by_fix: dict[str, int] = {}
    first: dict[str, Diagnostic] = {}
    for change in ctx.normalized.changes:
        family = _FAMILY.get(change.fix, "")
        span = Span(change.start, change.end)
        if family in _SUMMARISED:
            by_fix[change.fix] = by_fix.get(change.fix, 0) + 1
            if change.fix not in first:
                first[change.fix] = Diagnostic(
                    "CC113",
                    f"{change.fix}: normalisation would change {change.before!r} "
                    f"to {change.after!r}",
                    span,
                    hint=_hint(change.fix),
                )
            continue
        yield Diagnostic(
            "CC113",
            f"{change.fix}: normalisation would change {change.before!r} to {change.after!r}",
            span,
            hint=_hint(change.fix),
        )
    for fix, diag in first.items():
        count = by_fix[fix]
        if count == 1:
            yield diag
        else:
            yield replace(diag, message=f"{diag.message} (and {count - 1} more like it)")


def _hint(fix: str) -> str:
    return (
        f"make the change by hand or with cableconv's normaliser; if the text is right "
        f"as it is, convert with --no-fix {fix}"
    )
