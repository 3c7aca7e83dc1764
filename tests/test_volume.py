"""``cableconv volume``: VOLUME.toml, the lists, the build, the TEI volume."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from cableconv.cli import run
from cableconv.validate import frus_relaxng
from cableconv.volume.lists import read_list
from cableconv.volume.spec import VolumeError, load_spec

from .conftest import SAMPLES
from .test_golden import GOLDEN, check_golden

VOLUME = SAMPLES / "volume"
SAMPLE_ID = "sample-frus1918Russiav03"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def build(spec: Path, outdir: Path, *extra: str) -> tuple[int, str]:
    err = io.StringIO()
    code = run(["volume", str(spec), "-o", str(outdir), "-j", "1", *extra], io.StringIO(), err)
    return code, err.getvalue()


def small_volume(tmp_path: Path, docs: dict[str, str], toml_extra: str = "") -> Path:
    """A VOLUME.toml with one chapter per folder of ``docs`` (name -> text)."""
    folders: dict[str, None] = {}
    for name, text in docs.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        folders[path.parent.name] = None
    chapters = "".join(
        f'\n[[chapter]]\ntitle = "Chapter {f}"\ndocuments = ["{f}/*.txt"]\n' for f in folders
    )
    spec = tmp_path / "VOLUME.toml"
    spec.write_text(f'[volume]\nid = "v1"\ntitle = "A volume"\n{toml_extra}\n{chapters}')
    return spec


DOC = "{head}\n\nWashington, May 1, 1917.\n\nText of the document.{mark}\n\nLansing\n{note}"


def doc(
    head: str = "The Secretary of State to the Ambassador in Russia (Francis)", note: bool = False
) -> str:
    return DOC.format(head=head, mark="1" if note else "", note="\n  1. A note.\n" if note else "")


# ---- VOLUME.toml ------------------------------------------------------------


def test_documents_are_in_natural_order_and_missing_globs_are_reported(tmp_path: Path) -> None:
    for name in ("a/d10.txt", "a/d2.txt", "a/d1.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "V.toml").write_text(
        '[volume]\nid = "v"\ntitle = "T"\n'
        '[[chapter]]\ntitle = "A"\ndocuments = ["a/*.txt", "b/*.txt", "a/d1.txt"]\n'
    )
    spec = load_spec(tmp_path / "V.toml")
    assert [p.name for p in spec.chapters[0].documents] == ["d1.txt", "d2.txt", "d10.txt"]
    assert [d.code for d in spec.problems] == ["CC701", "CC702"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[volume\n", "not valid TOML"),
        ('[volume]\ntitle = "T"\n[[chapter]]\ntitle = "A"\n', "id is missing"),
        ('[volume]\nid = "a b"\ntitle = "T"\n[[chapter]]\ntitle = "A"\n', "not an XML name"),
        ('[volume]\nid = "v"\ntitle = "T"\n', "no [[chapter]]"),
        ('[volume]\nid = "v"\ntitle = "T"\ncolour = 1\n[[chapter]]\ntitle = "A"\n', "unknown"),
    ],
)
def test_a_bad_volume_toml_is_a_usage_error(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "V.toml").write_text(text)
    with pytest.raises(VolumeError, match=re.escape(message)):
        load_spec(tmp_path / "V.toml")
    code, err = build(tmp_path / "V.toml", tmp_path / "out")
    assert code == 2 and message in err


def test_lists_read_names_as_frus_prints_them(tmp_path: Path) -> None:
    path = tmp_path / "persons.txt"
    path.write_text(
        "# comment\nFrancis, David R., Ambassador in Russia.\nNicholas II, Emperor.\n"
        "no comma here\nFrancis, David R., again\n"
    )
    entries, problems = read_list(path, "person")
    assert [(e.name, e.description, e.xml_id) for e in entries] == [
        ("Francis, David R.", "Ambassador in Russia.", "p_FrancisDavidR"),
        ("Nicholas II", "Emperor.", "p_NicholasII"),
    ]
    assert [(d.code, d.place.line if d.place else 0) for d in problems] == [
        ("CC703", 4),
        ("CC704", 5),
    ]


# ---- the sample volume --------------------------------------------------------


@pytest.fixture(scope="module")
def sample_tei(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("volume")
    code, err = build(VOLUME / "VOLUME.toml", out, "--to", "tei")
    assert code == 0, err
    return (out / f"{SAMPLE_ID}.xml").read_bytes()


def test_the_sample_volume_is_valid_frus_as_a_whole(sample_tei: bytes) -> None:
    root = etree.fromstring(sample_tei)
    rng = frus_relaxng()
    assert rng.validate(root.getroottree()), rng.error_log
    chapters = root.findall(f"{TEI}text/{TEI}body/{TEI}div")
    assert [c.get(XML_ID) for c in chapters] == ["ch1", "ch2", "ch3"]
    docs = root.findall(f".//{TEI}div[@type='document']")
    assert [d.get(XML_ID) for d in docs] == [f"d{n}" for n in range(1, 32)]
    assert [d.get("n") for d in docs] == [str(n) for n in range(1, 32)]
    # notes are numbered after their document: d4 is the fourth file of chapter 1
    notes = [n.get(XML_ID) for n in docs[3].iter(f"{TEI}note") if n.get(XML_ID)]
    assert notes and all(n.startswith("d4fn") for n in notes)
    assert root.find(f".//{TEI}pb") is not None
    assert root.find(f"{TEI}teiHeader//{TEI}idno[@type='frus']").text == SAMPLE_ID
    for section in ("toc", "preface", "persons", "terms"):
        assert root.find(f"{TEI}text/{TEI}front/{TEI}div[@{XML_ID}='{section}']") is not None


def test_the_sample_volume_tei_matches_its_golden_file(sample_tei: bytes) -> None:
    check_golden(GOLDEN / "volume" / f"{SAMPLE_ID}.xml", sample_tei.decode("utf-8"))


def test_names_link_to_the_persons_list_only_when_unambiguous(sample_tei: bytes) -> None:
    root = etree.fromstring(sample_tei)
    persons = {p.get(XML_ID) for p in root.iter(f"{TEI}persName") if p.get(XML_ID)}
    linked = [p for p in root.iter(f"{TEI}persName") if p.get("corresp")]
    assert linked and all(p.get("corresp")[1:] in persons for p in linked)
    francis = {p.get("corresp") for p in linked if p.text == "Francis"}
    assert francis == {"#p_FrancisDavidR"}
    # two Morrises in the list (Ira N., Roland S.): the name is left alone
    morris = [p for p in root.iter(f"{TEI}persName") if p.text == "Morris"]
    assert morris and not any(p.get("corresp") for p in morris)


def test_abbreviations_are_glossed_where_they_stand(tmp_path: Path) -> None:
    spec = small_volume(
        tmp_path,
        {"a/d1.txt": doc().replace("Text of", "The NSC and the U.N. and NSCA and the nsc text of")},
        'terms = "terms.txt"',
    )
    (tmp_path / "terms.txt").write_text("NSC, National Security Council\nU.N., United Nations\n")
    code, err = build(spec, tmp_path / "out", "--to", "tei")
    assert code == 0, err
    root = etree.parse(str(tmp_path / "out" / "v1.xml")).getroot()
    glosses = [(g.text, g.get("target")) for g in root.iter(f"{TEI}gloss") if g.get("target")]
    assert glosses == [("NSC", "#t_NSC"), ("U.N.", "#t_UN")]
    p = root.find(f".//{TEI}div[@type='document']/{TEI}p")
    assert "".join(p.itertext()).startswith("The NSC and the U.N. and NSCA and the nsc text")
    assert frus_relaxng().validate(root.getroottree())


# ---- failures and incremental builds -------------------------------------------


def test_a_bad_document_is_reported_and_the_volume_marks_its_place(tmp_path: Path) -> None:
    spec = small_volume(tmp_path, {"a/d1.txt": doc(), "a/d2.txt": "", "b/d3.txt": doc(note=True)})
    code, err = build(spec, tmp_path / "out", "--to", "tei")
    assert code == 1
    assert "CC706" in err and "document 2" in err
    root = etree.parse(str(tmp_path / "out" / "v1.xml")).getroot()
    assert frus_relaxng().validate(root.getroottree())
    missing = root.find(f".//{TEI}div[@{XML_ID}='d2']")
    assert "".join(missing.itertext()).count("could not be converted") == 1
    assert root.find(f".//{TEI}note[@{XML_ID}='d3fn1']") is not None


def test_an_unchanged_volume_is_not_rebuilt_and_a_changed_document_is(tmp_path: Path) -> None:
    spec = small_volume(tmp_path, {"a/d1.txt": doc(), "a/d2.txt": doc(note=True)})
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    assert build(spec, out, "--to", "tei", "--report", str(report))[0] == 0
    first = json.loads(report.read_text())["volume"]
    assert first["written"] == ["tei"]
    assert build(spec, out, "--to", "tei", "--report", str(report))[0] == 0
    again = json.loads(report.read_text())
    assert again["volume"]["written"] == [] and again["volume"]["up_to_date"] == ["tei"]
    assert again["summary"]["skipped"] == 2
    (tmp_path / "a" / "d2.txt").write_text(doc(note=True).replace("Text of", "Changed text of"))
    assert build(spec, out, "--to", "tei", "--report", str(report))[0] == 0
    changed = json.loads(report.read_text())
    assert changed["summary"]["converted"] == 1 and changed["summary"]["skipped"] == 1
    assert changed["volume"]["written"] == ["tei"]
    assert "Changed text of" in (out / "v1.xml").read_text()


def test_a_deleted_output_is_written_again(tmp_path: Path) -> None:
    spec = small_volume(tmp_path, {"a/d1.txt": doc()})
    out = tmp_path / "out"
    assert build(spec, out, "--to", "tei")[0] == 0
    (out / "v1.xml").unlink()
    assert build(spec, out, "--to", "tei")[0] == 0
    assert (out / "v1.xml").is_file()


def test_unknown_formats_are_a_usage_error(tmp_path: Path) -> None:
    spec = small_volume(tmp_path, {"a/d1.txt": doc()})
    code, err = build(spec, tmp_path / "out", "--to", "tei,rtf")
    assert code == 2 and "rtf" in err


def test_the_sample_folder_is_what_the_volume_names() -> None:
    spec = load_spec(VOLUME / "VOLUME.toml")
    assert [len(c.documents) for c in spec.chapters] == [12, 9, 10]
    assert not spec.problems
    assert shutil.which  # the sample is built by `make` (Makefile rule out/volume)


# ---- an official TEI volume as the input -------------------------------------------


def test_a_tei_volume_is_built_again_from_its_chapters(sample_tei: bytes, tmp_path: Path) -> None:
    tei = tmp_path / "volume.xml"
    tei.write_bytes(sample_tei)
    code, err = build(tei, tmp_path / "out", "--to", "tei,md")
    assert code == 0, err
    root = etree.parse(str(tmp_path / "out" / f"{SAMPLE_ID}.xml")).getroot()
    assert frus_relaxng().validate(root.getroottree())
    chapters = root.findall(f"{TEI}text/{TEI}body/{TEI}div")
    assert [c.findtext(f"{TEI}head") for c in chapters] == [
        c.title for c in load_spec(VOLUME / "VOLUME.toml").chapters
    ]
    docs = root.findall(f".//{TEI}div[@type='document']")
    assert [d.get(XML_ID) for d in docs] == [f"d{n}" for n in range(1, 32)]
    original = etree.fromstring(sample_tei).findall(f".//{TEI}div[@type='document']")
    assert ["".join(d.itertext()).split() for d in docs] == [
        "".join(d.itertext()).split() for d in original
    ]


def test_a_file_that_is_not_tei_is_a_failed_input(tmp_path: Path) -> None:
    bad = tmp_path / "volume.xml"
    bad.write_text("<not-closed>")
    code, err = build(bad, tmp_path / "out")
    assert code == 1 and "CC600" in err


#: Development-corpus volumes whose transcriptions are built into a volume
#: (every era: 1872 despatches, a 1902 appendix, the 1944 and 1955 excerpts
#: with their source notes and file numbers, an 1894 volume of 138 documents).
CORPUS_VOLUMES = ("frus1872p2v4", "frus1894Nicaragua", "frus1902app1", "frus1944Quebec")


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_VOLUMES)
def test_a_corpus_volume_of_transcriptions_is_valid_frus(
    corpus_docs: Path, tmp_path: Path, name: str
) -> None:
    spec = tmp_path / "VOLUME.toml"
    spec.write_text(
        f'[volume]\nid = "{name}"\ntitle = "{name}"\n'
        f'[[chapter]]\ntitle = "All"\ndocuments = ["{corpus_docs / name}/*.txt"]\n'
    )
    code, err = build(spec, tmp_path / "out", "--to", "tei", "-q")
    assert code == 0, err
    root = etree.parse(str(tmp_path / "out" / f"{name}.xml")).getroot()
    assert frus_relaxng().validate(root.getroottree()), frus_relaxng().error_log
    docs = root.findall(f".//{TEI}div[@type='document']")
    assert len(docs) == len(list((corpus_docs / name).glob("*.txt")))


def test_what_the_writers_lose_is_said_once_at_its_line(tmp_path: Path) -> None:
    from cableconv.diagnostics import Diagnostic, Span
    from cableconv.options import Options
    from cableconv.volume.build import _Losses

    path = tmp_path / "d1.txt"
    path.write_text("Heading\n\nText 9 here.\n")
    lost = Diagnostic("CC401", "footnote marker 9 without a note", Span(14, 15), file=str(path))
    losses = _Losses(Options())
    first = losses([lost, lost])
    assert [(d.code, d.place.line, d.place.col) for d in first if d.place] == [("CC401", 3, 6)]
    assert losses([lost]) == []  # the next format's report of the same marker


def test_a_heading_numbered_otherwise_than_the_volume_is_kept_and_reported(
    tmp_path: Path,
) -> None:
    spec = small_volume(
        tmp_path,
        {"a/d1.txt": doc(head="5. Memorandum From the Secretary of State to the President")},
    )
    code, err = build(spec, tmp_path / "out", "--to", "tei,md")
    assert code == 0
    assert "d1.txt:1:1: warning CC709 the heading is numbered 5, but this is document 1" in err
    # kept as printed (its dot escaped: Markdown would read "5." as a list)
    assert "## 5\\. Memorandum From the Secretary" in (tmp_path / "out" / "v1.md").read_text()


def test_a_title_no_xml_can_hold_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "V.toml").write_text(
        '[volume]\nid = "v"\ntitle = "A \\u001b title"\n[[chapter]]\ntitle = "A"\n'
    )
    with pytest.raises(VolumeError, match="U\\+001B"):
        load_spec(tmp_path / "V.toml")
