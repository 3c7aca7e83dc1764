"""Readers: documents in other formats into the model.

The transcription parser (:mod:`cableconv.parse`) is the main reader; this
package holds the others. :mod:`cableconv.readers.tei` reads the Office of
the Historian's FRUS TEI, a single document or a whole volume, so that every
published volume can be written in every format cableconv writes.
"""

from __future__ import annotations

from pathlib import Path

#: Suffixes of the files ``convert`` reads as TEI rather than as transcriptions.
TEI_SUFFIXES = (".xml", ".tei")


def is_tei(path: Path) -> bool:
    """Is ``path`` a TEI file (by its name)? Kept here, free of lxml, so that
    the command line can ask without loading the reader."""
    return path.suffix.lower() in TEI_SUFFIXES
