"""Settings as users give them: ``[tool.cableconv]``, environment variables and
flags reach every command and every writer; what a writer cannot render is
reported."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from cableconv.cli import run

from .conftest import SEED

#: A straight apostrophe the quote fixes would curl.
APOSTROPHE = "Memorandum\n\nWashington, January 1, 1945.\n\nThe Embassy's reply came today.\n"
#: A note whose marker is nowhere in the text.
ORPHAN_NOTE = "The Consul to the Secretary\n\nText.\n\n  1. A note.\n"


def cli(*argv: str, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, environ=environ if environ is not None else {})
    return code, out.getvalue(), err.getvalue()


def volume(tmp_path: Path, text: str, settings: str = "") -> Path:
    """A folder with one transcription and, if given, a pyproject.toml."""
    folder = tmp_path / "vol"
    folder.mkdir(parents=True)
    (folder / "d1.txt").write_text(text, encoding="utf-8")
    if settings:
        (folder / "pyproject.toml").write_text("[tool.cableconv]\n" + settings, encoding="utf-8")
    return folder


def test_disabled_fixes_in_pyproject_are_honoured_by_convert(tmp_path: Path) -> None:
    folder = volume(tmp_path, APOSTROPHE, 'disabled-fixes = ["quotes"]\n')
    code, _, err = cli("convert", str(folder), "-o", str(tmp_path / "out"))
    assert code == 0, err
    tei = (tmp_path / "out" / "d1.xml").read_text(encoding="utf-8")
    assert "Embassy's reply" in tei and "Embassy’s" not in tei


def test_without_the_setting_convert_curls_the_apostrophe(tmp_path: Path) -> None:
    folder = volume(tmp_path, APOSTROPHE)
    cli("convert", str(folder), "-o", str(tmp_path / "out"))
    assert "Embassy’s reply" in (tmp_path / "out" / "d1.xml").read_text(encoding="utf-8")


def test_disabled_fixes_in_pyproject_are_honoured_by_check(tmp_path: Path) -> None:
    plain = volume(tmp_path / "a", APOSTROPHE)
    _, out, _ = cli("check", str(plain))
    assert "CC113" in out and "quotes" in out  # without the setting, check asks for ’
    folder = volume(tmp_path / "b", APOSTROPHE, 'disabled-fixes = ["quotes"]\n')
    _, out, _ = cli("check", str(folder))
    assert "CC113" not in out and "--no-fix" not in out


def test_a_bad_environment_setting_is_one_usage_error_before_any_work(tmp_path: Path) -> None:
    code, _, err = cli(
        "convert", str(SEED), "--to", "pdf", "-o", str(tmp_path / "out"),
        environ={"CABLECONV_PDF_PAPER": "A5"},
    )  # fmt: skip
    assert code == 2
    assert err.count("\n") == 1 and "CABLECONV_PDF_PAPER" in err and "letter, a4" in err
    assert not (tmp_path / "out").exists()


def test_a_bad_pyproject_is_a_usage_error_for_every_command(tmp_path: Path) -> None:
    folder = volume(tmp_path, APOSTROPHE, 'paper = "legal"\n')
    for command in ("convert", "check", "normalize"):
        code, _, err = cli(command, str(folder / "d1.txt"))
        assert code == 2, command
        assert f"cableconv {command}: error:" in err and "paper: must be one of" in err


def page_size(pdf: Path) -> tuple[int, int]:
    box = PdfReader(str(pdf)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_the_paper_comes_from_pyproject_the_environment_or_the_flag(tmp_path: Path) -> None:
    folder = volume(tmp_path, SEED.read_text(encoding="utf-8"), 'paper = "a4"\n')
    out = tmp_path / "out"
    assert cli("convert", str(folder), "--to", "pdf", "-o", str(out))[0] == 0
    assert page_size(out / "d1.pdf") == (595, 842)
    # a changed setting makes the output stale: it is written again
    code, _, err = cli("convert", str(folder), "--to", "pdf", "-o", str(out), "--paper", "letter")
    assert code == 0 and "1 converted" in err
    assert page_size(out / "d1.pdf") == (612, 792)
    code, _, err = cli(
        "convert", str(folder), "--to", "pdf", "-o", str(out),
        environ={"CABLECONV_PDF_PAPER": "letter"},
    )  # fmt: skip
    assert code == 0 and "1 skipped" in err  # the same settings as the run before


def test_source_date_epoch_reaches_the_docx_and_redoes_the_outputs(tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "out"
    cli("convert", str(SEED), "--to", "docx", "-o", str(out))
    code, _, err = cli(
        "convert", str(SEED), "--to", "docx", "-o", str(out),
        environ={"SOURCE_DATE_EPOCH": "1700000000"},
    )  # fmt: skip
    assert code == 0 and "1 converted" in err
    with zipfile.ZipFile(out / f"{SEED.stem}.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_run_reads_settings_from_the_given_environment_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CABLECONV_PDF_PAPER", "a4")
    cli("convert", str(SEED), "--to", "pdf", "-o", str(tmp_path / "given"))
    assert page_size(tmp_path / "given" / f"{SEED.stem}.pdf") == (612, 792)
    run(
        ["convert", str(SEED), "--to", "pdf", "-o", str(tmp_path / "os")],
        io.StringIO(),
        io.StringIO(),
    )
    assert page_size(tmp_path / "os" / f"{SEED.stem}.pdf") == (595, 842)
    assert os.environ["CABLECONV_PDF_PAPER"] == "a4"


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_what_a_writer_cannot_place_is_reported(tmp_path: Path, fmt: str) -> None:
    folder = volume(tmp_path, ORPHAN_NOTE)
    code, _, err = cli("convert", str(folder), "--to", fmt, "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{folder / 'd1.txt'}:5:" in err and "CC402" in err, err


def test_a_loss_several_formats_share_is_reported_once(tmp_path: Path) -> None:
    folder = volume(tmp_path, ORPHAN_NOTE)
    _, _, err = cli("convert", str(folder), "--to", "md,docx,pdf", "-o", str(tmp_path / "out"))
    assert err.count("CC402") == 1, err


def test_characters_the_pdf_cannot_draw_are_found_as_it_is_built(tmp_path: Path) -> None:
    from cableconv.pipeline import convert_source
    from cableconv.source import Source
    from cableconv.writers.pdf import write_pdf

    doc = convert_source(Source.from_text("Heading\n\nA 😀 B\n", "g.txt")).document
    out = write_pdf(doc)
    # (and CC404, an info: the document has no date, so it is not PDF/A)
    assert [d.code for d in out.diagnostics if d.level != "info"] == ["CC403"]
    assert out.data.startswith(b"%PDF")
