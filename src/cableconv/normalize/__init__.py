"""Typographic normalisation: small, named, explainable fixes.

``normalize(text)`` runs :data:`FIXES` in order and returns the new text, the
list of changes (each with its span in the transcription), warnings for what
could not be decided, and the map from new offsets back to the transcription.
Fixes can be switched off by name.

The order matters and is part of the design: encoding repairs first (they
decide what the characters are), then whitespace (so the later fixes see
single blanks), page markers (so quotes and dashes can look through them),
and the typography proper last. The typography runs only on a document typed
on a plain keyboard: one that already has a curly quote or a dash was
typeset, and its straight quotes and hyphens are taken as printed (see
:mod:`cableconv.normalize.runner`).
"""

from __future__ import annotations

from collections.abc import Iterable

from cableconv.normalize import dashes, ellipses, encoding, page_markers, quotes, whitespace
from cableconv.normalize.runner import Change, Edit, Fix, Flag, Normalized, run_fixes

FIXES: tuple[Fix, ...] = (
    Fix("byte_order_mark", "encoding", encoding.byte_order_mark),
    Fix("mojibake", "encoding", encoding.mojibake, changes_words=True),
    Fix("windows_1252_controls", "encoding", encoding.windows_1252_controls, changes_words=True),
    Fix("latin_ligatures", "encoding", encoding.latin_ligatures, changes_words=True),
    Fix("line_endings", "whitespace", whitespace.line_endings),
    Fix("no_break_spaces", "whitespace", whitespace.no_break_spaces),
    Fix(
        "trailing_whitespace",
        "whitespace",
        whitespace.trailing_whitespace,
        flag=whitespace.flag_unlabelled_note_markers,
    ),
    Fix("doubled_spaces", "whitespace", whitespace.doubled_spaces),
    Fix(
        "page_markers",
        "page_markers",
        page_markers.page_markers,
        flag=page_markers.flag_page_markers,
    ),
    # typographic: only on a document typed on a plain keyboard (runner docstring)
    Fix("ellipses", "ellipses", ellipses.ellipses, flag=ellipses.flag_dots, typographic=True),
    Fix("em_dashes", "dashes", dashes.em_dashes, flag=dashes.flag_odd_hyphens, typographic=True),
    Fix("file_numbers", "dashes", dashes.file_numbers, typographic=True),
    Fix(
        "number_ranges",
        "dashes",
        dashes.number_ranges,
        flag=dashes.flag_number_hyphens,
        typographic=True,
    ),
    Fix("letter_number_dashes", "dashes", dashes.letter_number_dashes, typographic=True),
    Fix("spaced_dashes", "dashes", dashes.spaced_dashes, typographic=True),
    Fix("abbreviation_dashes", "dashes", dashes.abbreviation_dashes, typographic=True),
    Fix(
        "double_quotes",
        "quotes",
        quotes.double_quotes,
        flag=quotes.flag_double_quotes,
        typographic=True,
    ),
    Fix(
        "single_quotes",
        "quotes",
        quotes.single_quotes,
        flag=quotes.flag_single_quotes,
        typographic=True,
    ),
)
FIX_NAMES = tuple(f.name for f in FIXES)
FIX_FAMILIES = tuple(dict.fromkeys(f.family for f in FIXES))

__all__ = [
    "FIXES",
    "FIX_FAMILIES",
    "FIX_NAMES",
    "Change",
    "Edit",
    "Fix",
    "Flag",
    "Normalized",
    "normalize",
    "resolve_fix_names",
]


def resolve_fix_names(names: Iterable[str]) -> set[str]:
    """Fix names, with a family name standing for all its fixes.

    Raises ValueError naming every unknown name and listing the known ones.
    """
    wanted = set(names)
    unknown = sorted(wanted - set(FIX_NAMES) - set(FIX_FAMILIES))
    if unknown:
        raise ValueError(
            f"unknown fix(es): {', '.join(unknown)}; "
            f"known fixes: {', '.join(FIX_NAMES)}; families: {', '.join(FIX_FAMILIES)}"
        )
    return {f.name for f in FIXES if f.name in wanted or f.family in wanted}


def normalize(text: str, disabled: Iterable[str] = ()) -> Normalized:
    """Normalise a transcription with every fix except those in ``disabled``
    (fix or family names)."""
    off = resolve_fix_names(disabled)
    return run_fixes(text, [f for f in FIXES if f.name not in off])
