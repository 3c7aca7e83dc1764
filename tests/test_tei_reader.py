"""Reading FRUS TEI: official documents come back as published, our own TEI
gives back the model it was written from, hostile files are refused.

``tests/data/tei/<volume>.xml`` hold official document divs copied verbatim
from the corpus volumes (one or two per construct the reader must know), and
``tests/data/tei/expected/`` their official records; the whole corpus is in
``tests/test_tei_corpus.py`` (``make corpus``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import (
    Closer,
    Document,
    LineBreak,
    ListBlock,
    Opener,
    Text,
    from_json,
    to_json,
)
from cableconv.notes import pair_notes
from cableconv.pipeline import convert_path, convert_source
from cableconv.readers.tei import TeiRefused, TeiVolume, read_tei
from cableconv.source import Source
from cableconv.validate import validate_model, validate_tei
from cableconv.writers.meta import metadata
from cableconv.writers.tei import TEI_NS, to_tei_bytes

from .conftest import DATA, SAMPLES, sample_paths
from .support import frus_record
from .test_hostile import HOSTILE, cli, cli_bounded, write

TEI_DATA = DATA / "tei"

#: The record fields the scorer compares (``score.py --input tei``).
FIELDS = (
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
)

#: Documents whose round trip is known to differ, by class (README, "What the
#: round trip does not keep"). Each must differ, and must be reported.
KNOWN = {
    "frus1872p2v5-d115": "a source note after the postscript is written inside it",
}


def volumes() -> dict[str, TeiVolume]:
    return {p.stem: read_tei(p.read_bytes(), p.name) for p in sorted(TEI_DATA.glob("*.xml"))}


VOLUMES = volumes()


def document_cases(known: dict[str, str]) -> list[Any]:
    out = []
    for vol, volume in VOLUMES.items():
        for doc in volume.documents:
            case = f"{vol}-{doc.stem}"
            marks = [pytest.mark.xfail(reason=known[case], strict=True)] if case in known else []
            out.append(pytest.param(vol, doc.stem, id=case, marks=marks))
    return out


def read(vol: str, stem: str) -> Any:
    return next(d for d in VOLUMES[vol].documents if d.stem == stem)


def record_of(doc: Document) -> dict[str, Any]:
    div = etree.fromstring(to_tei_bytes(doc)).find(f".//{{{TEI_NS}}}div")
    assert div is not None
    result: dict[str, Any] = frus_record.document_record(div, None)
    return result


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    out = {f: record[f] for f in FIELDS}
    out["date_when"] = (record["date"] or {}).get("when")
    out["footnotes"] = [
        (f["n"], f["text"], f["anchor"], f["paragraph_index"]) for f in record["footnotes"]
    ]
    return out


@pytest.mark.parametrize(("vol", "stem"), document_cases(KNOWN))
def test_an_official_document_comes_back_as_published(vol: str, stem: str) -> None:
    expected = json.loads((TEI_DATA / "expected" / f"{vol}-{stem}.expected.json").read_text())
    ours = record_of(read(vol, stem).document)
    assert comparable(ours) == comparable(expected)


@pytest.mark.parametrize("case", sorted(KNOWN))
def test_a_known_difference_is_reported(case: str) -> None:
    vol, stem = case.rsplit("-", 1)
    warnings = [d for d in read(vol, stem).read.diagnostics if d.level == "warning"]
    assert warnings, f"{case} differs from the official document ({KNOWN[case]}) without a warning"


@pytest.mark.parametrize(("vol", "stem"), document_cases({}))
def test_the_tei_of_an_official_document_is_valid_frus(vol: str, stem: str) -> None:
    frus = [d.format() for d in validate_tei(read(vol, stem).document) if d.code == "CC312"]
    assert frus == []


def test_documents_are_named_and_numbered_as_in_the_volume() -> None:
    volume = VOLUMES["frus1870"]
    assert volume.volume_id == "frus1870"
    assert volume.title.startswith("Papers Relating to the Foreign Relations")
    # in the order of the file (d233 stands in a later chapter than d350)
    assert [d.stem for d in volume.documents] == ["d95", "d160", "d336", "d350", "d233"]
    assert [d.number for d in volume.documents] == ["95", "160", "336", "350", "233"]
    assert all(d.document.doc_id == d.stem for d in volume.documents)
    assert all(d.divisions for d in volume.documents)  # the chapter each stands in
    chapters = volume.chapters()
    assert [(titles, len(docs)) for titles, docs in chapters] == [
        (("FRANCE.",), 4),
        (("NORTH GERMANY.",), 1),
    ]
    assert [d.stem for _titles, docs in chapters for d in docs] == [
        d.stem for d in volume.documents
    ]
    assert all(titles == docs[0].divisions for titles, docs in chapters)


# --------------------------------------------------------------------------
# guarantee 1: transcription -> model -> TEI -> model
# --------------------------------------------------------------------------


def without_spans(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: without_spans(v) for k, v in data.items() if k != "span"}
    if isinstance(data, list):
        return [without_spans(v) for v in data]
    return data


def round_trip(doc: Document) -> Document:
    volume = read_tei(to_tei_bytes(doc), f"{doc.doc_id}.xml")
    assert [d.stem for d in volume.documents] == [doc.doc_id]
    back: Document = volume.documents[0].document
    return back


def in_marker_order(doc: Document) -> Document:
    """The document with its notes in the order of their markers, notes
    without a marker last (as the TEI gives them back)."""
    pairing = pair_notes(doc)
    notes = [n for n in (pairing.note(m) for m in pairing.markers) if n is not None]
    placed = {id(n) for n in notes}
    notes += [n for n in doc.footnotes if id(n) not in placed]
    return dataclasses.replace(doc, footnotes=tuple(notes))


#: Transcriptions in the repository: the samples and the corpus documents
#: copied into tests/data/frus.
TRANSCRIPTIONS = [*sample_paths(), *sorted((DATA / "frus").glob("*/*.txt"))]


@pytest.mark.parametrize(
    "path",
    TRANSCRIPTIONS,
    ids=lambda p: f"{p.parent.name}-{p.stem}" if p.parent != SAMPLES else p.stem,
)
def test_our_tei_gives_back_the_model_it_was_written_from(path: Path) -> None:
    doc = in_marker_order(convert_path(path).document)
    assert without_spans(to_json(round_trip(doc))) == without_spans(to_json(doc))


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("golden", sorted((GOLDEN / "tei").glob("*.xml")), ids=lambda p: p.stem)
def test_a_golden_tei_reads_as_its_golden_model_and_writes_as_itself(golden: Path) -> None:
    """The TEI goldens read back as the JSON goldens (the model they were
    written from), and write again byte for byte."""
    (read,) = read_tei(golden.read_bytes(), golden.name).documents
    model = from_json(json.loads((GOLDEN / "json" / f"{golden.stem}.json").read_text()))
    assert without_spans(to_json(read.document)) == without_spans(to_json(in_marker_order(model)))
    assert to_tei_bytes(read.document) == golden.read_bytes()


def test_a_note_whose_marker_was_not_found_stays_without_one() -> None:
    text = "Memorandum\n\nWashington, May 1, 1945.\n\nThe text.\n\n  7. A note no marker names.\n"
    doc = convert_source(Source.from_text(text, "d7.txt")).document
    assert pair_notes(doc).unanchored == doc.footnotes
    assert without_spans(to_json(round_trip(doc))) == without_spans(to_json(doc))


# --------------------------------------------------------------------------
# what the reader does not know, and what it refuses
# --------------------------------------------------------------------------

WRAP = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
    '<div type="document" xml:id="d9" n="9">\n{}\n</div>\n</body></text></TEI>\n'
)


def read_one(body: str) -> tuple[Document, list[Diagnostic]]:
    volume = read_tei(WRAP.format(body).encode(), "x.xml")
    place = volume.lines.place
    return volume.documents[0].document, [
        d.located("x.xml", place) for d in volume.documents[0].read.diagnostics
    ]


def test_an_unknown_element_keeps_its_text_and_is_reported_at_its_line() -> None:
    doc, diags = read_one("<head>A to B</head>\n<p>The <frob>secret</frob> word.</p>")
    assert record_of(doc)["text"] == "A to B\n\nThe secret word.\n"
    unknown = [d for d in diags if d.code == "CC610"]
    assert len(unknown) == 1 and "<frob>" in unknown[0].message
    assert unknown[0].where == "x.xml:4:1"


def test_a_figure_inside_a_paragraph_reports_its_image_only() -> None:
    doc, diags = read_one(
        '<p>Stamp: <figure><graphic url="figure_0222"/></figure> of the Kingdom.</p>'
    )
    assert [d.code for d in diags if d.level == "warning"] == ["CC611"]
    assert record_of(doc)["text"] == "Stamp: of the Kingdom.\n"


def test_markup_the_model_has_no_place_for_is_counted_not_silent() -> None:
    _doc, diags = read_one('<p>An <hi rend="italic">italic</hi> word.</p>')
    (info,) = [d for d in diags if d.code == "CC619"]
    assert info.level == "info" and "hi[@rend=italic] ×1" in info.message


CLOSERS = {
    # closer (TEI) -> its signature
    "<closer>For the Secretary of State:<lb/><signed>Frank L. Polk</signed></closer>": (
        "Frank L. Polk"
    ),
    "<closer><signed>Charlemagne Tower</signed>.</closer>": "Charlemagne Tower",
    "<closer>(Not signed.)</closer>": None,
    "<closer>[<hi>l. s.</hi>] <signed>CLARENDON.</signed><lb/>[l. s.] <signed>MOTLEY.</signed>"
    "</closer>": "CLARENDON.",
    "<closer><dateline>Paris, <date when='1870-08-24'>August 24, 1870</date>.</dateline>"
    "<signed>E. B. WASHBURNE.</signed></closer>": "E. B. WASHBURNE.",
    "<closer>[<lb/><signed>Fish</signed><lb/>]</closer>": "Fish",
    "<closer>Division of Operations<lb/>By <signed>Semmes Steele</signed></closer>": (
        "Semmes Steele"
    ),
    "<closer><signed>A</signed><signed>B</signed></closer>": "A",
}


def official_record(body: str) -> dict[str, Any]:
    """The record of a document as the scorer's extractor displays it."""
    div = etree.fromstring(WRAP.format(body).encode()).find(f".//{{{TEI_NS}}}div")
    record: dict[str, Any] = frus_record.document_record(div, None)
    return record


@pytest.mark.parametrize("closer", sorted(CLOSERS))
def test_a_closer_keeps_which_of_its_lines_are_signed(closer: str) -> None:
    body = f"<head>A to B</head>\n<p>Text.</p>\n{closer}"
    doc, diags = read_one(body)
    assert [d for d in diags if d.level != "info"] == []
    assert record_of(doc)["signature"] == CLOSERS[closer]
    assert comparable(record_of(doc)) == comparable(official_record(body))
    assert without_spans(to_json(round_trip(doc))) == without_spans(to_json(doc))
    assert validate_model(doc) == []
    assert [d for d in validate_tei(doc) if d.level == "error"] == []


def test_an_opener_naming_a_place_is_an_opener_of_role_place() -> None:
    body = (
        "<head>A to B</head>\n<opener><placeName><hi rend='smallcaps'>Legation of France to "
        "the United States.</hi></placeName></opener>\n<p>Text.</p>"
    )
    doc, diags = read_one(body)
    assert [d for d in diags if d.level != "info"] == []
    (opener,) = [b for b in doc.blocks if isinstance(b, Opener)]
    assert opener.role == "place"
    assert comparable(record_of(doc)) == comparable(official_record(body))
    assert record_of(doc)["block_roles"] == ["head", "opener", "para"]
    assert metadata(doc).classification is None  # a place, not a classification
    assert without_spans(to_json(round_trip(doc))) == without_spans(to_json(doc))
    assert validate_model(doc) == []
    assert [d for d in validate_tei(doc) if d.level == "error"] == []


def test_a_dateline_in_a_closer_is_the_documents_dateline() -> None:
    doc, _diags = read_one(
        "<head>A to B</head>\n<p>Text.</p>\n<closer><dateline>Berlin, "
        "<date when='1870-07-19'>July 19, 1870</date>.</dateline><signed>X</signed></closer>"
    )
    (closer,) = [b for b in doc.blocks if isinstance(b, Closer)]
    assert [kind for kind, _s, _e in closer.signature_parts()] == ["dateline", "signed"]
    record = record_of(doc)
    assert record["dateline"] == "Berlin, July 19, 1870."
    assert record["date"]["when"] == "1870-07-19"


def test_a_list_of_signers_is_the_signature() -> None:
    doc, diags = read_one(
        "<head>Protocol</head>\n<p>Text.</p>\n<closer><signed>\n<list>\n<item>J. C. BANCROFT "
        "DAVIS.</item>\n<item>TENTERDEN.</item>\n</list>\n</signed></closer>"
    )
    assert [d for d in diags if d.level != "info"] == []
    (signers,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert signers.role == "signers" and len(signers.items) == 2
    assert record_of(doc)["signature"] == "J. C. BANCROFT DAVIS. TENTERDEN."
    assert without_spans(to_json(round_trip(doc))) == without_spans(to_json(doc))
    assert [d for d in validate_tei(doc) if d.level == "error"] == []


def test_signers_in_nested_lists_are_reported() -> None:
    _doc, diags = read_one(
        "<head>Agreement</head>\n<p>Text.</p>\n<closer><signed><list><item>France:<list>"
        "<item>D. Cochin</item></list></item><item>Italy:<list><item>X</item></list></item>"
        "</list></signed></closer>"
    )
    assert [d.code for d in diags if d.level == "warning"] == ["CC617"]


def test_a_closer_whose_whole_text_is_signed_says_nothing_more() -> None:
    """What the transcription parser makes (no parts) is what the reader gives back."""
    doc, _diags = read_one("<head>A to B</head>\n<p>Text.</p>\n<closer><signed>X</signed></closer>")
    (closer,) = [b for b in doc.blocks if isinstance(b, Closer)]
    assert closer.parts is None


def test_closer_parts_must_lie_in_order_inside_the_closer() -> None:
    at = Span(0, 0)
    with pytest.raises(ValueError):
        Closer((Text("X", at),), at, (("signed", 0, 2),))
    with pytest.raises(ValueError):
        Closer(
            (Text("X", at), LineBreak(at), Text("Y", at)), at, (("signed", 2, 3), ("signed", 0, 1))
        )


def test_a_document_without_an_id_is_named_after_its_place_in_the_volume() -> None:
    data = (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="chapter">'
        b'<div type="document" xml:id="d1" n="1"><p>One.</p></div>'
        b'<div type="document" n="2"><p>Two.</p></div>'
        b"</div></body></text></TEI>"
    )
    volume = read_tei(data, "v.xml")
    assert [d.stem for d in volume.documents] == ["d1", "noid-0001"]


REFUSED = {
    "doctype": (HOSTILE / "tei-doctype.xml", "CC601"),
    "external entity": (HOSTILE / "tei-external-entity.xml", "CC601"),
    "entity bomb": (HOSTILE / "tei-entity-bomb.xml", "CC601"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_tei_is_refused_with_a_reason(name: str) -> None:
    path, code = REFUSED[name]
    with pytest.raises(TeiRefused) as caught:
        read_tei(path.read_bytes(), path.name)
    assert caught.value.code == code
    assert "haha" not in caught.value.message and "root:x" not in caught.value.message


LIMITS = {
    "deep nesting": ("<hi>" * 300 + "x" + "</hi>" * 300, "nested more than 256 deep"),
    "a huge text": ("x" * 10_000_001, "10,000,000 characters"),
    "a huge attribute": ('<hi rend="' + "y" * 10_000_001 + '"/>', "buffer limit"),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_a_file_beyond_the_parsers_limits_is_refused_with_what_limit(name: str) -> None:
    body, says = LIMITS[name]
    with pytest.raises(TeiRefused) as caught:
        read_tei(WRAP.format(f"<p>{body}</p>").encode(), "deep.xml", max_bytes=30_000_000)
    assert caught.value.code == "CC603"
    assert says in caught.value.message and "XML_PARSE_HUGE" not in caught.value.message
    assert caught.value.line == 3  # the line where it breaks


def test_an_xinclude_is_never_followed() -> None:
    doc, _diags = read_one(
        '<p>Before <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        'href="/etc/passwd" parse="text"/>after.</p>'
    )
    assert record_of(doc)["text"] == "Before after.\n"


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(TeiRefused) as caught:
        read_tei(WRAP.format("<p>x</p>").encode(), "big.xml", max_bytes=50)
    assert caught.value.code == "CC603"


def test_xml_that_is_not_frus_is_refused() -> None:
    with pytest.raises(TeiRefused) as caught:
        read_tei(b"<catalog><book/></catalog>", "books.xml")
    assert caught.value.code == "CC602"


# --------------------------------------------------------------------------
# cableconv convert FILE.xml
# --------------------------------------------------------------------------


def test_convert_writes_one_output_per_document_named_by_its_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    volume = TEI_DATA / "frus1870.xml"
    args = ["convert", str(volume), "--to", "tei,json,md", "-o", str(out), "--report", str(report)]
    result = cli([*args, "-j", "1"], out)
    assert result.code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    stems = ["d160", "d233", "d336", "d350", "d95"]
    assert names == sorted(f"{s}{ext}" for s in stems for ext in (".xml", ".json", ".md"))
    data = json.loads(report.read_text())
    entries = {d["output_stem"]: d for d in data["documents"]}
    assert sorted(entries) == sorted(stems)
    # d95's closer holds a dateline, carried as a part of the closer: nothing to warn of
    assert entries["d95"]["diagnostics"]["warning"] == 0
    assert all(d["input"] == str(volume) for d in data["documents"])


def test_convert_reads_its_own_tei_back(tmp_path: Path) -> None:
    sample = sample_paths()[0]
    first = tmp_path / "first"
    assert cli(["convert", str(sample), "-o", str(first), "-j", "1"], first).code == 0
    (tei,) = first.glob("*.xml")
    again = tmp_path / "again"
    result = cli(["convert", str(tei), "-o", str(again), "-j", "1"], again)
    assert result.code == 0, result.stderr
    (back,) = again.glob("*.xml")  # named after the document's id
    assert back.read_bytes() == tei.read_bytes()


def test_convert_refuses_a_hostile_volume_and_says_why(tmp_path: Path) -> None:
    bomb = HOSTILE / "tei-entity-bomb.xml"
    result = cli_bounded(["convert", str(bomb), "-o", str(tmp_path / "out")], tmp_path, 60)
    assert result.code == 1
    assert "CC601" in result.stderr and "entit" in result.stderr
    # CPU time, not wall time or peak memory: a busy machine must not fail the
    # test, and the child's peak memory counts that of the pytest process it
    # was forked from; an expanded bomb would cost minutes and gigabytes
    assert result.cpu_seconds < 10, result.cpu_seconds
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_convert_reports_where_a_broken_volume_breaks(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.xml", WRAP.format("<p>open <hi>never closed</p>").encode())
    result = cli(["convert", str(broken), "-o", str(tmp_path / "out")], tmp_path / "out")
    assert result.code == 1
    assert "CC600" in result.stderr and f"{broken}:3" in result.stderr
