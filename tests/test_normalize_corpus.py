"""Normalisation over the development corpus (skipped when ../shared is absent).

- Official text is printed text: normalising it must change nothing, in every
  document of every volume (one test per volume). A document we still change
  is listed with its reason in ``tests/fixes/corpus_known_changes.txt``; each
  runs as a strict xfail, so fixing one makes the suite say so.
- A typed transcription (``../shared/eval/degrade.py``, the scorer's seed)
  must come back as the official text in at least 98% of the documents; what
  cannot come back, and why, is in ``tests/fixes/known_failures.txt``.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from cableconv.normalize import normalize
from cableconv.source import LineIndex

from .conftest import CORPUS, SHARED
from .test_normalize_cases import Case, load_cases

pytestmark = pytest.mark.corpus

KNOWN_CHANGES = "corpus_known_changes.txt"


def _degrade_module() -> ModuleType:
    path = SHARED / "eval" / "degrade.py"
    if not path.is_file():
        pytest.skip("../shared/eval/degrade.py is not available")
    spec = importlib.util.spec_from_file_location("cableconv_eval_degrade", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(docs: Path, volume: str = "*") -> list[tuple[str, str]]:
    found = [
        (f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8"))
        for p in sorted(docs.glob(f"{volume}/*.txt"))
    ]
    if not found:
        pytest.skip(f"the corpus has no documents in {volume}")
    return found


def _volumes() -> list[str]:
    docs = CORPUS / "docs"
    if not docs.is_dir():
        return ["(no corpus)"]  # the corpus_docs fixture skips it
    return sorted(p.name for p in docs.iterdir() if p.is_dir())


def _known_changes() -> list[Case]:
    return load_cases(KNOWN_CHANGES)


def _first_change(key: str, text: str) -> str:
    change = normalize(text).changes[0]
    line, col = LineIndex.of(text).position(change.start)
    return f"{key}:{line}:{col} {change.fix} {change.before!r} → {change.after!r}"


@pytest.mark.parametrize("volume", _volumes())
def test_official_text_is_left_unchanged(corpus_docs: Path, volume: str) -> None:
    known = {case["doc"] for case in _known_changes()}
    changed = [
        _first_change(key, text)
        for key, text in _documents(corpus_docs, volume)
        if key not in known and normalize(text).text != text
    ]
    assert not changed, f"{len(changed)} official documents changed:\n" + "\n".join(changed)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["doc"], marks=pytest.mark.xfail(strict=True, reason=c["why"]))
        for c in _known_changes()
    ],
)
def test_known_changes_to_official_text(corpus_docs: Path, case: Case) -> None:
    path = corpus_docs / f"{case['doc']}.txt"
    if not path.is_file():
        pytest.fail(f"{KNOWN_CHANGES} names {case['doc']}, which is not in the corpus")
    text = path.read_text(encoding="utf-8")
    assert normalize(text).text == text, case["why"]


def test_typed_transcriptions_come_back_as_published(corpus_docs: Path) -> None:
    degrade = _degrade_module()
    documents = _documents(corpus_docs)
    wrong = []
    for key, official in documents:
        typed = degrade.degrade(official, degrade.doc_seed(0, key))
        if normalize(typed).text != official:
            wrong.append(key)
    share = 1 - len(wrong) / len(documents)
    by_volume = Counter(key.split("/")[0] for key in wrong)
    assert share >= 0.98, (
        f"{len(wrong)} typed documents not restored ({dict(by_volume)}): {wrong[:10]}"
    )
