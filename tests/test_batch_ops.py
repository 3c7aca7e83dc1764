"""Operations: output folders, signals, the manifest under concurrency, the report.

Failure paths in the manner of SQLite's tests: a read-only or wrong OUTDIR,
SIGTERM and SIGINT at a chosen document (raised in-process, so nothing waits
on time), a corrupt manifest, two runs saving into one folder. After every
interruption the next run completes and every output equals a clean run's.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

import cableconv.batch as batch_module
from cableconv.atomic import is_temp_name, write_atomic
from cableconv.batch import convert_one
from cableconv.cli import run
from cableconv.incremental import MANIFEST_NAME, Manifest
from cableconv.inputs import expand_inputs
from cableconv.options import Options
from cableconv.progress import Progress
from cableconv.writers import parse_formats

from .conftest import SEED, sample_paths

TEI_JSON = parse_formats("tei,json")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def folder_of(folder: Path, copies: int = 2) -> Path:
    """Every sample, ``copies`` times, in sub-folders."""
    for i in range(copies):
        (folder / f"v{i}").mkdir(parents=True)
        for sample in sample_paths():
            shutil.copyfile(sample, folder / f"v{i}" / sample.name)
    return folder


def outputs_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if is_temp_name(p.name)]


# ---- the output folder: one usage error, before any work ----------------------


def test_an_outdir_that_is_a_file_is_one_usage_error(tmp_path: Path) -> None:
    src = folder_of(tmp_path / "in", copies=1)
    target = tmp_path / "out"
    target.write_text("not a folder")
    code, _, err = cli("convert", str(src), "-o", str(target))
    assert code == 2
    assert err.splitlines() == [
        f"cableconv convert: error: -o {target}: {target} exists and is not a folder"
    ]


def test_a_read_only_outdir_is_one_usage_error_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = folder_of(tmp_path / "in", copies=1)
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def read_only(path: Any, *args: Any, **kw: Any) -> int:  # root writes anywhere: refuse
        if Path(path).parent == out:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", read_only)
    converted: list[object] = []
    monkeypatch.setattr(batch_module, "convert_one", lambda *a: converted.append(a))
    code, _, err = cli("convert", str(src), "-o", str(out))
    assert code == 2
    assert err.splitlines() == [
        f"cableconv convert: error: -o {out}: cannot write in {out}: Read-only file system"
    ]
    assert converted == [] and list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_outdir_for_real(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, _, err = cli("convert", str(SEED), "-o", str(out))
    finally:
        out.chmod(0o755)
    assert code == 2 and len(err.splitlines()) == 1


def test_an_outdir_that_cannot_be_made_is_one_usage_error_even_for_root(tmp_path: Path) -> None:
    """No permission to play with: a folder under a file cannot be made by
    anyone, and sysfs refuses new files to root too."""
    (tmp_path / "file").write_text("not a folder")
    targets = [tmp_path / "file" / "out"]
    if Path("/sys/kernel").is_dir():
        targets.append(Path("/sys/kernel"))
    for target in targets:
        code, _, err = cli("convert", str(SEED), "-o", str(target))
        assert code == 2, target
        assert len(err.splitlines()) == 1 and err.startswith(
            f"cableconv convert: error: -o {target}: cannot "
        ), err


def test_a_failed_write_names_the_output_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Any, *args: Any, **kw: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(os, "open", full)
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "d1.xml", b"x")
    assert caught.value.filename == str(tmp_path / "d1.xml")
    assert caught.value.errno == errno.ENOSPC


# ---- the summary and the report -----------------------------------------------


def test_the_summary_counts_refused_inputs_and_warnings(tmp_path: Path) -> None:
    warned = tmp_path / "warned.txt"
    warned.write_bytes(SEED.read_bytes().replace(b"the", b"th\xe9", 1))  # CC002, a warning
    code, _, err = cli(
        "convert", str(warned), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")
    )
    assert code == 1
    summary = err.splitlines()[-1]
    assert "1 converted, 0 skipped, 0 failed; 1 input refused; 0 errors, 1 warning" in summary


def test_a_skipped_document_keeps_its_codes_in_the_report(tmp_path: Path) -> None:
    warned = tmp_path / "warned.txt"
    warned.write_bytes(SEED.read_bytes().replace(b"the", b"th\xe9", 1))
    report = tmp_path / "r.json"
    for status in ("converted", "skipped"):
        cli("convert", str(warned), "-o", str(tmp_path / "o"), "--report", str(report))
        (doc,) = json.loads(report.read_text("utf-8"))["documents"]
        assert doc["status"] == status
        assert doc["codes"] == {"CC002": 1} and doc["diagnostics"]["warning"] == 1


@pytest.mark.parametrize(
    "damage", [b"", b'{"manifest_version": 1, "documents": {"v0/a": '], ids=["empty", "truncated"]
)
def test_a_corrupt_manifest_is_said_and_replaced(tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "o"
    assert cli("convert", str(SEED), "-o", str(out))[0] == 0
    (out / MANIFEST_NAME).write_bytes(damage)
    code, _, err = cli("convert", str(SEED), "-o", str(out))
    assert code == 0
    assert "warning CC520" in err and "every input is converted again" in err
    assert "1 converted" in err
    code, _, err = cli("convert", str(SEED), "-o", str(out))
    assert "CC520" not in err and "1 skipped" in err


# ---- two runs into one folder -------------------------------------------------


def test_two_runs_writing_the_same_output_lose_no_manifest_entry(tmp_path: Path) -> None:
    """Run A writes d1, run B writes d1 again (its file is the one on disk),
    B saves its manifest, then A saves: A's record no longer describes the
    file, B's does, and B's is kept, so a third run skips d1."""
    out = tmp_path / "out"
    items, _ = expand_inputs([str(folder_of(tmp_path / "in", copies=1))])
    item = items[0]
    key = item.rel.as_posix()
    a, b = Manifest.load(out), Manifest.load(out)
    for manifest in (a, b):
        result = convert_one(item, TEI_JSON, out, Options())
        assert result.stamp is not None
        for stamp in result.written.values():  # as if the other run's file came later
            os.utime(out / stamp.path, ns=(stamp.mtime_ns, stamp.mtime_ns + (manifest is b)))
        written = {
            n: type(s)(s.path, s.size, s.mtime_ns + (manifest is b))
            for n, s in result.written.items()
        }
        manifest.record(key, item.path.absolute(), result.stamp, "s", written, {})
    b.save()
    a.save()
    suffixes = {f.name: f.suffix for f in TEI_JSON}
    assert Manifest.load(out).stale_formats(key, item.path.absolute(), suffixes, "s") == []


# ---- SIGTERM and SIGINT -------------------------------------------------------


def _signal_at(monkeypatch: pytest.MonkeyPatch, signum: int, after: int) -> None:
    """Deliver ``signum`` to this process as the ``after``-th document finishes."""
    real = Progress.advance
    seen = [0]

    def advance(self: Progress, failed: bool = False) -> None:
        real(self, failed)
        seen[0] += 1
        if seen[0] == after:
            signal.raise_signal(signum)

    monkeypatch.setattr(Progress, "advance", advance)


@pytest.fixture
def pool_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_module, "worker_start_ms", lambda names, formats: 0.0)


@pytest.mark.parametrize(
    ("signum", "jobs", "after"),
    [
        (signal.SIGTERM, "1", 3),
        (signal.SIGINT, "1", 3),
        (signal.SIGTERM, "2", 3),
        (signal.SIGINT, "2", 1),
        (signal.SIGTERM, "2", 17),
    ],
    ids=["SIGTERM", "SIGINT", "SIGTERM-workers", "SIGINT-workers-first", "SIGTERM-workers-late"],
)
def test_an_interrupted_run_reports_keeps_its_manifest_and_the_next_completes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    signum: int,
    jobs: str,
    after: int,
    request: Any,
) -> None:
    if jobs != "1":
        request.getfixturevalue("pool_always")
    src = folder_of(tmp_path / "in")
    total = len(list(src.rglob("*.txt")))
    clean, out, report = tmp_path / "clean", tmp_path / "out", tmp_path / "r.json"
    assert cli("convert", str(src), "--to", "tei,json", "-o", str(clean), "-j", "1")[0] == 0
    report.write_text('{"state": "completed", "documents": "an older run"}')

    _signal_at(monkeypatch, signum, after=after)
    code, _, err = cli(
        "convert", str(src), "--to", "tei,json", "-o", str(out), "-j", jobs, "--report", str(report)
    )
    monkeypatch.undo()
    name = signal.Signals(signum).name
    assert code == 128 + signum
    assert f"interrupted by {name}" in err
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handlers put back
    data = json.loads(report.read_text("utf-8"))
    assert data["state"] == f"interrupted by {name}"
    statuses = [d["status"] for d in data["documents"]]
    assert len(statuses) == total and statuses.count("converted") >= after
    assert "interrupted" in statuses and set(statuses) <= {"converted", "interrupted"}
    assert temporaries(out) == []
    # What the manifest holds is on disk, as recorded: those are skipped next time.
    recorded = Manifest.load(out).entries
    assert len(recorded) >= after
    for entry in recorded.values():
        for rel, size, _ in entry["outputs"].values():
            assert (out / rel).stat().st_size == size

    code, _, err = cli(
        "convert", str(src), "--to", "tei,json", "-o", str(out), "--report", str(report)
    )
    assert code == 0, err
    again = json.loads(report.read_text("utf-8"))
    assert again["state"] == "completed"
    assert again["summary"]["skipped"] == len(recorded)
    assert outputs_of(out) == outputs_of(clean)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_stops_the_batch_with_one_error_and_the_next_run_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str, request: Any
) -> None:
    """The disk fills up while the second folder is written: one CC522 error,
    exit 3, no failure per remaining document, a manifest of what was written
    and a next run that converts the rest, equal to a clean run."""
    if jobs != "1":
        request.getfixturevalue("pool_always")
    src = folder_of(tmp_path / "in", copies=3)
    total = len(list(src.rglob("*.txt")))
    clean, out, report = tmp_path / "clean", tmp_path / "out", tmp_path / "r.json"
    assert cli("convert", str(src), "--to", "tei,json", "-o", str(clean), "-j", "1")[0] == 0
    real = batch_module.write_atomic

    def filling(path: Path, data: bytes, durable: bool = False) -> os.stat_result:
        if path.parent.name != "v0":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, durable)

    monkeypatch.setattr(batch_module, "write_atomic", filling)
    code, _, err = cli(
        "convert", str(src), "--to", "tei,json", "-o", str(out), "-j", jobs, "--report", str(report)
    )
    monkeypatch.undo()
    assert code == 3, err
    stops = [line for line in err.splitlines() if "CC522" in line]
    assert len(stops) == 1 and "No space left on device" in stops[0]
    assert len([line for line in err.splitlines() if line.startswith("failed:")]) <= int(jobs)
    data = json.loads(report.read_text("utf-8"))
    assert data["state"].startswith("stopped: cannot write in")
    statuses = [d["status"] for d in data["documents"]]
    assert statuses.count("interrupted") >= total // 3 - int(jobs)
    assert temporaries(out) == []

    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    assert code == 0, err
    assert outputs_of(out) == outputs_of(clean)
    skipped = int(err.split(" skipped")[0].rsplit(" ", 1)[1])
    assert 0 < skipped < total  # what the stopped run wrote is kept, not redone


def test_a_report_is_marked_running_while_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed outright (SIGKILL) cannot write its report; the one it
    leaves says it was running, not what an older run converted."""
    report = tmp_path / "r.json"
    report.write_text('{"state": "completed"}')
    seen: list[str] = []
    real = batch_module.Batch.run

    def run_and_look(self: Any, items: Any) -> Any:
        seen.append(json.loads(report.read_text("utf-8"))["state"])
        return real(self, items)

    monkeypatch.setattr(batch_module.Batch, "run", run_and_look)
    assert cli("convert", str(SEED), "-o", str(tmp_path / "o"), "--report", str(report))[0] == 0
    assert seen == ["running"]
    assert json.loads(report.read_text("utf-8"))["state"] == "completed"


def test_help_gives_the_exit_codes_and_what_an_input_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("convert", "--help")[0] == 0
    out = capsys.readouterr().out  # argparse prints help itself
    assert "exit status:" in out and "143" in out and "130" in out
    assert "INPUT" in out and "a folder (its *.txt" in out


def test_a_run_without_changes_removes_the_change_logs_an_earlier_run_wrote(
    tmp_path: Path,
) -> None:
    out = tmp_path / "o"
    assert cli("convert", str(SEED), "-o", str(out), "--changes")[0] == 0
    log = out / f"{SEED.stem}.changes.json"
    assert log.is_file()
    assert cli("convert", str(SEED), "-o", str(out))[0] == 0
    assert not log.exists()
    assert (out / f"{SEED.stem}.xml").is_file()


def test_a_change_log_edited_by_hand_is_not_ours_to_remove(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert cli("convert", str(SEED), "-o", str(out), "--changes")[0] == 0
    log = out / f"{SEED.stem}.changes.json"
    log.write_text("my notes")
    assert cli("convert", str(SEED), "-o", str(out))[0] == 0
    assert log.read_text() == "my notes"


def test_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "d1.txt"
    path.write_bytes(SEED.read_text("utf-8").encode("utf-16-le"))
    code, out, _ = cli("check", str(path))
    assert code == 2
    assert "UTF-16 (little-endian) without a byte-order mark" in out
    assert "binary data" not in out


def test_normalize_write_through_a_link_rewrites_the_file_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.txt"
    real.write_text(SEED.read_text("utf-8").replace("\n", "   \n", 1), "utf-8")  # trailing blanks
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    before = real.read_bytes()
    code, _, _ = cli("normalize", "--write", str(link))
    assert code == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() != before  # the target was normalised
    assert (real.stat().st_mode & 0o777) == 0o640


def test_two_concurrent_runs_into_one_folder_leave_it_complete(tmp_path: Path) -> None:
    """Two real ``convert`` processes over the same inputs and OUTDIR, at
    once: both succeed, and a third run finds every document up to date."""
    import subprocess
    import sys

    src = folder_of(tmp_path / "in")
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "cableconv", "convert", str(src), "--to", "tei,json"]
    argv += ["-o", str(out), "-j", "1", "-q"]
    runs = [subprocess.Popen(argv, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    code, _, err = cli("convert", str(src), "--to", "tei,json", "-o", str(out))
    assert code == 0
    total = len(list(src.rglob("*.txt")))
    assert f"0 converted, {total} skipped" in err
    assert temporaries(out) == []
