"""The change log of a normalisation: as text, as JSON, as a unified diff.

Every change points into the transcription as ``file:line:col``, counted the
way an editor counts: lines and columns from 1, a byte-order mark at the
start of the file not counted as a column.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from typing import Any

from cableconv.diagnostics import Diagnostic, Span, sort_diagnostics
from cableconv.normalize import FIXES, Change, Normalized
from cableconv.source import LineIndex

_FAMILY = {f.name: f.family for f in FIXES}
_VISIBLE = str.maketrans(
    {
        "\\": "\\\\",
        "'": "\\'",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
        "\ufeff": "\\ufeff",
        "\u00a0": "\\u00a0",
        "\u202f": "\\u202f",
    }
)


def shown(text: str) -> str:
    """``text`` in single quotes, with invisible characters spelt out.

    >>> print(shown("\\r\\n"), shown("'"), shown("—"))
    '\\r\\n' '\\'' '—'
    """
    visible = "".join(
        ch if ch.isprintable() or ch in "\n\r\t" else f"\\u{ord(ch):04x}"
        for ch in text.translate(_VISIBLE)
    )
    return f"'{visible}'"


def change_record(change: Change, lines: LineIndex) -> dict[str, Any]:
    """One change as JSON-ready data: its span as offsets and as ``line:col``."""
    span = Span(change.start, change.end)
    place = lines.place(span)
    return {
        "fix": change.fix,
        "family": _FAMILY.get(change.fix, ""),
        "before": change.before,
        "after": change.after,
        "span": span.to_json() | place.to_json(),
    }


def explain_lines(normalized: Normalized, name: str) -> list[str]:
    """One line per change: ``file:line:col fix 'before' → 'after'``."""
    lines = LineIndex.of(normalized.original)
    out = []
    for c in normalized.changes:
        line, col = lines.position(c.start)
        out.append(f"{name}:{line}:{col} {c.fix} {shown(c.before)} → {shown(c.after)}")
    return out


def render_text(normalized: Normalized, name: str) -> str:
    """The change log as text: the changes, then the warnings, then a count per fix."""
    lines = explain_lines(normalized, name)
    lines.extend(d.format() for d in _located(normalized, name))
    counts = Counter(c.fix for c in normalized.changes)
    summary = ", ".join(f"{fix} {n}" for fix, n in sorted(counts.items())) or "nothing"
    lines.append(f"{name}: {len(normalized.changes)} change(s): {summary}")
    return "\n".join(lines) + "\n"


def to_json(normalized: Normalized, name: str) -> dict[str, Any]:
    """The change log as JSON-ready data."""
    lines = LineIndex.of(normalized.original)
    return {
        "file": name,
        "changed": normalized.text != normalized.original,
        "changes": [change_record(c, lines) for c in normalized.changes],
        "warnings": [d.to_json() for d in _located(normalized, name)],
        "counts": dict(sorted(Counter(c.fix for c in normalized.changes).items())),
    }


def _located(normalized: Normalized, name: str) -> list[Diagnostic]:
    lines = LineIndex.of(normalized.original)
    return sort_diagnostics(d.located(d.file or name, lines.place) for d in normalized.diagnostics)


def render_json(normalized: Normalized, name: str) -> str:
    """The change log as a JSON document (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(to_json(normalized, name), ensure_ascii=False, indent=2) + "\n"


def unified_diff(original: str, text: str, name: str) -> str:
    """A unified diff from the transcription to its normalised text."""
    a, b = original.splitlines(keepends=True), text.splitlines(keepends=True)
    out: list[str] = []
    for line in difflib.unified_diff(a, b, f"{name}\t(original)", f"{name}\t(normalised)"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
