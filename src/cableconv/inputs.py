"""Finding the transcriptions a command was given: files, folders and globs.

Nothing given is left out without a word: an entry that cannot be read (a
folder without permission, a symbolic-link loop or a link to nothing, a path
longer than the system allows), a special file (a FIFO, a device) or a link
out of the input folder is an :class:`InputProblem` that names it and says
why, with a code of :data:`cableconv.diagnostics.CODES`. Only hidden names
(editor lock files, our own temporary files) and files of other suffixes are
passed over, as the command's help says.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath

from cableconv.diagnostics import Diagnostic

NOT_FOUND = "CC006"  # no such file or folder; a pattern that matches nothing
NOT_REGULAR = "CC007"  # a FIFO, a device, a socket: never opened
UNREACHABLE = "CC008"  # permission, a link loop, a broken link, a path too long
OUT_OF_FOLDER = "CC009"  # a link out of the input folder, or a linked folder


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
    """An argument, or an entry found under one, that is not processed, and why."""

    arg: str
    message: str
    code: str = "CC003"

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(
            self.code, self.message, None, hint=_HINTS.get(self.code, ""), file=self.arg
        )

    def format(self) -> str:
        """``ARG: error: MESSAGE (CODE)``, as the commands print it."""
        return f"{self.arg}: error: {self.message} ({self.code})"


_HINTS = {
    NOT_FOUND: "check the name; quote a pattern so that cableconv expands it",
    NOT_REGULAR: "give cableconv the transcription itself, a regular file",
    UNREACHABLE: "fix the permission or the link, or move the file to a shorter path",
    OUT_OF_FOLDER: "copy the file into the folder, or name it (or the linked folder) directly",
}


def _why(exc: OSError) -> str:
    """What an error met reaching an entry means, in words."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops; not read"
    if exc.errno == errno.ENOENT:
        return "a symbolic link to nothing; not read"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is longer than the system allows; not read"
    return f"cannot be read: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(path: str, mode: int) -> InputProblem:
    return InputProblem(path, f"{_kind(mode)}, not a regular file; not read", NOT_REGULAR)


def _safe_rel(rel: PurePath) -> PurePath:
    """Output names never climb out of OUTDIR, whatever the input was called."""
    parts = [p for p in rel.parts if p not in ("", ".", "..", "/")]
    return PurePath(*parts) if parts else PurePath("document")


def has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    """``d1.TXT`` is a transcription as much as ``d1.txt`` is.

    >>> has_suffix("D1.TXT", (".txt",)), has_suffix("d1.txt.bak", (".txt",))
    (True, False)
    """
    return name.lower().endswith(suffixes)


@dataclass
class _Walk:
    """One folder argument's walk: what was found and what was refused."""

    root: str
    suffixes: tuple[str, ...]
    skip: frozenset[str]
    found: list[tuple[str, tuple[str, ...]]]
    problems: list[InputProblem]

    def folder(self, top: str, rel: tuple[str, ...]) -> None:
        """The ``*suffix`` files under ``top``, in the order of their relative
        paths (what ``sorted(rglob())`` gives), one ``scandir`` per folder.
        Symlinked folders (loops) and the folders in ``skip`` (the output
        folder, when it lies inside an input folder) are not entered. A
        symlinked file is taken only if it points inside the input folder: a
        submitted ``docs/d1.txt -> /etc/passwd`` must not be read."""
        try:
            with os.scandir(top) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.problems.append(InputProblem(top, "folder " + _why(exc), UNREACHABLE))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                self.entry(entry, rel)
            except OSError as exc:
                self.problems.append(InputProblem(entry.path, _why(exc), UNREACHABLE))

    def entry(self, entry: os.DirEntry[str], rel: tuple[str, ...]) -> None:
        if entry.is_dir(follow_symlinks=False):
            if not (self.skip and os.path.realpath(entry.path) in self.skip):
                self.folder(entry.path, (*rel, entry.name))
            return
        link = entry.is_symlink()
        if link and entry.is_dir():
            if os.path.realpath(entry.path) not in self.skip:
                self.problems.append(
                    InputProblem(
                        entry.path,
                        "a symbolic link to a folder; not entered (it may loop)",
                        OUT_OF_FOLDER,
                    )
                )
            return
        if not has_suffix(entry.name, self.suffixes):
            return
        mode = os.stat(entry.path).st_mode  # follows the link; a loop raises
        if not stat.S_ISREG(mode):
            self.problems.append(_not_regular(entry.path, mode))
        elif link and not _inside(entry.path, self.root):
            self.problems.append(
                InputProblem(
                    entry.path,
                    "a symbolic link to a file outside the input folder; not read",
                    OUT_OF_FOLDER,
                )
            )
        else:
            self.found.append((entry.path, (*rel, entry.name)))


def _inside(path: str, root: str) -> bool:
    """Does ``path`` resolve to a file inside the input folder ``root``?"""
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(path)]) == real_root


def _named(
    arg: str, suffixes: tuple[str, ...], skip: frozenset[str]
) -> tuple[list[Input], list[InputProblem]]:
    """What one argument names: a folder's files, a file, a pattern's matches."""
    try:
        st = os.stat(arg)
    except FileNotFoundError:
        if any(ch in arg for ch in "*?["):
            return _pattern(arg)
        if os.path.islink(arg):
            return [], [InputProblem(arg, "a symbolic link to nothing; not read", UNREACHABLE)]
        return [], [InputProblem(arg, "no such file or folder", NOT_FOUND)]
    except OSError as exc:
        return [], [InputProblem(arg, _why(exc), UNREACHABLE)]
    if stat.S_ISDIR(st.st_mode):
        walk = _Walk(arg, suffixes, skip, [], [])
        walk.folder(arg, ())
        items = [
            Input(Path(p), _safe_rel(PurePath(*parts).with_suffix(""))) for p, parts in walk.found
        ]
        return items, walk.problems
    if stat.S_ISREG(st.st_mode):
        path = Path(arg)
        return [Input(path, _safe_rel(PurePath(path.stem)))], []
    return [], [_not_regular(arg, st.st_mode)]


def _pattern(arg: str) -> tuple[list[Input], list[InputProblem]]:
    found: list[Input] = []
    problems: list[InputProblem] = []
    matched = sorted(glob.glob(arg, recursive=True))
    for name in matched:
        try:
            mode = os.stat(name).st_mode
        except OSError as exc:
            problems.append(InputProblem(name, _why(exc), UNREACHABLE))
            continue
        if stat.S_ISREG(mode):
            path = Path(name)
            found.append(Input(path, _safe_rel(PurePath(path.stem))))
        elif not stat.S_ISDIR(mode):  # a folder a pattern matches is not what it meant
            problems.append(_not_regular(name, mode))
    if not matched:
        problems.append(InputProblem(arg, "no file matches this pattern", NOT_FOUND))
    return found, problems


def expand_inputs(
    args: list[str],
    suffix: str | tuple[str, ...] = ".txt",
    skip_dirs: tuple[Path, ...] = (),
) -> tuple[list[Input], list[InputProblem]]:
    """Files as given, ``*.txt`` (any case) in folders (recursively, sorted,
    not entering ``skip_dirs``), glob patterns expanded. Duplicates (the same
    file reached twice) are dropped, order is kept."""
    suffixes = (suffix,) if isinstance(suffix, str) else suffix
    found: list[Input] = []
    problems: list[InputProblem] = []
    skip = frozenset(os.path.realpath(d) for d in skip_dirs)
    for arg in args:
        items, refused = _named(arg, suffixes, skip)
        found.extend(items)
        problems.extend(refused)
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
