"""The formats a volume is written in: one module each, one entry function
that takes the :class:`~cableconv.volume.assemble.Volume` and the run's
options and returns a :class:`~cableconv.writers.Output`, as the
single-document writers do (whose code writes each document's content)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cableconv.options import Options
from cableconv.writers import Output

if TYPE_CHECKING:
    from cableconv.volume.assemble import Volume


@dataclass(frozen=True)
class VolumeFormat:
    name: str
    suffix: str
    write: Callable[[Volume, Options], Output]


def _tei(volume: Volume, options: Options) -> Output:
    from cableconv.volume.tei import write_volume_tei

    return write_volume_tei(volume, options)


def _md(volume: Volume, options: Options) -> Output:
    from cableconv.volume.markdown import write_volume_markdown

    return write_volume_markdown(volume, options)


def _docx(volume: Volume, options: Options) -> Output:
    from cableconv.volume.docx import write_volume_docx

    return write_volume_docx(volume, options)


def _epub(volume: Volume, options: Options) -> Output:
    from cableconv.volume.epub import write_volume_epub

    return write_volume_epub(volume, options)


def _pdf(volume: Volume, options: Options) -> Output:
    from cableconv.volume.pdf import write_volume_pdf

    return write_volume_pdf(volume, options)


#: In the order ``--to`` lists them when it is not given.
VOLUME_FORMATS: dict[str, VolumeFormat] = {
    "tei": VolumeFormat("tei", ".xml", _tei),
    "pdf": VolumeFormat("pdf", ".pdf", _pdf),
    "docx": VolumeFormat("docx", ".docx", _docx),
    "epub": VolumeFormat("epub", ".epub", _epub),
    "md": VolumeFormat("md", ".md", _md),
}


def parse_volume_formats(spec: str | None) -> list[VolumeFormat]:
    """``"tei,pdf"`` -> the formats; all of them when None; raises ValueError."""
    if spec is None:
        return list(VOLUME_FORMATS.values())
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in VOLUME_FORMATS]
    if unknown or not names:
        raise ValueError(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; "
            f"choose from {', '.join(VOLUME_FORMATS)}"
        )
    return [VOLUME_FORMATS[n] for n in dict.fromkeys(names)]
