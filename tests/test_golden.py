"""Golden files: each sample's TEI and JSON, checked in.

Regenerate deliberately with ``make golden`` (``CABLECONV_ACCEPT=1``) and
review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers import FORMATS

from .conftest import sample_paths

GOLDEN = Path(__file__).parent / "golden"
ACCEPT = os.environ.get("CABLECONV_ACCEPT") == "1"


@pytest.mark.parametrize("fmt", ["tei", "json"])
@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_sample_matches_golden(sample: Path, fmt: str) -> None:
    spec = FORMATS[fmt]
    produced = spec.write(convert_path(sample).document, Options()).data
    golden = GOLDEN / fmt / (sample.stem + spec.suffix)
    if ACCEPT:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden file {golden}; run `make golden` and review it"
    assert produced.decode("utf-8") == golden.read_text(encoding="utf-8")
