"""Finding the transcriptions a command was given: files, folders and globs."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True)
class Input:
    """A transcription to process, and where its outputs go relative to OUTDIR.

    A file inside a folder argument keeps its sub-folder (``vol1/d3``); a file
    given by name goes to OUTDIR directly.
    """

    path: Path
    rel: PurePath

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


def expand_inputs(args: list[str], suffix: str = ".txt") -> tuple[list[Input], list[InputProblem]]:
    """Files as given, ``*.txt`` in folders (recursively, sorted), glob
    patterns expanded. Duplicates are dropped, order is kept."""
    found: list[Input] = []
    problems: list[InputProblem] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for p in sorted(path.rglob(f"*{suffix}")):
                if p.is_file():
                    found.append(Input(p, _safe_rel(p.relative_to(path).with_suffix(""))))
        elif path.is_file():
            found.append(Input(path, _safe_rel(PurePath(path.stem))))
        elif any(ch in arg for ch in "*?["):
            files = [Path(p) for p in sorted(glob.glob(arg, recursive=True)) if Path(p).is_file()]
            if not files:
                problems.append(InputProblem(arg, "no file matches this pattern"))
            found.extend(Input(p, _safe_rel(PurePath(p.stem))) for p in files)
        else:
            problems.append(InputProblem(arg, "no such file or folder"))
    seen: set[Path] = set()
    unique: list[Input] = []
    for item in found:
        key = item.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, problems
