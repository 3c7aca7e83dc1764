"""The volume's lists of persons and of terms (abbreviations).

One entry a line, ``Name, description``, as FRUS prints them::

    Francis, David R., Ambassador in Russia.
    NSC, National Security Council

A person's name is printed surname first, so it is the text up to the
*second* comma when the line has two or more (``Francis, David R.``), else up
to the first; a term is the text up to the first comma. Blank lines and lines
starting with ``#`` are skipped; a line without a comma, or a name given
twice, is reported (CC703, CC704) and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cableconv.diagnostics import Diagnostic, Place

Kind = Literal["person", "term"]


@dataclass(frozen=True)
class Entry:
    """One line of a list: the name, its description, its ``xml:id``."""

    name: str
    description: str
    xml_id: str

    @property
    def surname(self) -> str:
        """``Francis`` of ``Francis, David R.``."""
        return self.name.split(",", 1)[0].strip()

    @property
    def full_name(self) -> str:
        """``David R. Francis`` of ``Francis, David R.``: as the text writes it."""
        surname, _, given = self.name.partition(",")
        return f"{given.strip()} {surname.strip()}".strip()


def split_entry(line: str, kind: Kind) -> tuple[str, str] | None:
    """``(name, description)`` of a line, or None when it has no comma.

    >>> split_entry("Francis, David R., Ambassador in Russia.", "person")
    ('Francis, David R.', 'Ambassador in Russia.')
    >>> split_entry("Lenin, N.", "person")
    ('Lenin', 'N.')
    >>> split_entry("NSC, National Security Council", "term")
    ('NSC', 'National Security Council')
    """
    parts = line.split(",")
    if len(parts) < 2:
        return None
    cut = 2 if kind == "person" and len(parts) >= 3 else 1
    name = ",".join(parts[:cut]).strip()
    description = ",".join(parts[cut:]).strip()
    return (name, description) if name else None


def _xml_id(prefix: str, name: str, used: set[str]) -> str:
    """``p_FrancisDavidR`` (letters and digits of the name), unique in the list."""
    base = prefix + ("".join(re.findall(r"[^\W_]+", name)) or "entry")
    candidate, k = base, 1
    while candidate in used:
        k += 1
        candidate = f"{base}{k}"
    used.add(candidate)
    return candidate


def read_list(path: Path, kind: Kind) -> tuple[list[Entry], list[Diagnostic]]:
    """The entries of a persons or terms file; raises OSError if unreadable."""
    entries: list[Entry] = []
    problems: list[Diagnostic] = []
    names: set[str] = set()
    ids: set[str] = set()
    prefix = "p_" if kind == "person" else "t_"
    text = path.read_text(encoding="utf-8-sig")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line or line.startswith("#"):
            continue
        split = split_entry(line, kind)
        if split is None:
            problems.append(
                Diagnostic(
                    "CC703",
                    f"list line without a comma: {line[:60]!r}; left out",
                    hint="write 'Name, description'",
                    file=str(path),
                    place=Place.at(number),
                )
            )
            continue
        name, description = split
        if name in names:
            problems.append(
                Diagnostic(
                    "CC704",
                    f"{name!r} is in the list twice; the second is left out",
                    hint="keep one entry per name",
                    file=str(path),
                    place=Place.at(number),
                )
            )
            continue
        names.add(name)
        entries.append(Entry(name, description, _xml_id(prefix, name, ids)))
    return entries, problems
