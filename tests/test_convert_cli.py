"""`cableconv convert` over folders: bad inputs, the run report, incremental runs."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from cableconv.cli import run
from cableconv.progress import Progress

from .conftest import SEED, sample_paths


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def mixed_folder(folder: Path) -> Path:
    """Three good transcriptions, one that is not UTF-8 and five bad inputs."""
    folder.mkdir()
    for n, sample in enumerate(sample_paths()[:3]):
        shutil.copyfile(sample, folder / f"good{n + 1}.txt")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n\t\n")
    (folder / "bad-utf16.txt").write_bytes(b"\xff\xfeA\x00\x00\xd8")  # BOM, then a lone surrogate
    (folder / "bell.txt").write_bytes(SEED.read_bytes().replace(b"the", b"th\x07e", 1))
    # Not UTF-8: read as Windows-1252 and converted, with a warning that says where.
    (folder / "latin1.txt").write_bytes(
        SEED.read_text(encoding="utf-8")
        .replace("’", "'")
        .encode("utf-8")
        .replace(b"the", b"th\xe9", 1)
    )
    return folder


BAD = {"bad-utf16", "bell", "binary", "blank", "empty"}


def test_bad_inputs_fail_with_reasons_and_the_good_ones_are_converted(tmp_path: Path) -> None:
    src = mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    assert code == 1
    written = {p.stem for p in out.glob("*.xml")}
    assert written == {"good1", "good2", "good3", "latin1"}
    assert {p.stem for p in out.glob("*.json")} == written
    for p in out.glob("*.xml"):
        etree.parse(str(p))  # complete, well-formed
    assert f"failed: {src / 'binary.txt'}: binary data" in err
    assert f"failed: {src / 'empty.txt'}: the document is empty" in err
    assert f"failed: {src / 'blank.txt'}: the document is empty" in err
    assert f"failed: {src / 'bad-utf16.txt'}: starts with a UTF-16 byte-order mark" in err
    assert f"failed: {src / 'bell.txt'}: control character U+0007" in err
    assert f"{src / 'latin1.txt'}:" in err and "CC002" in err
    assert "9 documents: 4 converted, 0 skipped, 5 failed" in err


def test_the_report_says_what_happened_to_each_input(tmp_path: Path) -> None:
    src = mixed_folder(tmp_path / "in")
    out, report_path = tmp_path / "out", tmp_path / "report.json"
    cli("convert", str(src), "--to", "tei,json", "-o", str(out), "--report", str(report_path))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["summary"] | {"elapsed_seconds": 0, "docs_per_second": 0} == {
        "documents": 9,
        "converted": 4,
        "skipped": 0,
        "failed": 5,
        "with_errors": 0,
        "interrupted": 0,
        "errors": 5,
        "warnings": 4,  # (frus1894Nicaragua-d3 has a CC125, a note: info, not counted)
        "input_problems": 0,
        "elapsed_seconds": 0,
        "docs_per_second": 0,
    }
    assert report["formats"] == ["tei", "json"]
    docs = {Path(d["input"]).stem: d for d in report["documents"]}
    assert [Path(d["input"]).name for d in report["documents"]] == sorted(
        p.name for p in src.iterdir()
    )
    good = docs["good1"]
    assert good["status"] == "converted" and good["reason"] == ""
    assert good["outputs"] == [str(out / "good1.xml"), str(out / "good1.json")]
    assert set(good["seconds"]) == {"parse", "tei", "json"}
    assert set(good["diagnostics"]) == {"error", "warning", "info"}
    assert docs["latin1"]["diagnostics"]["warning"] >= 1 and docs["latin1"]["codes"]["CC002"] == 1
    for stem in BAD:
        assert docs[stem]["status"] == "failed"
        assert docs[stem]["outputs"] == []
        assert docs[stem]["reason"]
        assert docs[stem]["diagnostics"]["error"] >= 1
        assert docs[stem]["errors"][0]["message"]


def test_a_rerun_skips_what_is_up_to_date_and_force_redoes_it(tmp_path: Path) -> None:
    src = mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    assert code == 1  # the bad inputs are still bad
    assert "9 documents: 0 converted, 4 skipped, 5 failed" in err
    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out), "--force")
    assert "9 documents: 4 converted, 0 skipped, 5 failed" in err
    for bad in BAD:
        (src / f"{bad}.txt").unlink()
    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    assert code == 0
    assert "4 documents: 0 converted, 4 skipped, 0 failed" in err


def test_outputs_mirror_the_folders_and_files_go_to_outdir_itself(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for vol in ("frus1", "frus2"):
        (src / vol / "part").mkdir(parents=True)
        shutil.copyfile(SEED, src / vol / "d1.txt")
        shutil.copyfile(SEED, src / vol / "part" / "d2.txt")
    out = tmp_path / "out"
    code, _, err = cli("convert", str(src), "-o", str(out))
    assert code == 0, err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == [
        "frus1/d1.xml",
        "frus1/part/d2.xml",
        "frus2/d1.xml",
        "frus2/part/d2.xml",
    ]
    code, _, err = cli(
        "convert", str(src / "frus1" / "part" / "d2.txt"), "-o", str(tmp_path / "o2")
    )
    assert code == 0 and (tmp_path / "o2" / "d2.xml").is_file()
    code, _, err = cli("convert", str(src / "*" / "d1.txt"), "-o", str(tmp_path / "o3"))
    assert code == 1  # both are called d1: the second would overwrite the first
    assert "would overwrite" in err and (tmp_path / "o3" / "d1.xml").is_file()


def test_quiet_prints_only_failures_and_verbose_prints_every_document(tmp_path: Path) -> None:
    src = mixed_folder(tmp_path / "in")
    code, _, err = cli("convert", str(src), "-o", str(tmp_path / "q"), "--quiet")
    assert code == 1
    assert "CC002" not in err  # a warning
    assert "failed: " in err and "documents:" not in err
    code, _, err = cli("convert", str(src), "-o", str(tmp_path / "v"), "--verbose")
    assert f"{src / 'good1.txt'}: converted to tei in" in err
    assert "9 to convert, 0 up to date; one process" in err
    code, _, err = cli("convert", str(src), "-o", str(tmp_path / "v"), "-v")
    assert f"{src / 'good1.txt'}: skipped, up to date" in err


def test_no_input_found_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = cli("convert", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no input transcriptions found" in err


def test_a_missing_argument_is_reported_and_the_rest_converted(tmp_path: Path) -> None:
    code, _, err = cli("convert", str(SEED), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"))
    assert code == 1
    assert "nope.txt: error: no such file or folder" in err
    assert (tmp_path / "o" / f"{SEED.stem}.xml").is_file()


def test_an_unknown_fix_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    code, _, err = cli("convert", str(SEED), "--no-fix", "bogus", "-o", str(tmp_path / "o"))
    assert code == 2 and "unknown fix(es): bogus" in err
    assert not (tmp_path / "o").exists()


def test_a_family_and_its_fixes_by_name_are_the_same_settings(tmp_path: Path) -> None:
    from cableconv.normalize import FIXES

    out = str(tmp_path / "o")
    cli("convert", str(SEED), "--no-fix", "quotes", "-o", out)
    by_name = [arg for f in FIXES if f.family == "quotes" for arg in ("--no-fix", f.name)]
    _, _, err = cli("convert", str(SEED), *by_name, "-o", out)
    assert len(by_name) >= 4 and "0 converted, 1 skipped" in err


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_jobs_must_be_a_count(tmp_path: Path, jobs: str) -> None:
    code, _, err = cli("convert", str(SEED), "-j", jobs, "-o", str(tmp_path))
    assert code == 2 and "--jobs" in err


# ---- progress -----------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_done_total_rate_eta_and_failures() -> None:
    stream, clock = io.StringIO(), FakeClock()
    bar = Progress(stream, "bar", clock=clock, width=100)
    bar.start(40)
    for n in range(10):
        clock.now += 0.5
        bar.advance(failed=n == 3)
    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("[##########")
    assert "10/40 25%, 2.0 docs/s, ETA 0:15, 1 failed" in last
    bar.write("a message")
    assert stream.getvalue().split("\r")[-2] == "\x1b[Ka message\n"
    bar.finish()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_in_a_log_progress_is_an_occasional_line() -> None:
    stream, clock = io.StringIO(), FakeClock()
    lines = Progress(stream, "lines", clock=clock)
    lines.start(1000)
    for _ in range(16):
        clock.now += 0.0625  # 16 documents a second; one second is too short to report
        lines.advance()
    assert stream.getvalue() == ""
    for _ in range(64):
        clock.now += 0.0625
        lines.advance()
    assert stream.getvalue().splitlines() == ["cableconv: 80/1000 8%, 16 docs/s, ETA 0:58"]
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_quiet_or_not_a_terminal_means_no_bar() -> None:
    from cableconv.progress import mode_for

    assert mode_for(io.StringIO(), quiet=False) == "lines"
    assert mode_for(io.StringIO(), quiet=True) == "off"


def test_readme_and_help_agree_on_what_convert_writes_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "`--to tei` is the default" in readme
    assert cli("convert", "--help")[0] == 0
    assert "(default: tei)" in " ".join(capsys.readouterr().out.split())


def test_make_has_a_convert_target_for_any_folder() -> None:
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text("utf-8")
    assert "\nconvert: " in makefile
    assert 'cableconv convert "$(IN)"' in makefile and "--report" in makefile
