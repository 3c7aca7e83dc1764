"""Atomic file writes: a reader sees the old file or the new one, never half.

Every output goes to a temporary file in the same folder (same file system,
so the rename is atomic) and is renamed into place. The temporary name starts
with a dot, ends in ``.tmp`` and carries the writer's process id, so a later
run can tell the leftovers of a killed process from a live writer's file and
remove only the former (:func:`sweep_stale_temps`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".tmp"

#: Folders this process has already created or seen, so a batch of thousands
#: of outputs does not pay a ``mkdir`` per file.
_known_dirs: set[str] = set()


def temp_name(name: str) -> str:
    """``.NAME.PID-RANDOM.tmp``: hidden, never mistaken for an output."""
    return f".{name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def _ensure_dir(folder: Path) -> None:
    key = str(folder)
    if key not in _known_dirs:
        folder.mkdir(parents=True, exist_ok=True)
        _known_dirs.add(key)


def write_atomic(path: Path, data: bytes, durable: bool = False) -> os.stat_result:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    A killed or crashing process leaves the previous file or none, never a
    truncated one; on any failure the temporary file is removed. ``durable``
    also flushes the data to disk first (survives a power cut, costs an fsync).
    Returns the written file's ``stat`` (a rename keeps size and mtime).
    """
    try:
        return _write_atomic(path, data, durable)
    except OSError as exc:
        if exc.filename == str(path):
            raise
        # Name the output, not our hidden temporary file: that is what the user asked for.
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def _write_atomic(path: Path, data: bytes, durable: bool) -> os.stat_result:
    _ensure_dir(path.parent)
    tmp = path.parent / temp_name(path.name)
    # One try from before the file exists: a signal (SIGTERM, Ctrl-C) is
    # raised as the call that created the file returns, before any statement
    # after it, so a cleanup that starts once ``fd`` is known can miss it.
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileNotFoundError:
            # The folder was removed since we last saw it.
            _known_dirs.discard(str(path.parent))
            _ensure_dir(path.parent)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            st = os.fstat(fh.fileno())
        os.replace(tmp, path)
        return st
    except FileExistsError:
        raise  # not ours (O_EXCL): leave it
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _pid_of(name: str) -> int | None:
    """The writer's pid from ``.NAME.PID-RANDOM.tmp``, if it has one."""
    stem = name[: -len(TEMP_SUFFIX)]
    _, _, tail = stem.rpartition(".")
    pid, sep, _ = tail.partition("-")
    return int(pid) if sep and pid.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def sweep_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files left in ``folder`` by writers that no longer run.

    A live writer's file (its pid still exists) is left alone, so two runs
    sharing an output folder (``make -j``) never break each other's renames.
    Returns the files removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        pid = _pid_of(entry.name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
