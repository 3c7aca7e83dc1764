"""Typographic normalisation: small, named, explainable fixes.

``normalize(text)`` runs :data:`FIXES` in order and returns the new text, the
list of changes (each with its span in the transcription) and the map from
new offsets back to the transcription. Fixes can be switched off by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cableconv.diagnostics import Span
from cableconv.normalize import whitespace
from cableconv.normalize.runner import Change, Edit, Fix, Normalized, run_fixes

FIXES: tuple[Fix, ...] = (
    Fix("byte_order_mark", "encoding", whitespace.byte_order_mark),
    Fix("line_endings", "whitespace", whitespace.line_endings),
    Fix("trailing_whitespace", "whitespace", whitespace.trailing_whitespace),
)
FIX_NAMES = tuple(f.name for f in FIXES)

__all__ = ["FIXES", "FIX_NAMES", "Change", "Edit", "Fix", "Normalized", "normalize"]


def normalize(
    text: str,
    disabled: Iterable[str] = (),
    span_of: Callable[[int, int], Span] | None = None,
) -> Normalized:
    """Normalise a transcription with every fix except those in ``disabled``."""
    off = set(disabled)
    unknown = off - set(FIX_NAMES)
    if unknown:
        raise ValueError(f"unknown fix(es): {', '.join(sorted(unknown))}")
    return run_fixes(text, [f for f in FIXES if f.name not in off], span_of=span_of)
