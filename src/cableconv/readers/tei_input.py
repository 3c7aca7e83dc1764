"""TEI files as inputs of ``cableconv convert``: one input per document.

``cableconv convert volume.xml`` writes ``OUTDIR/<doc-id>.<ext>`` for every
document of the volume: each document becomes an :class:`~cableconv.inputs.Input`
of the batch, with the volume as its path and the document's stem as its
``part``. The volume is read once per process and kept while its file is
unchanged, so that the batch (and worker processes forked after planning)
converts its hundreds of documents without reading it again.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path, PurePath

from cableconv.incremental import InputStamp
from cableconv.inputs import Input, InputProblem
from cableconv.model import iter_inlines, plain
from cableconv.normalize.runner import Normalized, OffsetMap
from cableconv.options import Options
from cableconv.pipeline import Converted
from cableconv.readers import is_tei
from cableconv.readers.tei import TeiDocument, TeiRefused, TeiVolume, read_tei
from cableconv.source import Source, UnreadableInput, read_bytes


@dataclass(frozen=True)
class _Read:
    """A volume read from a file as it stood: its stamp and documents."""

    size: int
    mtime_ns: int
    stamp: InputStamp
    volume: TeiVolume
    by_stem: dict[str, TeiDocument]


#: The volumes read by this process, by absolute path (a batch reads one or a few).
_READ: dict[str, _Read] = {}


def read_file(path: Path, options: Options) -> _Read:
    """The volume at ``path``, read again only if the file changed (raises
    :class:`~cableconv.source.UnreadableInput` or :class:`TeiRefused`)."""
    key = os.path.abspath(path)
    known = _READ.get(key)
    if known is not None:
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns):
            return known
    seen_ns = time.time_ns()
    raw = read_bytes(path, options.max_bytes)
    volume = read_tei(raw.data, str(path), options.max_bytes)
    stamp = InputStamp(raw.size, raw.mtime_ns, hashlib.sha256(raw.data).hexdigest(), seen_ns)
    read = _Read(raw.size, raw.mtime_ns, stamp, volume, {d.stem: d for d in volume.documents})
    _READ.clear()  # keep one volume: a batch converts volume after volume
    _READ[key] = read
    return read


def expand(items: list[Input], options: Options) -> tuple[list[Input], list[InputProblem]]:
    """``items`` with every TEI file replaced by its documents, in volume order.

    A file that cannot be read as FRUS TEI is an input problem, with the
    reason (the line, for XML that is not well-formed).
    """
    out: list[Input] = []
    problems: list[InputProblem] = []
    for item in items:
        if item.part is not None or not is_tei(item.path):
            out.append(item)
            continue
        try:
            read = read_file(item.path, options)
        except TeiRefused as exc:
            where = f"{item.path}:{exc.line}" if exc.line > 1 else str(item.path)
            hint = f" (hint: {exc.hint})" if exc.hint else ""
            problems.append(InputProblem(where, f"{exc.code} {exc.message}{hint}"))
            continue
        except UnreadableInput as exc:
            problems.append(InputProblem(str(item.path), exc.message))
            continue
        folder = item.rel.parent
        out.extend(
            Input(item.path, folder / PurePath(d.stem), d.stem) for d in read.volume.documents
        )
    return out, problems


def convert_part(item: Input, options: Options) -> tuple[InputStamp, Converted]:
    """One document of a TEI volume, as the batch converts a transcription."""
    try:
        read = read_file(item.path, options)
    except TeiRefused as exc:
        raise UnreadableInput(f"{exc.code} {exc.message}", exc.hint) from None
    found = read.by_stem.get(item.part or "")
    if found is None:
        raise UnreadableInput(
            f"the volume no longer has a document {item.part!r}", "convert the volume again"
        )
    doc = found.document
    # The text the writers get: its size decides which formats a document is too large for.
    text = "\n".join(plain(content, markers=True) for _node, content in iter_inlines(doc))
    name = str(item.path)
    converted = Converted(
        Source(name, text),
        Normalized(text, text, [], [], OffsetMap()),
        doc,
        [d.located(name, read.volume.lines.place) for d in found.read.diagnostics],
    )
    return read.stamp, converted
