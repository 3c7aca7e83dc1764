"""A batch killed with SIGKILL while it writes leaves only complete outputs,
and the next run completes it.

The test stops a real ``python -m cableconv convert`` (and its workers) once
some outputs exist and while others are still to come, kills the whole
process group, and then checks the folder against an uninterrupted run.
Nothing depends on timing: the test waits for conditions, not durations.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from cableconv.atomic import is_temp_name
from cableconv.batch import Batch
from cableconv.incremental import MANIFEST_NAME, Manifest, code_fingerprint
from cableconv.inputs import expand_inputs
from cableconv.pipeline import Options
from cableconv.writers import parse_formats

from .conftest import ROOT, sample_paths

pytestmark = pytest.mark.slow

COPIES = 30  # x 10 samples: a batch long enough to be caught in the middle
ATTEMPTS = 5


def big_volume(folder: Path) -> Path:
    samples = sample_paths()
    for i in range(COPIES):
        vol = folder / f"vol{i % 3}"
        vol.mkdir(parents=True, exist_ok=True)
        for sample in samples:
            shutil.copyfile(sample, vol / f"{sample.stem}-{i}.txt")
    return folder


def files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def cableconv(*argv: str) -> subprocess.Popen[bytes]:
    path = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    return subprocess.Popen(
        [sys.executable, "-m", "cableconv", "convert", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: workers and pandoc die with it
    )


def count_outputs(out: Path) -> int:
    return sum(1 for p in out.rglob("*") if p.suffix in (".xml", ".json"))


def kill_midway(src: Path, out: Path, jobs: str) -> bool:
    """Start a batch, SIGKILL its process group once it has written 20 outputs;
    False if it finished first (a machine faster than this test expects)."""
    before = count_outputs(out) if out.exists() else 0
    proc = cableconv(str(src), "--to", "tei,json", "-o", str(out), "-j", jobs)
    total = 2 * len(list(src.rglob("*.txt")))
    try:
        while proc.poll() is None:
            done = count_outputs(out) if out.exists() else 0
            if done >= before + 20:
                os.killpg(proc.pid, signal.SIGSTOP)  # freeze everyone, mid-write or not
                done = count_outputs(out)
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return done < total
            time.sleep(0.005)
        return False
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        _wait_for_group_to_die(proc.pid)


def _wait_for_group_to_die(pgid: int) -> None:
    """Wait (at most a minute) until no process of the group is left."""
    for _ in range(12000):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.005)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_midway_leaves_no_partial_output_and_a_rerun_completes(
    tmp_path: Path, jobs: str
) -> None:
    src = big_volume(tmp_path / "in")
    expected = tmp_path / "expected"
    items, _ = expand_inputs([str(src)])
    Batch(parse_formats("tei,json"), expected, Options(), incremental=False).run(items)
    reference = {k: p.read_bytes() for k, p in files(expected).items()}

    for attempt in range(ATTEMPTS):
        out = tmp_path / f"out{attempt}"
        # One volume done by an earlier run: the manifest vouches for it.
        done = [item for item in items if item.rel.parts[0] == "vol0"]
        Batch(parse_formats("tei,json"), out, Options()).run(done)
        if kill_midway(src, out, jobs):
            break
    else:
        pytest.skip("every batch finished before it could be killed")

    left = files(out)
    outputs = {k: p for k, p in left.items() if not is_temp_name(p.name) and k != MANIFEST_NAME}
    assert 0 < len(outputs) < len(reference)
    for rel, path in outputs.items():
        data = path.read_bytes()
        assert data == reference[rel], f"{rel} is not the complete output"
        if rel.endswith(".xml"):
            etree.fromstring(data)
        else:
            json.loads(data)
    # What the manifest vouches for is there, complete.
    assert len(Manifest.load(out).entries) >= len(done)
    for entry in Manifest.load(out).entries.values():
        for rel, size, _ in entry["outputs"].values():
            assert (out / rel).stat().st_size == size == len(reference[rel])

    code = _fingerprint()
    rerun = cableconv(str(src), "--to", "tei,json", "-o", str(out), "-j", jobs)
    _, err = rerun.communicate()
    assert rerun.returncode == 0, err.decode()
    final = files(out)
    assert not [k for k, p in final.items() if is_temp_name(p.name)], "temporary files left"
    assert {k: p.read_bytes() for k, p in final.items() if k != MANIFEST_NAME} == reference
    again = cableconv(str(src), "--to", "tei,json", "-o", str(out), "-j", jobs)
    _, err = again.communicate()
    if _fingerprint() == code:  # nobody edited cableconv meanwhile (a shared dev tree)
        assert f"{len(items)} skipped" in err.decode()


def _fingerprint() -> str:
    code_fingerprint.cache_clear()
    return code_fingerprint()


def test_workers_stop_by_themselves_when_the_batch_process_is_killed(tmp_path: Path) -> None:
    src = big_volume(tmp_path / "in")
    out = tmp_path / "out"
    proc = cableconv(str(src), "--to", "tei,json", "-o", str(out), "-j", "2")
    try:
        while proc.poll() is None and (not out.exists() or count_outputs(out) < 20):
            time.sleep(0.005)
        if proc.poll() is not None:
            pytest.skip("the batch finished before it could be killed")
        workers = _children_of(proc.pid)
        assert workers, "a batch this size runs in worker processes"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers are orphaned
        proc.wait()
        _wait_for_group_to_die(proc.pid)
        alive = [pid for pid in workers if _alive(pid)]
        assert not alive, f"workers {alive} outlived their parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def _children_of(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids.extend(int(k) for k in (task / "children").read_text().split())
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
