"""`cableconv convert` as users run it: outputs, exit codes, messages."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from lxml import etree

from cableconv.cli import run
from cableconv.writers.tei import TEI_NS

from .conftest import SEED


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_convert_writes_tei_and_json_named_after_the_input(tmp_path: Path) -> None:
    code, _, err = cli("convert", str(SEED), "--to", "tei,json", "-o", str(tmp_path))
    assert code == 0, err
    xml = tmp_path / "761.93-12-1544.xml"
    assert (tmp_path / "761.93-12-1544.json").exists()
    root = etree.parse(str(xml)).getroot()
    assert root.tag == f"{{{TEI_NS}}}TEI"
    div = root.find(f".//{{{TEI_NS}}}div")
    assert div is not None and div.get("type") == "document"


def test_convert_a_folder_keeps_going_past_a_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    code, _, err = cli("convert", str(src), "-o", str(out))
    assert code == 1
    assert (out / "good.xml").exists()
    assert not (out / "image.xml").exists()
    assert "image.txt" in err and "binary" in err


def test_errors_name_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "orphan.txt"
    bad.write_text("The Consul to the Secretary\n\nText.\n\n  1. A note.\n", encoding="utf-8")
    code, _, err = cli("convert", str(bad), "-o", str(tmp_path / "out"))
    assert f"{bad}:5:1: error CC103" in err
    assert code == 0  # converted, with the note kept and the error reported


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = cli("convert", str(SEED), "--to", "rtf", "-o", str(tmp_path))
    assert code == 2
    assert "unknown format" in err


def test_missing_input_is_reported(tmp_path: Path) -> None:
    code, _, err = cli("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path))
    assert code == 2
    assert "no such file" in err


def test_no_command_prints_help() -> None:
    code, out, _ = cli()
    assert code == 2
    assert "convert" in out


def test_every_paper_of_the_options_is_known_to_the_pdf_writer() -> None:
    from cableconv.options import PAPERS
    from cableconv.writers.pdf import TYPST_PAPERS

    assert set(PAPERS) == set(TYPST_PAPERS)


def test_a4_paper_reaches_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    monkeypatch.delenv("CABLECONV_PDF_PAPER", raising=False)
    sizes = {}
    for paper in ("letter", "a4"):
        out = tmp_path / paper
        code, _, err = cli("convert", str(SEED), "--to", "pdf", "--paper", paper, "-o", str(out))
        assert code == 0, err
        box = PdfReader(str(out / "761.93-12-1544.pdf")).pages[0].mediabox
        sizes[paper] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"letter": (612, 792), "a4": (595, 842)}
    assert "CABLECONV_PDF_PAPER" not in os.environ
