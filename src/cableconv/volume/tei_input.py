"""``cableconv volume FILE.xml``: an official FRUS TEI volume as the input.

The volume's documents are read from the TEI (:mod:`cableconv.readers.tei`)
in volume order, grouped in chapters as the file divides them (each run of
documents under the same divisions is a chapter, titled by the innermost
division's head), and written to every format like a volume made from
transcriptions: the publisher's PDF, EPUB and DOCX from its own TEI. The
header's id and title are the volume's; there is no preface and there are no
lists (the TEI's front matter is not read into the model).
"""

from __future__ import annotations

from pathlib import Path

from cableconv.diagnostics import Diagnostic
from cableconv.options import Options
from cableconv.volume.assemble import Volume, VolumeDocument, numbered
from cableconv.volume.spec import Chapter, VolumeSpec

#: The chapter of documents that stand in no division.
UNDIVIDED = "Documents"


class TeiInputError(Exception):
    """The TEI file cannot be read as a volume (exit 1, as for ``convert``)."""


def read_tei_volume(path: Path, options: Options) -> tuple[Volume, dict[str, bytes]]:
    """The volume in ``path``, and what its outputs depend on (the file
    itself is hashed as the volume's spec)."""
    from cableconv.readers.tei import TeiRefused, read_tei

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TeiInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        tei = read_tei(data, str(path), options.max_bytes)
    except TeiRefused as exc:
        raise TeiInputError(exc.diagnostic(str(path)).format()) from None
    chapters: list[Chapter] = []
    documents: list[VolumeDocument] = []
    problems: list[Diagnostic] = []
    number = 0
    for titles, docs in tei.chapters():
        title = next((t for t in reversed(titles) if t), UNDIVIDED)
        paths = tuple(Path(f"{path.name}#{d.stem}") for d in docs)
        for doc, where in zip(docs, paths, strict=True):
            number += 1
            documents.append(
                VolumeDocument(number, len(chapters), where, numbered(doc.document, number))
            )
            problems += [d.located(str(path), tei.lines.place) for d in doc.read.diagnostics]
        chapters.append(Chapter(title, paths))
    spec = VolumeSpec(
        path=path,
        id=tei.volume_id or path.stem,
        title=tei.title or path.stem,
        chapters=tuple(chapters),
    )
    return Volume(spec, tuple(documents), problems=tuple(problems)), {}
