"""Finding the transcriptions a command was given: files, folders and globs."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True)
class Input:
    """A transcription to process, and where its outputs go relative to OUTDIR.

    A file inside a folder argument keeps its sub-folder (``vol1/d3``); a file
    given by name goes to OUTDIR directly; each document of a TEI volume goes
    to OUTDIR under its own id.
    """

    path: Path
    rel: PurePath
    #: The document of a TEI volume this input stands for (its ``xml:id``,
    #: or ``noid-NNNN``); ``None`` for a transcription.
    part: str | None = None

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class InputProblem:
    arg: str
    message: str


def _safe_rel(rel: PurePath) -> PurePath:
    """Output names never climb out of OUTDIR, whatever the input was called."""
    parts = [p for p in rel.parts if p not in ("", ".", "..", "/")]
    return PurePath(*parts) if parts else PurePath("document")


def _walk(
    top: str,
    suffix: str,
    skip: frozenset[str],
    rel: tuple[str, ...] = (),
    outside: list[str] | None = None,
) -> list[tuple[str, tuple[str, ...]]]:
    """``(path, relative parts)`` of the ``*suffix`` files under ``top``, in
    the order of their relative paths (what ``sorted(rglob())`` gives), one
    ``scandir`` per folder. Hidden names (editor lock files, our own temporary
    files), symlinked folders (loops) and the folders in ``skip`` (the output
    folder, when it lies inside an input folder) are not entered. A symlinked
    file is taken only if it points inside the folder: a submitted
    ``docs/d1.txt -> /etc/passwd`` must not be read; those are listed in
    ``outside``."""
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return []
    found: list[tuple[str, tuple[str, ...]]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if skip and os.path.realpath(entry.path) in skip:
                continue
            found.extend(_walk(entry.path, suffix, skip, (*rel, entry.name), outside))
        elif entry.name.endswith(suffix) and entry.is_file():
            if entry.is_symlink() and not _inside(entry.path, top, len(rel)):
                if outside is not None:
                    outside.append(entry.path)
                continue
            found.append((entry.path, (*rel, entry.name)))
    return found


def _inside(path: str, folder: str, depth: int) -> bool:
    """Does ``path`` (found ``depth`` folders below the input folder) resolve
    to a file inside that input folder?"""
    root = os.path.realpath(os.path.join(folder, *([os.pardir] * depth)))
    return os.path.commonpath([root, os.path.realpath(path)]) == root


def expand_inputs(
    args: list[str], suffix: str = ".txt", skip_dirs: tuple[Path, ...] = ()
) -> tuple[list[Input], list[InputProblem]]:
    """Files as given, ``*.txt`` in folders (recursively, sorted, not entering
    ``skip_dirs``), glob patterns expanded. Duplicates (the same file reached
    twice) are dropped, order is kept."""
    found: list[Input] = []
    problems: list[InputProblem] = []
    skip = frozenset(os.path.realpath(d) for d in skip_dirs)
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            outside: list[str] = []
            for p, parts in _walk(arg, suffix, skip, outside=outside):
                found.append(Input(Path(p), _safe_rel(PurePath(*parts).with_suffix(""))))
            problems.extend(
                InputProblem(p, "a symbolic link to a file outside the input folder; not read")
                for p in outside
            )
        elif path.is_file():
            found.append(Input(path, _safe_rel(PurePath(path.stem))))
        elif any(ch in arg for ch in "*?["):
            matched = [Path(p) for p in sorted(glob.glob(arg, recursive=True)) if Path(p).is_file()]
            if not matched:
                problems.append(InputProblem(arg, "no file matches this pattern"))
            found.extend(Input(p, _safe_rel(PurePath(p.stem))) for p in matched)
        else:
            problems.append(InputProblem(arg, "no such file or folder"))
    seen: set[tuple[int, int]] = set()
    unique: list[Input] = []
    for item in found:
        try:
            st = os.stat(item.path)
        except OSError:
            unique.append(item)  # reported when it is read
            continue
        key = (st.st_dev, st.st_ino)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, problems
