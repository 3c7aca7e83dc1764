"""The schemas in ``cableconv/schemas`` describe what we write, and mean it.

* every JSON we write (samples, a spread of corpus documents) validates
  against ``cable.schema.json``, and broken JSON does not;
* every TEI we write validates against ``cableconv-tei.rng``, our Schematron
  rules and, placed in a FRUS volume, the official FRUS schema; broken TEI
  does not;
* each schema is compiled once per process (so once per test session).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cableconv import validate
from cableconv.diagnostics import Span
from cableconv.model import to_json
from cableconv.pipeline import convert_path
from cableconv.writers.json import to_json_bytes
from cableconv.writers.tei import TEI_NS, tei_document, to_tei_bytes

from .conftest import sample_paths

T = f"{{{TEI_NS}}}"
SAMPLES = sample_paths()


def corpus_spread(docs: Path, every: int = 10) -> list[Path]:
    """Every ``every``-th corpus document, from every volume."""
    return sorted(docs.glob("*/*.txt"))[::every]


# --------------------------------------------------------------------------
# JSON Schema
# --------------------------------------------------------------------------


def test_model_schema_is_valid_2020_12() -> None:
    from jsonschema import Draft202012Validator

    schema = validate.model_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_json_validates(sample: Path) -> None:
    data = json.loads(to_json_bytes(convert_path(sample).document))
    assert validate.validate_model_data(data) == []


@pytest.mark.corpus
def test_corpus_json_validates(corpus_docs: Path) -> None:
    problems = {}
    for path in corpus_spread(corpus_docs):
        diags = validate.validate_model(convert_path(path).document)
        if diags:
            problems[str(path)] = [d.message for d in diags[:3]]
    assert problems == {}


def _seed_json() -> dict[str, Any]:
    return to_json(convert_path(SAMPLES[0]).document)


def _break(data: dict[str, Any], how: str) -> dict[str, Any]:
    bad = copy.deepcopy(data)
    heading = next(b for b in bad["blocks"] if b["type"] == "heading")
    if how == "extra property":
        heading["colour"] = "red"
    elif how == "unknown node type":
        heading["content"][0]["type"] = "emphasis"
    elif how == "missing span":
        del heading["content"][0]["span"]
    elif how == "span line 0":
        heading["span"]["line"] = 0
    elif how == "text not a string":
        heading["content"][0]["text"] = 5
    elif how == "bad name role":
        name = next(n for n in heading["content"] if n["type"] == "name")
        name["role"] = "cc"
    elif how == "bad date":
        bad["blocks"].append(
            {
                "type": "dateline",
                "span": heading["span"],
                "content": [
                    {"type": "date_text", "text": "x", "when": "June 1936", "span": heading["span"]}
                ],
            }
        )
    elif how == "wrong model version":
        bad["model_version"] = 3
    elif how == "doc id not an XML name":
        bad["doc_id"] = "1 2"
    elif how == "footnote without kind":
        del bad["footnotes"][0]["kind"]
    else:  # pragma: no cover
        raise AssertionError(how)
    return bad


BREAKS = [
    "extra property",
    "unknown node type",
    "missing span",
    "span line 0",
    "text not a string",
    "bad name role",
    "bad date",
    "wrong model version",
    "doc id not an XML name",
    "footnote without kind",
]


@pytest.mark.parametrize("how", BREAKS)
def test_model_schema_rejects(how: str) -> None:
    diags = validate.validate_model_data(_break(_seed_json(), how))
    assert diags, f"cable.schema.json accepted JSON with {how}"
    assert all(d.code == "CC310" and d.level == "error" for d in diags)


def test_model_error_points_at_the_nearest_node() -> None:
    data = _seed_json()
    heading = next(b for b in data["blocks"] if b["type"] == "heading")
    heading["content"][1]["colour"] = "red"
    (diag,) = validate.validate_model_data(data)
    assert diag.span is not None
    assert diag.span == Span.from_json(heading["content"][1]["span"])
    assert "/blocks[1]/content[1]" in diag.message


# --------------------------------------------------------------------------
# TEI: ours, Schematron, FRUS
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_tei_validates_everywhere(sample: Path) -> None:
    doc = convert_path(sample).document
    assert validate.validate_tei(doc) == []
    # and the bytes we write, read back as a file
    assert validate.validate_tei_file(to_tei_bytes(doc)) == []


@pytest.mark.corpus
def test_corpus_tei_validates(corpus_docs: Path) -> None:
    problems = {}
    for path in corpus_spread(corpus_docs, every=5):
        diags = [
            d for d in validate.validate_tei(convert_path(path).document) if d.level == "error"
        ]
        if diags:
            problems[str(path)] = [f"{d.code} {d.message}" for d in diags]
    # known: the writer puts a signature-only postscript FRUS rejects (see
    # tests/test_check.py, KNOWN_CORPUS_ERRORS)
    problems.pop(str(corpus_docs / "frus1894Nicaragua" / "d83.txt"), None)
    assert problems == {}


def _seed_tei() -> etree._Element:
    return tei_document(convert_path(SAMPLES[0]).document)


def _codes(root: etree._Element) -> set[str]:
    return {d.code for d in validate.validate_tei_tree(root, validate.line_locator())}


def test_own_schema_rejects_an_element_we_never_write() -> None:
    root = _seed_tei()
    etree.SubElement(root.find(f".//{T}body//{T}p"), f"{T}emph").text = "x"
    assert "CC311" in _codes(root)


def test_own_schema_rejects_a_wrong_attribute_value() -> None:
    root = _seed_tei()
    root.find(f".//{T}div").set("type", "chapter")
    assert "CC311" in _codes(root)


def test_own_schema_rejects_a_footnote_without_id() -> None:
    root = _seed_tei()
    note = root.find(f".//{T}head/{T}note")
    del note.attrib["{http://www.w3.org/XML/1998/namespace}id"]
    assert "CC311" in _codes(root)


def test_own_schema_rejects_a_page_break_without_number() -> None:
    root = _seed_tei()
    del root.find(f".//{T}pb").attrib["n"]
    assert "CC311" in _codes(root)  # (FRUS allows a pb without @n; we never write one)


def test_frus_schema_rejects_what_frus_does_not_allow() -> None:
    root = _seed_tei()
    # a paragraph inside a heading: FRUS (TEI) does not allow it
    etree.SubElement(root.find(f".//{T}head"), f"{T}p").text = "x"
    assert "CC312" in _codes(root)


def test_schematron_rules() -> None:
    root = _seed_tei()
    note = root.find(f".//{T}head/{T}note")
    note.set("{http://www.w3.org/XML/1998/namespace}id", "elsewhere1")
    note.set("n", "2")
    root.findall(f".//{T}body//{T}p")[-1].append(etree.Element(f"{T}pb", n="1"))
    codes = _codes(root)
    assert {"CC321", "CC323"} <= codes


def test_tei_error_points_into_the_transcription() -> None:
    doc = convert_path(SAMPLES[0]).document
    spans: validate.SpanMap = {}
    root = tei_document(doc, spans)
    p = root.findall(f".//{T}body//{T}p")[2]
    etree.SubElement(p, f"{T}emph").text = "x"
    diags = validate.validate_tei_tree(root, validate.span_locator(spans, doc.span))
    own = [d for d in diags if d.code == "CC311"]
    assert own and own[0].span == spans[p]


def test_frus_shell_is_left_empty_and_the_div_where_it_was() -> None:
    root = _seed_tei()
    div = root.find(f".//{T}div")
    parent = div.getparent()
    validate.validate_tei_tree(root, validate.line_locator())
    assert div.getparent() is parent
    shell = validate._frus_shell()
    assert len(shell.body) == 0


@pytest.mark.corpus
def test_frus_shell_accepts_the_official_documents(corpus_docs: Path) -> None:
    """The shell is a fair host: each volume's first official document
    validates in it (what the scorer checks of its own shell)."""
    tei = corpus_docs.parent / "tei"
    for volume in sorted(tei.glob("*.xml")):
        root = etree.parse(str(volume)).getroot()
        first = root.find(f".//{T}div[@type='document']")
        assert first is not None
        div = copy.deepcopy(first)
        assert validate._frus_errors(div) == [], volume.name


def test_schemas_compile_once() -> None:
    validate.warm_up()
    validate.validate_tei(convert_path(SAMPLES[0]).document)
    for compiled in (
        validate.own_relaxng,
        validate.frus_relaxng,
        validate.schematron,
        validate._model_validator,
        validate._frus_shell,
    ):
        info = compiled.cache_info()
        assert info.misses == 1, compiled.__name__
