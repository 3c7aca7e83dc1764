"""Incremental batches: skip an input whose outputs are already up to date.

One manifest per output folder (``OUTDIR/.cableconv-manifest``, JSON) records,
for each document (keyed by its output path without suffix), the input's
size, mtime and SHA-256 as converted, the *settings key*, and each output's
size and mtime as written. An output is up to date when

- the settings key is the same: a hash of everything besides the input that
  changes what cableconv writes (its version, the content of every file of the
  package, the versions of the libraries that render output, and every field
  of the :class:`~cableconv.options.Options`, environment settings included);
- the input is the same: same size and mtime (the fast path, a ``stat``), or,
  when those differ or are too recent to be trusted, the same SHA-256;
- the output file is still there with the size and mtime cableconv gave it
  (a deleted or hand-edited output is written again).

Only the stale formats of a document are converted again. The manifest is
rewritten atomically and merged under a file lock, so a killed run loses at
most the entries since its last checkpoint and two runs sharing a folder
(``make -j``) do not drop each other's entries.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cableconv import __version__
from cableconv.atomic import write_atomic
from cableconv.options import Options

#: Hidden, and without a suffix a tool looking for outputs would match (``*.json``).
MANIFEST_NAME = ".cableconv-manifest"
MANIFEST_VERSION = 1

#: A file's mtime within this much of the moment it was read may still change
#: without changing its mtime (coarse file-system clocks), so such a file is
#: compared by content next time, never by ``stat`` alone.
RACY_NS = 2_000_000_000

#: Distributions whose version changes the bytes cableconv writes.
RENDERING_LIBRARIES = ("lxml", "ftfy", "pypandoc_binary", "pypandoc", "typst")


@dataclass(frozen=True)
class InputStamp:
    """The input as it was converted: ``stat`` before reading, hash of the bytes read."""

    size: int
    mtime_ns: int
    sha256: str
    seen_ns: int  # when it was read; see RACY_NS


@dataclass(frozen=True)
class OutputStamp:
    """An output as written: path relative to OUTDIR, size and mtime."""

    path: str
    size: int
    mtime_ns: int


def _package_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")) and not name.startswith("."):
                yield Path(folder, name)


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 over the content of every file of the cableconv package (code,
    schemas, templates), so any change to the code redoes the outputs.
    A few hundred kilobytes: about a millisecond. Computed once per process:
    the code a process runs is the code it started with."""
    root = Path(__file__).absolute().parent
    digest = hashlib.sha256()
    for path in _package_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def library_versions() -> list[str]:
    """``name-version`` of the rendering libraries, from the ``*.dist-info``
    folder names on ``sys.path`` (no import, no metadata parsing)."""
    wanted = {n.lower() for n in RENDERING_LIBRARIES}
    found: set[str] = set()
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        with contextlib.suppress(OSError), os.scandir(entry) as it:
            for e in it:
                if e.name.endswith(".dist-info"):
                    name = e.name[: -len(".dist-info")]
                    if name.partition("-")[0].lower().replace(".", "_") in wanted:
                        found.add(name)
    return sorted(found)


def settings_key(options: Options) -> str:
    """The hash of everything besides the input that shapes the outputs: the
    code, the rendering libraries and every field of ``options`` (the
    environment's settings, ``SOURCE_DATE_EPOCH`` and the PDF paper among
    them, reach the writers only through it)."""
    parts = [
        f"cableconv={__version__}",
        f"code={code_fingerprint()}",
        f"python={sys.version_info[0]}.{sys.version_info[1]}",
        *library_versions(),
        f"options={options.fingerprint()}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def sha256_file(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


class Manifest:
    """The record of what an output folder holds and what it was made from."""

    def __init__(
        self, outdir: Path, entries: dict[str, dict[str, Any]] | None = None, problem: str = ""
    ) -> None:
        self.outdir = outdir
        self.path = outdir / MANIFEST_NAME
        self.entries: dict[str, dict[str, Any]] = entries or {}
        #: Why the manifest on disk could not be used (truncated, not ours).
        self.problem = problem
        self._changed: set[str] = set()
        self._dropped: set[str] = set()

    @classmethod
    def load(cls, outdir: Path) -> Manifest:
        """The folder's manifest; an empty one when it is missing, or, with
        :attr:`problem` saying why, when it is unreadable (everything is then
        converted again, which is always safe, and the next save replaces it)."""
        path = outdir / MANIFEST_NAME
        try:
            return cls(outdir, _parse(path.read_bytes()))
        except FileNotFoundError:
            return cls(outdir)
        except (OSError, CorruptManifest) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return cls(outdir, problem=f"{path}: {why}; every input is converted again")

    # ---- deciding -----------------------------------------------------------
    def stale_formats(
        self, key: str, input_path: Path, suffixes: dict[str, str], settings: str
    ) -> list[str]:
        """The formats (of ``suffixes``: name -> suffix) whose output for this
        input is missing or out of date; ``[]`` means skip the input."""
        entry = self.entries.get(key)
        if (
            entry is None
            or entry.get("input") != str(input_path)
            or entry.get("settings") != settings
            or not self._input_unchanged(key, entry, input_path)
        ):
            return list(suffixes)
        outputs: dict[str, list[Any]] = entry.get("outputs", {})
        stale = []
        for name in suffixes:
            rec = outputs.get(name)
            if rec is None or not self.output_unchanged(rec):
                stale.append(name)
        return stale

    def _input_unchanged(self, key: str, entry: dict[str, Any], path: Path) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return False
        if st.st_size != entry.get("size"):
            return False
        seen_ns = entry.get("seen_ns", 0)
        if st.st_mtime_ns == entry.get("mtime_ns") and st.st_mtime_ns < seen_ns - RACY_NS:
            return True
        # Touched, copied, or too recent to trust the clock: compare content.
        now_ns = time.time_ns()
        try:
            same = sha256_file(path) == entry.get("sha256")
        except OSError:
            return False
        if same:
            # The content seen now has this stamp: next time ``stat`` suffices.
            entry["mtime_ns"] = st.st_mtime_ns
            entry["seen_ns"] = now_ns
            self._changed.add(key)
        return same

    def output_unchanged(self, rec: list[Any]) -> bool:
        try:
            rel, size, mtime_ns = rec
            st = os.stat(self.outdir / rel)
        except (OSError, ValueError, TypeError):
            return False
        return bool(st.st_size == size and st.st_mtime_ns == mtime_ns)

    def diagnostics(self, key: str) -> dict[str, int]:
        """Diagnostic counts by level recorded when the input was converted."""
        counts: dict[str, int] = self.entries.get(key, {}).get("diagnostics", {})
        return counts

    def codes(self, key: str) -> dict[str, int]:
        """Diagnostic counts by code recorded when the input was converted."""
        codes: dict[str, int] = self.entries.get(key, {}).get("codes", {})
        return codes

    def outputs(self, key: str, names: list[str]) -> list[str]:
        recs = self.entries.get(key, {}).get("outputs", {})
        return [str(self.outdir / recs[n][0]) for n in names if n in recs]

    # ---- recording ----------------------------------------------------------
    def record(
        self,
        key: str,
        input_path: Path,
        stamp: InputStamp,
        settings: str,
        written: dict[str, OutputStamp],
        diagnostics: dict[str, int],
        codes: dict[str, int] | None = None,
    ) -> None:
        """Note a conversion. Outputs of other formats made from the same
        input and settings stay recorded; any others are forgotten."""
        old = self.entries.get(key)
        outputs: dict[str, list[Any]] = {}
        if (
            old is not None
            and old.get("input") == str(input_path)
            and old.get("settings") == settings
            and old.get("sha256") == stamp.sha256
        ):
            outputs.update(old.get("outputs", {}))
        for name, out in written.items():
            outputs[name] = [out.path, out.size, out.mtime_ns]
        self.entries[key] = {
            "input": str(input_path),
            "size": stamp.size,
            "mtime_ns": stamp.mtime_ns,
            "sha256": stamp.sha256,
            "seen_ns": stamp.seen_ns,
            "settings": settings,
            "outputs": outputs,
            "diagnostics": diagnostics,
            "codes": dict(codes or {}),
        }
        self._changed.add(key)
        self._dropped.discard(key)

    def forget(self, key: str) -> None:
        """The input failed: its outputs, if any, no longer match it."""
        if self.entries.pop(key, None) is not None:
            self._dropped.add(key)
            self._changed.discard(key)

    @property
    def dirty(self) -> bool:
        return bool(self._changed or self._dropped)

    def save(self) -> None:
        """Merge this run's changes into the manifest on disk, atomically and
        under a lock: entries written meanwhile by another run are kept."""
        if not self.dirty:
            return
        self.outdir.mkdir(parents=True, exist_ok=True)
        with _locked(self.outdir):
            merged = _read_entries(self.path)
            for key in self._dropped:
                merged.pop(key, None)
            for key in self._changed:
                if key in self.entries:
                    merged[key] = self._newer(self.entries[key], merged.get(key))
            data = {"manifest_version": MANIFEST_VERSION, "documents": merged}
            # ASCII: a file name that is not UTF-8 holds surrogates, which UTF-8 cannot encode
            text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
            write_atomic(self.path, text.encode("utf-8"))
        self._changed.clear()
        self._dropped.clear()

    def _newer(self, ours: dict[str, Any], theirs: dict[str, Any] | None) -> dict[str, Any]:
        """Our entry for a document, or the one another run saved meanwhile,
        whichever describes the outputs on disk now.

        Two runs into one folder may write the same output; the one that
        renamed its file last is not always the one that saves its manifest
        last. An output record that no longer matches the file is never
        kept (the next run writes that output again), and when the other
        run's entry matches every file on disk and ours does not, theirs is
        the truth.
        """
        ours_out: dict[str, list[Any]] = ours.get("outputs", {})
        matching = {n: rec for n, rec in ours_out.items() if self.output_unchanged(rec)}
        if len(matching) == len(ours_out):
            return ours
        theirs_out = theirs.get("outputs") if theirs is not None else None
        if theirs is None or not isinstance(theirs_out, dict):
            return {**ours, "outputs": matching}
        if all(theirs.get(k) == ours.get(k) for k in ("input", "sha256", "settings")):
            # The same input and settings make the same bytes: take, format
            # by format, whichever record is the file on disk.
            for name, rec in theirs_out.items():
                if name not in matching and self.output_unchanged(rec):
                    matching[name] = rec
            return {**ours, "outputs": matching}
        if theirs_out and all(self.output_unchanged(rec) for rec in theirs_out.values()):
            return theirs
        return {**ours, "outputs": matching}


class CorruptManifest(ValueError):
    """The manifest file is there but cannot be used."""


def _parse(raw: bytes) -> dict[str, dict[str, Any]]:
    if not raw.strip():
        raise CorruptManifest("the manifest is empty (a disk that filled up?)")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise CorruptManifest(f"the manifest is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        raise CorruptManifest("the manifest is not one cableconv wrote")
    if data.get("manifest_version") != MANIFEST_VERSION:
        raise CorruptManifest(
            f"the manifest has version {data.get('manifest_version')!r}, "
            f"this cableconv reads {MANIFEST_VERSION}"
        )
    docs: dict[str, dict[str, Any]] = data["documents"]
    return docs


def _read_entries(path: Path) -> dict[str, dict[str, Any]]:
    """The entries on disk; none when the file is missing or unusable (the
    save replaces it)."""
    try:
        return _parse(path.read_bytes())
    except (OSError, CorruptManifest):
        return {}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder itself (no lock file to leave behind)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): last writer wins, still atomic
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
