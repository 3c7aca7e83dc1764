"""The samples against the official FRUS encoding.

``tests/data/expected/*.expected.json`` are the records extracted from the
official TEI of each corpus sample; ``tests/support/frus_record.py`` is the
extractor that made them. Applying it to our TEI must give the same record,
field by field, as the project's scorer does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cableconv.pipeline import convert_path
from cableconv.writers.tei import TEI_NS, to_tei_bytes

from .conftest import DATA, SAMPLES
from .support import frus_record

EXPECTED = sorted((DATA / "expected").glob("*.expected.json"))
FIELDS = [
    "head",
    "inline_source_notes",
    "file_number",
    "document_kind",
    "classification",
    "dateline",
    "page_breaks",
    "paragraph_count",
    "signature",
    "block_roles",
    "text",
]


def our_record(sample: Path) -> dict[str, Any]:
    root = etree.fromstring(to_tei_bytes(convert_path(sample).document))
    div = root.find(f".//{{{TEI_NS}}}div")
    assert div is not None
    record: dict[str, Any] = frus_record.document_record(div, None)
    return record


def footnotes(record: dict[str, Any]) -> list[tuple[str, str, str, int | None]]:
    return [(f["n"], f["text"], f["anchor"], f["paragraph_index"]) for f in record["footnotes"]]


#: Known failures, kept visible: each must fail until the parser learns it.
KNOWN_STRUCTURE: dict[str, str] = {}
KNOWN_DATE: dict[str, str] = {}


def cases(known: dict[str, str]) -> list[Any]:
    out = []
    for path in EXPECTED:
        stem = path.name.removesuffix(".expected.json")
        marks = [pytest.mark.xfail(reason=known[stem], strict=True)] if stem in known else []
        out.append(pytest.param(stem, id=stem, marks=marks))
    return out


def expected_record(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (DATA / "expected" / f"{stem}.expected.json").read_text(encoding="utf-8")
    )
    return data


@pytest.mark.parametrize("stem", cases(KNOWN_STRUCTURE))
def test_sample_record_equals_the_official_one(stem: str) -> None:
    expected = expected_record(stem)
    ours = our_record(SAMPLES / f"{stem}.txt")
    wrong = {f: (expected[f], ours[f]) for f in FIELDS if expected[f] != ours[f]}
    assert wrong == {}
    assert footnotes(ours) == footnotes(expected)


@pytest.mark.parametrize("stem", cases(KNOWN_DATE))
def test_sample_date_equals_the_official_one(stem: str) -> None:
    expected = expected_record(stem)
    ours = our_record(SAMPLES / f"{stem}.txt")
    assert (ours["date"] or {}).get("when") == (expected["date"] or {}).get("when")


# --------------------------------------------------------------------------
# corpus documents copied into the repository, one or more per convention
# the parser was taught (tests/data/frus/<volume>/<doc>.txt + .expected.json)
# --------------------------------------------------------------------------

FRUS_DOCS = sorted((DATA / "frus").glob("*/*.txt"))
#: every field the project's scorer compares, text included
SCORED = [*FIELDS, "file_number", "document_kind", "classification"]


def _when(record: dict[str, Any]) -> str | None:
    date = record.get("date") or {}
    when: str | None = date.get("when")
    return when


@pytest.mark.parametrize("path", FRUS_DOCS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_corpus_document_record_equals_the_official_one(path: Path) -> None:
    expected: dict[str, Any] = json.loads(
        path.with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    root = etree.fromstring(to_tei_bytes(convert_path(path).document))
    div = root.find(f".//{{{TEI_NS}}}div")
    assert div is not None
    ours: dict[str, Any] = frus_record.document_record(div, expected["volume_id"])
    wrong = {f: (expected[f], ours[f]) for f in SCORED if expected[f] != ours[f]}
    assert wrong == {}
    assert _when(ours) == _when(expected)
    assert footnotes(ours) == footnotes(expected)
