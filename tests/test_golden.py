"""Golden files: each sample's TEI, JSON and DOCX, checked in.

The DOCX golden is the package unzipped, as pandoc's tests keep theirs, one
file per XML part, indented (WordprocessingML's whitespace outside ``w:t``
means nothing), so a diff shows which part and which element changed. The
parts that come from the document are kept per sample
(``golden/docx/<stem>/``); those every DOCX shares (styles, theme, settings,
content types) once, in ``golden/docx/package/``.

Regenerate deliberately with ``make golden`` (``CABLECONV_ACCEPT=1``) and
review the diff before committing it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers import FORMATS
from cableconv.writers.docx import PART_ORDER

from .conftest import sample_paths

GOLDEN = Path(__file__).parent / "golden"
ACCEPT = os.environ.get("CABLECONV_ACCEPT") == "1"
DOCX = GOLDEN / "docx"
#: Parts every DOCX shares, kept once.
PACKAGE = DOCX / "package"
#: Parts made from the document, kept per sample.
DOCUMENT_PARTS = frozenset(
    {"docProps/core.xml", "docProps/custom.xml", "word/document.xml", "word/footnotes.xml"}
)


def check_golden(golden: Path, produced: str) -> None:
    if ACCEPT:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run `make golden` and review it"
    assert produced == golden.read_text(encoding="utf-8"), f"{golden} differs"


@pytest.mark.parametrize("fmt", ["tei", "json"])
@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_sample_matches_golden(sample: Path, fmt: str) -> None:
    spec = FORMATS[fmt]
    produced = spec.write(convert_path(sample).document, Options()).data
    check_golden(GOLDEN / fmt / (sample.stem + spec.suffix), produced.decode("utf-8"))


def readable(xml: bytes) -> str:
    """An XML part indented, one element a line."""
    root = etree.fromstring(xml)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_sample_docx_parts_match_golden(sample: Path) -> None:
    data = FORMATS["docx"].write(convert_path(sample).document, Options()).data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == list(PART_ORDER)
        parts = {name: z.read(name) for name in z.namelist()}
    for name, xml in parts.items():
        folder = DOCX / sample.stem if name in DOCUMENT_PARTS else PACKAGE
        check_golden(folder / name, readable(xml))


def test_every_docx_golden_belongs_to_a_sample_or_the_package() -> None:
    """A golden left behind by a renamed sample or part would never be checked."""
    stems = {p.stem for p in sample_paths()}
    found = {p.relative_to(DOCX).as_posix() for p in DOCX.rglob("*") if p.is_file()}
    expected = {f"package/{n}" for n in PART_ORDER if n not in DOCUMENT_PARTS}
    expected |= {f"{stem}/{n}" for stem in stems for n in DOCUMENT_PARTS}
    assert found == expected
