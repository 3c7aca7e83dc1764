"""``VOLUME.toml``: what a volume is made of.

::

    [volume]
    id = "frus1934v05"     # xml:id of the TEI and stem of every output file
    title = "Foreign Relations of the United States, 1934, ..."
    # optional: subtitle, editors = ["…"], published = "1951", language = "en",
    #           preface = "preface.txt", persons = "persons.txt", terms = "terms.txt"

    [[chapter]]
    title = "Chile"
    documents = ["chile/*.txt"]        # globs; files in natural order (d2 before d10)

Paths are relative to the file. A glob that matches nothing, or a file named
twice, is reported (CC701, CC702) and the volume goes on without it; a file
that is not valid TOML, or lacks what a volume needs, is a :class:`VolumeError`.
"""

from __future__ import annotations

import glob
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cableconv.diagnostics import Diagnostic
from cableconv.source import NOT_XML

#: An XML name that can also be a file stem: what ``[volume] id`` may be.
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_VOLUME_KEYS = {
    "id",
    "title",
    "subtitle",
    "editors",
    "published",
    "language",
    "preface",
    "persons",
    "terms",
}
_CHAPTER_KEYS = {"title", "documents"}


class VolumeError(ValueError):
    """The VOLUME.toml cannot describe a volume (not TOML, a key missing)."""


@dataclass(frozen=True)
class Chapter:
    title: str
    documents: tuple[Path, ...]


@dataclass(frozen=True)
class VolumeSpec:
    """A volume as its VOLUME.toml describes it, paths resolved."""

    path: Path
    id: str
    title: str
    chapters: tuple[Chapter, ...]
    subtitle: str = ""
    editors: tuple[str, ...] = ()
    published: str = ""
    language: str = "en"
    preface: Path | None = None
    persons: Path | None = None
    terms: Path | None = None
    #: what was wrong but did not stop the volume (CC701, CC702)
    problems: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def documents(self) -> list[tuple[int, Path]]:
        """``(chapter index, path)`` of every document, in volume order."""
        return [(k, p) for k, ch in enumerate(self.chapters) for p in ch.documents]


def natural_key(path: Path) -> list[Any]:
    """Sort key that puts ``d2`` before ``d10``: digits compare as numbers.

    >>> sorted(["d10.txt", "d2.txt", "d1.txt"], key=lambda s: natural_key(Path(s)))
    ['d1.txt', 'd2.txt', 'd10.txt']
    """
    parts = re.split(r"(\d+)", path.as_posix())
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts]


def _text(table: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise VolumeError(f"{where}: {key} must be a string")
    if required and not value.strip():
        raise VolumeError(f"{where}: {key} is missing")
    bad = NOT_XML.search(value)
    if bad is not None:  # no TEI, DOCX or EPUB can hold it
        raise VolumeError(f"{where}: {key} has the control character U+{ord(bad.group()):04X}")
    return value.strip()


def load_spec(path: Path) -> VolumeSpec:
    """Read a VOLUME.toml; raises :class:`VolumeError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise VolumeError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VolumeError(f"{path}: not valid TOML: {exc}") from None
    volume = data.get("volume")
    if not isinstance(volume, dict):
        raise VolumeError(f"{path}: no [volume] table")
    unknown = sorted(set(volume) - _VOLUME_KEYS)
    if unknown:
        raise VolumeError(f"{path}: [volume] has unknown keys: {', '.join(unknown)}")
    vol_id = _text(volume, "id", f"{path} [volume]", required=True)
    if not _ID.match(vol_id):
        raise VolumeError(
            f"{path}: [volume] id {vol_id!r} is not an XML name (letters, digits, - _ .)"
        )
    editors = volume.get("editors", [])
    if not isinstance(editors, list) or not all(isinstance(e, str) for e in editors):
        raise VolumeError(f"{path}: [volume] editors must be a list of strings")
    editors = [_text({"editor": e}, "editor", f"{path} [volume] editors") for e in editors]
    base = path.parent
    problems: list[Diagnostic] = []

    def optional_file(key: str) -> Path | None:
        name = _text(volume, key, f"{path} [volume]")
        return base / name if name else None

    chapters_data = data.get("chapter", [])
    if not isinstance(chapters_data, list) or not chapters_data:
        raise VolumeError(f"{path}: no [[chapter]] tables")
    seen: dict[Path, int] = {}
    chapters: list[Chapter] = []
    for k, table in enumerate(chapters_data, start=1):
        where = f"{path} chapter {k}"
        if not isinstance(table, dict):
            raise VolumeError(f"{where}: must be a table")
        unknown = sorted(set(table) - _CHAPTER_KEYS)
        if unknown:
            raise VolumeError(f"{where}: unknown keys: {', '.join(unknown)}")
        title = _text(table, "title", where, required=True)
        patterns = table.get("documents", [])
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise VolumeError(f"{where}: documents must be a list of paths or globs")
        files: list[Path] = []
        for pattern in patterns:
            found = _expand(base, pattern)
            if not found:
                problems.append(
                    Diagnostic(
                        "CC701",
                        f"chapter {k} ({title}): {pattern!r} names no file",
                        hint="check the path; it is relative to the VOLUME.toml",
                        file=str(path),
                    )
                )
            for doc in found:
                key = doc.resolve()
                if key in seen:
                    problems.append(
                        Diagnostic(
                            "CC702",
                            f"{doc} is already in chapter {seen[key]}; left out of chapter {k}",
                            hint="name each document once",
                            file=str(path),
                        )
                    )
                    continue
                seen[key] = k
                files.append(doc)
        chapters.append(Chapter(title, tuple(files)))
    return VolumeSpec(
        path=path,
        id=vol_id,
        title=_text(volume, "title", f"{path} [volume]", required=True),
        chapters=tuple(chapters),
        subtitle=_text(volume, "subtitle", f"{path} [volume]"),
        editors=tuple(e.strip() for e in editors if e.strip()),
        published=_text(volume, "published", f"{path} [volume]"),
        language=_text(volume, "language", f"{path} [volume]") or "en",
        preface=optional_file("preface"),
        persons=optional_file("persons"),
        terms=optional_file("terms"),
        problems=tuple(problems),
    )


def _expand(base: Path, pattern: str) -> list[Path]:
    """The files a pattern names, in natural order (a glob's files sorted; a
    plain path as it is, if it exists)."""
    full = base / pattern
    if not glob.has_magic(pattern):
        return [full] if full.is_file() else []
    matches = [Path(m) for m in glob.glob(str(full), recursive=True)]
    return sorted((m for m in matches if m.is_file()), key=natural_key)
