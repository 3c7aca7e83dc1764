"""Shared fixtures: repository paths, the samples, the optional FRUS corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("CABLECONV_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEED = SAMPLES / "761.93-12-1544.txt"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_docs() -> Path:
    """The development corpus's docs/ folder; skips when ../shared is absent."""
    docs = CORPUS / "docs"
    if not docs.is_dir():
        pytest.skip("the FRUS development corpus (../shared/corpus) is not available")
    return docs
