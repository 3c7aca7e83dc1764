"""Is the output folder usable? Asked once, before any document is converted.

A read-only OUTDIR, or ``-o`` naming a file, used to cost a full render of
every document and one failure each (3,218 lines for 637 documents, each
naming a hidden temporary file). :func:`preflight` makes the folder if it
must and writes and removes one probe file in it, so a folder that cannot
take outputs is one usage error, said once, with the reason.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cableconv.atomic import temp_name


def preflight(outdir: Path) -> str | None:
    """Why ``outdir`` cannot take outputs, or None when it can."""
    if outdir.exists() and not outdir.is_dir():
        return f"{outdir} exists and is not a folder"
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot make the folder {outdir}: {exc.strerror or exc}"
    probe = outdir / temp_name("cableconv-probe")
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return f"cannot write in {outdir}: {exc.strerror or exc}"
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None
