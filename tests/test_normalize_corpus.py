"""Normalisation over the development corpus (skipped when ../shared is absent).

- Official text is already correct: normalising it must change nothing in at
  least 99% of the documents (today: all of them).
- A typed transcription (``../shared/eval/degrade.py``, the scorer's seed)
  must come back as the official text in at least 98% of the documents; the
  few that do not are the known failures of ``tests/fixes/known_failures.txt``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from cableconv.normalize import normalize

from .conftest import SHARED

pytestmark = pytest.mark.corpus


def _degrade_module() -> ModuleType:
    path = SHARED / "eval" / "degrade.py"
    if not path.is_file():
        pytest.skip("../shared/eval/degrade.py is not available")
    spec = importlib.util.spec_from_file_location("cableconv_eval_degrade", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(docs: Path) -> list[tuple[str, str]]:
    found = [
        (f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8"))
        for p in sorted(docs.glob("*/*.txt"))
    ]
    if not found:
        pytest.skip("the corpus has no documents")
    return found


def test_official_text_is_left_unchanged(corpus_docs: Path) -> None:
    documents = _documents(corpus_docs)
    changed = [key for key, text in documents if normalize(text).text != text]
    share = 1 - len(changed) / len(documents)
    assert share >= 0.99, f"{len(changed)} official documents changed: {changed[:10]}"


def test_typed_transcriptions_come_back_as_published(corpus_docs: Path) -> None:
    degrade = _degrade_module()
    documents = _documents(corpus_docs)
    wrong = []
    for key, official in documents:
        typed = degrade.degrade(official, degrade.doc_seed(0, key))
        if normalize(typed).text != official:
            wrong.append(key)
    share = 1 - len(wrong) / len(documents)
    assert share >= 0.98, f"{len(wrong)} typed documents not restored: {wrong[:10]}"
