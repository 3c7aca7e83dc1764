"""``cableconv convert --cluster``: the batch on a Dask cluster of two worker
processes on 127.0.0.1 (``distributed.LocalCluster``), against a local run.

Nothing here depends on timing: the kill test waits for outputs to appear,
not for a duration, and tries again with a longer batch if the batch was
quicker than the test.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cableconv import incremental
from cableconv.cli import run
from cableconv.incremental import MANIFEST_NAME, Manifest

from .conftest import ROOT, sample_paths

if os.environ.get("CI") == "true":
    import distributed  # under CI the cluster extra is installed: never skip
else:
    distributed = pytest.importorskip(
        "distributed", reason="Dask is not installed: pip install -e '.[cluster]'"
    )

from cableconv import cluster as dask_backend
from cableconv.cluster import ClusterError, ClusterPool, sees
from cableconv.inputs import Input
from cableconv.workers import Job

pytestmark = pytest.mark.slow

ALL = "tei,json,md,docx,pdf"
SAMPLES = [str(p) for p in sample_paths()]


def cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, err.getvalue()


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the manifests (they hold times)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (MANIFEST_NAME, "volume-manifest.json")
    }


def dask_command(*argv: str, allowed_failures: int = 3) -> subprocess.Popen[bytes]:
    """``dask ARGV`` (the commands a user starts a cluster with), in its own
    process group, able to import this test module (its runners)."""
    dask = Path(sys.executable).with_name("dask")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {
        **os.environ,
        "PYTHONPATH": path,
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": str(allowed_failures),
    }
    return subprocess.Popen(
        [str(dask), *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
        cwd=ROOT,
    )


@contextlib.contextmanager
def scheduler_and_worker(
    folder: Path, workers: int = 1, allowed_failures: int = 3
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``dask scheduler`` and ``dask worker`` (``workers`` single-threaded
    worker processes) on 127.0.0.1: the address, and the scheduler's process."""
    folder.mkdir()
    file = folder / "scheduler.json"
    started = [
        dask_command(
            "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
            "--scheduler-file", str(file), allowed_failures=allowed_failures,
        )
    ]  # fmt: skip
    try:
        while not file.exists():
            assert started[0].poll() is None, "dask scheduler did not start"
            time.sleep(0.05)
        started.append(
            dask_command(
                "worker", "--scheduler-file", str(file), "--nthreads", "1", "--no-dashboard",
                "--host", "127.0.0.1", "--nworkers", str(workers),
            )
        )  # fmt: skip
        with distributed.Client(scheduler_file=str(file)) as client:
            client.wait_for_workers(workers, timeout=120)
            at = str(client.scheduler.address)
        yield at, started[0]
    finally:
        for proc in reversed(started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A client of ``dask scheduler`` and ``dask worker --nworkers 2
    --nthreads 1`` (a nanny per worker, which starts a killed worker again),
    started as a user starts them. A document that kills workers is given
    up after two deaths, not Dask's four."""
    folder = tmp_path_factory.mktemp("dask")
    with (
        scheduler_and_worker(folder / "cluster", workers=2, allowed_failures=1) as (at, _),
        distributed.Client(at, set_as_default=False) as client,
    ):
        yield client


def address(client: Any, workers: int = 2) -> str:
    client.wait_for_workers(workers, timeout=120)  # after a kill, the nanny's new worker
    return str(client.scheduler.address)


def test_samples_through_the_cluster_are_byte_identical(tmp_path: Path, dask_cluster: Any) -> None:
    at = address(dask_cluster)
    code, err = cli("convert", *SAMPLES, "--to", ALL, "-o", str(tmp_path / "local"), "-j", "1")
    assert code == 0, err
    report = tmp_path / "report.json"
    code, err = cli(
        "convert", *SAMPLES, "--to", ALL, "-o", str(tmp_path / "dask"), "--cluster", at,
        "--report", str(report), "-v",
    )  # fmt: skip
    assert code == 0, err
    assert f"on the Dask cluster at {at}" in err
    local, remote = outputs(tmp_path / "local"), outputs(tmp_path / "dask")
    assert len(local) == 5 * len(sample_paths())
    assert remote.keys() == local.keys()
    assert [k for k in local if remote[k] != local[k]] == []
    assert '"jobs": 2' in report.read_text(encoding="utf-8")  # both worker threads
    # The manifest is the client's: a second run finds everything up to date.
    code, err = cli("convert", *SAMPLES, "--to", ALL, "-o", str(tmp_path / "dask"), "--cluster", at)
    assert code == 0, err
    assert f"{len(sample_paths())} skipped" in err


def test_a_volume_through_the_cluster_is_byte_identical(tmp_path: Path, dask_cluster: Any) -> None:
    spec = str(ROOT / "samples" / "volume" / "VOLUME.toml")
    at = address(dask_cluster, 1)
    code, err = cli("volume", spec, "--to", "tei,md", "-o", str(tmp_path / "local"), "-j", "1")
    assert code == 0, err
    code, err = cli("volume", spec, "--to", "tei,md", "-o", str(tmp_path / "dask"), "--cluster", at)
    assert code == 0, err
    local, remote = outputs(tmp_path / "local"), outputs(tmp_path / "dask")
    assert any(k.endswith(".md") for k in local) and any(k.endswith(".xml") for k in local)
    assert remote == local


def copies(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        for sample in sample_paths():
            shutil.copyfile(sample, folder / f"{sample.stem}-{i}.txt")
    return folder


def in_thread(*argv: str) -> tuple[threading.Thread, list[tuple[int, str]]]:
    """``cableconv ARGV`` started in a thread; its answer, once joined."""
    answer: list[tuple[int, str]] = []
    return threading.Thread(target=lambda: answer.append(cli(*argv))), answer


def test_a_worker_killed_mid_batch_costs_a_retry(tmp_path: Path, dask_cluster: Any) -> None:
    at = address(dask_cluster)
    for attempt in range(1, 4):
        src = copies(tmp_path / f"in{attempt}", 6 * attempt)
        out = tmp_path / f"dask{attempt}"
        total = len(list(src.iterdir()))
        argv = ("convert", str(src), "--to", "tei,json,md", "-o", str(out), "--cluster", at)
        batch, answer = in_thread(*argv)
        pids = dask_cluster.run(os.getpid)
        batch.start()
        while batch.is_alive() and len(list(out.glob("*.md"))) < 3:
            time.sleep(0.005)
        killed = batch.is_alive() and len(list(out.glob("*.md"))) < total
        victim = next(iter(pids.values()))
        if killed:
            os.kill(victim, signal.SIGKILL)
        batch.join()
        code, err = answer[0]
        assert code == 0, err
        if killed:
            break
    else:
        pytest.fail("each batch finished before a worker could be killed")
    code, err = cli("convert", str(src), "--to", "tei,json,md", "-o", str(tmp_path / "local"))
    assert code == 0, err
    local = outputs(tmp_path / "local")
    assert len(local) == 3 * total
    assert outputs(out) == local
    address(dask_cluster)  # the nanny has started a new worker
    assert victim not in dask_cluster.run(os.getpid).values()


def test_losing_the_scheduler_keeps_a_valid_manifest_and_the_next_run_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = copies(tmp_path / "in", 8)
    out = tmp_path / "dask"
    total = len(list(src.iterdir()))
    argv = ("convert", str(src), "--to", "tei,json,md", "-o", str(out))
    with scheduler_and_worker(tmp_path / "one") as (at, scheduler):
        # The scheduler dies as the batch takes its first result, before the
        # last chunks are even sent (two chunks of two on the cluster at a
        # time): not once half the outputs were seen on disk from here, which
        # raced with the end of the batch.
        monkeypatch.setattr(dask_backend, "WINDOW_PER_THREAD", 1)
        kill_scheduler_after(monkeypatch, 1, scheduler)
        code, err = cli(*argv, "--cluster", at)
    assert code == 3, err
    assert "error CC545 lost the connection to the Dask scheduler" in err
    assert "run the same command again" in err
    manifest = Manifest.load(out)
    recorded = set(manifest.entries)  # it was saved whole, and names only what exists
    assert 1 <= len(recorded) <= total // 2
    for key in recorded:
        written = manifest.outputs(key, ["tei", "json", "md"])
        assert len(written) == 3 and all(Path(p).is_file() for p in written)
    monkeypatch.undo()
    with scheduler_and_worker(tmp_path / "two") as (at, _):
        code, err = cli(*argv, "--cluster", at)
    assert code == 0, err
    assert f"{total - len(recorded)} converted, {len(recorded)} skipped" in err
    code, err = cli(*argv[:-1], str(tmp_path / "local"))
    assert code == 0, err
    assert outputs(out) == outputs(tmp_path / "local")


def kill_scheduler_after(
    monkeypatch: pytest.MonkeyPatch, results: int, scheduler: subprocess.Popen[bytes]
) -> None:
    """SIGKILL ``scheduler`` (and wait until it is gone) as soon as the batch
    has taken ``results`` results from the cluster and asks for the next."""
    run_chunks = ClusterPool._run

    def _run(self: ClusterPool, *args: Any) -> Iterator[tuple[int, Any]]:
        for taken, result in enumerate(run_chunks(self, *args), 1):
            yield result
            if taken == results:
                os.killpg(scheduler.pid, signal.SIGKILL)
                scheduler.wait()

    monkeypatch.setattr(ClusterPool, "_run", _run)


def test_workers_with_other_code_are_refused(
    tmp_path: Path, dask_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The client's code differs; the workers' (identity runs there) does not.
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "another version")
    at = address(dask_cluster, 1)
    code, err = cli("convert", "samples", "-o", str(tmp_path / "out"), "--cluster", at)
    assert code == 3
    assert "error CC542" in err and "outputs would differ" in err
    assert not list((tmp_path / "out").glob("*.xml"))


def test_a_worker_that_joins_with_other_code_converts_nothing(dask_cluster: Any) -> None:
    class JoinedLater(ClusterPool):
        """As if the workers checked at the start had all been replaced
        by workers with other code."""

        def _check_workers(self, client: Any, jobs: list[Job]) -> None:
            self._identity = ("a cableconv that joined later", ())

    jobs = [Job(i, Input(Path(f"d{i}.txt"), Path(f"d{i}")), ("tei",)) for i in range(4)]
    with pytest.raises(ClusterError) as caught:
        list(JoinedLater(address(dask_cluster, 1), str).run(jobs))
    assert caught.value.code == "CC542"
    assert "(first: tcp://127.0.0.1:" in caught.value.message


def test_no_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_backend, "CONNECT_SECONDS", 0.5)
    with __import__("socket").socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, err = cli(
        "convert", "samples", "-o", str(tmp_path / "out"), "--cluster", f"tcp://127.0.0.1:{port}"
    )
    assert code == 3
    assert "error CC540 no Dask scheduler answers at tcp://127.0.0.1:" in err
    assert "hint:" in err


def test_cluster_without_dask_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cableconv.cluster", None)  # as if not installed
    at = "tcp://127.0.0.1:8786"
    code, err = cli("convert", SAMPLES[0], "-o", str(tmp_path / "out"), "--cluster", at)
    assert code == 2
    assert "--cluster needs Dask" in err and "pip install 'cableconv[cluster]'" in err
    assert not (tmp_path / "out").exists()


def test_a_worker_must_see_the_client_folders(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.write_bytes(b"token")
    doc = tmp_path / "d.txt"
    doc.write_text("text", encoding="utf-8")
    here = str(tmp_path)
    assert sees(here, str(probe), b"token", [(str(doc), 4)]) == ""
    assert "another folder" in sees(here, str(probe), b"other", [(str(doc), 4)])
    assert "cannot read the output folder" in sees(here, str(tmp_path / "no"), b"", [])
    assert "another file" in sees(here, str(probe), b"token", [(str(doc), 5)])
    assert "cannot read the input" in sees(here, str(probe), b"token", [(here + "/x.txt", 4)])
    assert "working folder" in sees(here + "/nowhere", str(probe), b"token", [])


def test_cluster_error_says_what_to_do() -> None:
    text = ClusterError("CC545", "lost", "run again").format()
    assert text == "error CC545 lost\n  hint: run again"


class RecomputedFuture:
    """A Dask future whose result is lost with its worker just after its
    done-callback ran, then computed again: Dask calls no callback twice."""

    def __init__(self, key: str, value: Any, lose: bool) -> None:
        self.key, self.value, self.lose = key, value, lose
        self.status = "finished"

    def done(self) -> bool:
        return self.status == "finished"

    def add_done_callback(self, callback: Any) -> None:
        callback(self)
        if self.lose:
            self.status = "lost"
            threading.Timer(0.2, setattr, (self, "status", "finished")).start()

    def cancel(self) -> None:
        pass


class LosingClient:
    """The little of ``distributed.Client`` a batch uses, in this process;
    the first chunk's result is lost once after it finished."""

    status = "running"

    def __init__(self) -> None:
        self.submitted = 0

    def wait_for_workers(self, n: int, timeout: float) -> None:
        pass

    def nthreads(self) -> dict[str, int]:
        return {"tcp://127.0.0.1:1": 1}

    def run(self, function: Any, *args: Any) -> dict[str, Any]:
        return {"tcp://127.0.0.1:1": function(*args)}

    def register_plugin(self, plugin: Any, name: str) -> None:
        pass

    def unregister_worker_plugin(self, name: str) -> None:
        pass

    def close(self, timeout: float) -> None:
        pass

    def submit(self, function: Any, *args: Any, key: str, pure: bool) -> RecomputedFuture:
        self.submitted += 1
        return RecomputedFuture(key, function(*args), lose=self.submitted == 1)

    def gather(self, futures: list[RecomputedFuture]) -> list[Any]:
        return [f.value for f in futures]


def test_a_result_lost_after_it_finished_is_still_collected() -> None:
    # The batch once waited forever here: the callback had been spent on the
    # result before it was lost, and nothing looked at the chunk again.
    jobs = [Job(i, Input(Path(f"d{i}.txt"), Path(f"d{i}")), ("tei",)) for i in range(8)]
    pool = ClusterPool(
        "tcp://127.0.0.1:1", lambda job: job.input.path.name, client=lambda at: LosingClient()
    )
    done = threading.Event()
    results: dict[int, Any] = {}

    def batch() -> None:
        results.update(pool.run(jobs))
        done.set()

    threading.Thread(target=batch, daemon=True).start()
    assert done.wait(timeout=60), "the batch never collected the recomputed chunk"
    assert results == {i: f"d{i}.txt" for i in range(8)}


def poisoned(job: Job) -> str:
    """A runner whose process dies on one document (a crash in a native
    library, say)."""
    if job.input.path.name == "poison.txt":
        os._exit(13)
    return job.input.path.name


def crashed(item: Input, reason: str) -> str:
    return f"crash: {item.path.name}: {reason}"


# Last: the workers it kills may still be starting again when the module ends.
def test_a_document_that_kills_workers_is_its_own_failure(
    dask_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # both workers may be starting again at once, slowly on a loaded machine
    monkeypatch.setattr(dask_backend, "NO_WORKERS_SECONDS", 300.0)
    names = [f"d{i}.txt" for i in range(40)]
    names[13] = "poison.txt"
    jobs = [Job(i, Input(Path(n), Path(n)), ("tei",)) for i, n in enumerate(names)]
    pool = ClusterPool(address(dask_cluster), poisoned, on_crash=crashed, cost_ms=lambda job: 50.0)
    results = dict(pool.run(jobs))
    assert pool.chunk > 1  # the poison shared a chunk with good documents
    assert sorted(results) == list(range(len(names)))
    for i, name in enumerate(names):
        if name == "poison.txt":
            assert results[i].startswith("crash: poison.txt: the Dask workers")
            assert "KilledWorker" in results[i]
        else:
            assert results[i] == name
