"""``cableconv check``: every layer of validation for one document.

1. reading, normalising and parsing report what they meet (CC0xx-CC2xx);
2. the transcription rules of this package, one module per family:
   :mod:`.text`, :mod:`.footnotes`, :mod:`.pages`, :mod:`.dates`,
   :mod:`.filenumbers`, :mod:`.balance`, :mod:`.normalization`;
3. the model against ``cable.schema.json``, the TEI against our RelaxNG, our
   Schematron rules and the FRUS schema (:mod:`cableconv.validate`).

Every diagnostic points into the transcription. A rule is a function from a
:class:`CheckContext` to diagnostics; :data:`RULES` runs them in order.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cableconv.checks import (
    balance,
    dates,
    filenumbers,
    footnotes,
    invisible,
    normalization,
    pages,
    text,
)
from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic
from cableconv.pipeline import Converted
from cableconv.validate import validate_model, validate_tei


@dataclass(frozen=True)
class Rule:
    name: str
    check: Callable[[CheckContext], Iterable[Diagnostic]]


RULES: tuple[Rule, ...] = (
    Rule("empty_document", text.empty_document),
    Rule("only_a_heading", text.only_a_heading),
    Rule("control_characters", text.control_characters),
    Rule("invisible_characters", invisible.invisible_characters),
    Rule("undrawable_characters", text.undrawable_characters),
    Rule("marker_without_note", footnotes.marker_without_note),
    Rule("footnote_numbering", footnotes.numbering),
    Rule("footnote_list_order", footnotes.list_order),
    Rule("malformed_page_markers", pages.malformed_markers),
    Rule("page_sequence", pages.page_sequence),
    Rule("impossible_dates", dates.impossible_dates),
    Rule("unreadable_datelines", dates.unreadable_datelines),
    Rule("file_numbers", filenumbers.file_numbers),
    Rule("unbalanced_brackets", balance.brackets),
    Rule("unbalanced_quotes", balance.double_quotes),
    Rule("normalisation", normalization.would_change),
)
RULE_NAMES = tuple(r.name for r in RULES)

#: A diagnostic of a later layer that says again what an earlier one said on
#: the same line: later code -> earlier codes.
SAME_LINE: dict[str, tuple[str, ...]] = {
    "CC324": ("CC109",),  # Schematron: a date without @when
    "CC325": ("CC108",),  # Schematron: a dateline without a date
    "CC205": ("CC106",),  # normaliser: text like a page marker
}
#: ... anywhere in the same file (numbering errors echo down the document).
SAME_FILE: dict[str, tuple[str, ...]] = {
    "CC322": ("CC102", "CC103", "CC104"),  # Schematron: note numbers
    "CC323": ("CC301", "CC106"),  # Schematron: page order
}


def _internal_error(rule: str, exc: Exception) -> Diagnostic:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return Diagnostic(
        "CC399",
        f"internal error in check {rule}: {type(exc).__name__}: {exc} "
        f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
        None,
        hint="this is a cableconv bug; please report it with the transcription",
    )


def run_rules(ctx: CheckContext, disabled: Iterable[str] = ()) -> list[Diagnostic]:
    """The transcription rules; a rule that fails is reported, never raised."""
    off = set(disabled)
    out: list[Diagnostic] = []
    for rule in RULES:
        if rule.name in off:
            continue
        try:
            out.extend(rule.check(ctx))
        except Exception as exc:
            out.append(_internal_error(rule.name, exc))
    return out


def _layer(name: str, run: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
    try:
        return run()
    except Exception as exc:
        return [_internal_error(name, exc)]


def check_converted(converted: Converted, disabled: Iterable[str] = ()) -> list[Diagnostic]:
    """Every diagnostic for one converted transcription, in text order,
    each said once, located in its file."""
    ctx = CheckContext(
        converted.source, converted.normalized, converted.document, list(converted.diagnostics)
    )
    diags = list(converted.diagnostics)
    diags += run_rules(ctx, disabled)
    diags += _layer("model_schema", lambda: validate_model(converted.document))
    if not any(d.code == "CC005" for d in diags):
        # XML cannot hold control characters: no TEI can be made to validate
        diags += _layer("tei_schemas", lambda: validate_tei(converted.document))
    return without_repeats(converted.source.locate(diags))


def without_repeats(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Drop a diagnostic said twice (same code, same place) and one that
    repeats an earlier layer's (:data:`SAME_LINE`, :data:`SAME_FILE`).
    The diagnostics are located (their ``place`` is known)."""
    items = list(diags)
    lines: dict[str, set[int]] = {}
    for d in items:
        lines.setdefault(d.code, set()).add(d.place.line if d.place else 0)
    seen: set[tuple[str, int, int, str]] = set()
    out: list[Diagnostic] = []
    for d in items:
        line, col = (d.place.line, d.place.col) if d.place else (0, 0)
        key = (d.code, line, col, d.message if d.place is None else "")
        if key in seen:
            continue
        if any(line in lines.get(code, ()) for code in SAME_LINE.get(d.code, ())):
            continue
        if any(code in lines for code in SAME_FILE.get(d.code, ())):
            continue
        seen.add(key)
        out.append(d)
    return out


__all__ = ["RULES", "RULE_NAMES", "CheckContext", "Rule", "check_converted", "run_rules"]
