"""``make bench``: the dev corpus on a two-worker Dask cluster against the
local worker pool, on the same machine (issue 13).

What is measured:

- **local pool**: ``cableconv convert CORPUS --to tei,json,md,docx,pdf -j 2``,
  a fresh process into an empty folder (as ``bench/bench.py`` does);
- **Dask cluster**: the same command with ``--cluster``, against a
  scheduler and two single-threaded workers started the way a user starts
  them (``dask scheduler``, ``dask worker --nworkers 2 --nthreads 1``), here
  on 127.0.0.1 and on the same two cores. The cluster is started before the
  clock starts (it is long-lived, like any cluster); connecting, checking
  the workers and warming them up is inside the measured run. The two are
  run alternately, ``--repeat`` times each, the best of each counting (the
  machine is shared);
- **per-chunk overhead**: chunks of one document whose runner does nothing
  (the builtin ``id``) through :class:`~cableconv.cluster.ClusterPool`,
  windowed as a batch sends them (throughput: wall time per chunk), and one
  at a time (round trip of one chunk); Dask's own cost of an empty task for
  reference;
- **on paper**: the time for 300,000 and 3 million documents on 10 and 100
  workers, from those figures (see :func:`estimate`).

Results go to ``bench/cluster.md`` and ``bench/cluster.json``; outputs to
``bench/work/``. Needs ../shared/corpus and Dask (``pip install -e
'.[cluster]'``); skips cleanly without either. Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import CORPUS, ROOT, WORK, Run, compile_package, convert, say, select, stage

from cableconv.cluster import CHUNK_MS

RESULTS_MD = ROOT / "bench" / "cluster.md"
RESULTS_JSON = ROOT / "bench" / "cluster.json"
FORMATS = "tei,json,md,docx,pdf"
WORKERS = 2
#: Collections the estimate is made for: documents, workers.
SERIES = (300_000, 3_000_000)
FLEETS = (10, 100)
TARGET_RATIO = 0.8


@dataclass
class Results:
    date: str
    machine: str
    documents: int
    formats: str
    local_seconds: list[float] = field(default_factory=list)
    cluster_seconds: list[float] = field(default_factory=list)
    local_cpu_seconds: float = 0.0
    identical: str = ""
    chunk_documents: int = 0
    startup_seconds: float = 0.0
    chunk_overhead_ms: float = 0.0
    chunk_round_trip_ms: float = 0.0
    dask_task_ms: float = 0.0
    estimates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def local(self) -> float:
        return min(self.local_seconds)

    @property
    def cluster(self) -> float:
        return min(self.cluster_seconds)

    @property
    def ratio(self) -> float:
        """Cluster throughput over the local pool's (1: as fast)."""
        return self.local / self.cluster


def dask_command(*argv: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("dask")), *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@contextlib.contextmanager
def local_cluster(folder: Path, workers: int) -> Iterator[str]:
    """``dask scheduler`` and ``dask worker --nworkers N --nthreads 1`` on
    127.0.0.1; the scheduler's address once every worker has joined."""
    import distributed

    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "scheduler.json"
    file.unlink(missing_ok=True)
    procs = [
        dask_command(
            "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
            "--scheduler-file", str(file),
        )
    ]  # fmt: skip
    try:
        while not file.exists():
            if procs[0].poll() is not None:
                raise SystemExit("dask scheduler did not start")
            time.sleep(0.05)
        procs.append(
            dask_command(
                "worker", "--scheduler-file", str(file), "--nworkers", str(workers),
                "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
            )
        )  # fmt: skip
        with distributed.Client(scheduler_file=str(file)) as client:
            client.wait_for_workers(workers, timeout=120)
            address = str(client.scheduler.address)
        yield address
    finally:
        for proc in reversed(procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".cableconv")
    }


def overhead(address: str, chunks: int) -> tuple[float, float, float, float]:
    """Seconds a batch spends before its first chunk (connecting, checking
    the workers, registering the warm-up plugin), then milliseconds per
    chunk: windowed through ClusterPool, one at a time, and Dask's empty task
    (``client.map`` of ``id``)."""
    import distributed

    from cableconv.cluster import ClusterPool, run_chunk
    from cableconv.inputs import Input
    from cableconv.workers import Job

    jobs = [Job(i, Input(Path(f"d{i}.txt"), Path(f"d{i}")), ("tei",)) for i in range(chunks)]
    pool = ClusterPool(address, id, cost_ms=lambda job: 1e9)  # one document a chunk
    t0 = time.perf_counter()
    list(pool.run(jobs[:1]))
    startup = time.perf_counter() - t0
    list(pool.run(jobs[: WORKERS * 4]))  # connections made, workers warm
    t0 = time.perf_counter()
    done = sum(1 for _ in pool.run(jobs))
    windowed = (time.perf_counter() - t0) / done * 1000
    with distributed.Client(address, set_as_default=False) as client:
        cwd = os.getcwd()
        trips = 50
        t0 = time.perf_counter()
        for job in jobs[:trips]:
            client.submit(run_chunk, id, [job], cwd, pure=False).result()
        round_trip = (time.perf_counter() - t0) / trips * 1000
        t0 = time.perf_counter()
        client.gather(client.map(id, range(chunks), pure=False))
        dask_task = (time.perf_counter() - t0) / chunks * 1000
    return startup, windowed, round_trip, dask_task


def estimate(res: Results, documents: int, workers: int) -> dict[str, Any]:
    """Hours for ``documents`` on ``workers`` single-threaded workers.

    Each worker does what each of the two did here: ``(cluster seconds -
    start-up) × 2 / documents`` worker-seconds a document, the chunks'
    overhead included. The scheduler hands out one chunk per
    ``chunk_overhead_ms`` at most (the windowed figure: every step of a chunk,
    on a 2-core machine that also runs both workers, so a bound on the safe
    side); when the workers want chunks faster than that, it is the limit.
    Storage is assumed to keep up (about 150 KB of outputs a document).
    """
    per_doc = max(0.0, res.cluster - res.startup_seconds) * WORKERS / res.documents
    compute = documents * per_doc / workers
    chunks = documents / max(1, res.chunk_documents)
    scheduler = chunks * res.chunk_overhead_ms / 1000
    seconds = res.startup_seconds + max(compute, scheduler)
    # The same from CPU time, for machines that are not shared: each document
    # costs a core the local run's CPU per document, plus its share of a
    # chunk's overhead.
    cpu_doc = res.local_cpu_seconds / res.documents
    share = res.chunk_overhead_ms / 1000 / max(1, res.chunk_documents)
    cpu_compute = documents * (cpu_doc + share) / workers
    cpu_seconds = res.startup_seconds + max(cpu_compute, scheduler)
    return {
        "documents": documents,
        "workers": workers,
        "hours": seconds / 3600,
        "cpu_hours": cpu_seconds / 3600,
        "bound": "scheduler" if scheduler > compute else "workers",
        "cpu_bound": "scheduler" if scheduler > cpu_compute else "workers",
    }


def chunk_documents(documents: int) -> int:
    """The chunk size the batch used for the corpus on two worker threads."""
    from cableconv.batch import estimated_ms
    from cableconv.cluster import chunk_size
    from cableconv.inputs import Input
    from cableconv.workers import Job

    names = tuple(FORMATS.split(","))
    job = Job(0, Input(Path("d.txt"), Path("d")), names)
    return chunk_size([estimated_ms([job])] * documents, WORKERS)


def bench(args: argparse.Namespace) -> Results:
    docs = select(args.limit)
    inputs = WORK / "cluster-inputs"
    stage(docs, inputs)
    compile_package()
    res = Results(
        date=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average before the run: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        documents=len(docs),
        formats=FORMATS,
    )
    local_out, dask_out = WORK / "cluster-local", WORK / "cluster-dask"
    with local_cluster(WORK / "cluster-scheduler", WORKERS) as address:
        say(f"cluster at {address}: {WORKERS} workers")
        for _ in range(args.repeat):
            for out in (local_out, dask_out):
                shutil.rmtree(out, ignore_errors=True)
            run: Run = convert(str(inputs), "--to", FORMATS, "-o", str(local_out), "-j", "2", "-q")
            res.local_seconds.append(run.seconds)
            res.local_cpu_seconds = run.cpu_seconds
            say(f"local pool: {run.seconds:.2f} s")
            run = convert(str(inputs), "--to", FORMATS, "-o", str(dask_out), "--cluster", address)
            if run.returncode != 0:
                raise SystemExit(f"cluster run failed:\n{run.stderr[-3000:]}")
            res.cluster_seconds.append(run.seconds)
            say(f"Dask cluster: {run.seconds:.2f} s")
        local, remote = files(local_out), files(dask_out)
        same = sum(1 for k, v in local.items() if remote.get(k) == v)
        res.identical = f"{same}/{len(local)}"
        res.chunk_documents = chunk_documents(len(docs))
        res.startup_seconds, windowed, trip, task = overhead(address, args.chunks)
        res.chunk_overhead_ms, res.chunk_round_trip_ms, res.dask_task_ms = windowed, trip, task
        say(f"per chunk: {windowed:.2f} ms (windowed), {trip:.2f} ms (round trip)")
    res.estimates = [estimate(res, n, w) for n in SERIES for w in FLEETS]
    return res


def render(res: Results) -> str:
    met = "yes" if res.ratio >= TARGET_RATIO else "no"
    cpu_ms = res.local_cpu_seconds / res.documents * 1000
    lines = [
        "# Dask cluster against the local pool (`make bench`, `bench/cluster_bench.py`)",
        "",
        f"- date: {res.date}",
        f"- machine: {res.machine} (the machine is shared)",
        f"- corpus: {res.documents} documents of `../shared/corpus/docs`; formats: {res.formats}",
        f"- cluster: `dask scheduler` and `dask worker --nworkers {WORKERS} --nthreads 1` "
        "on 127.0.0.1, the same cores as the local pool",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
        f"| local pool, `-j 2` (best of {len(res.local_seconds)}) | "
        f"**{res.documents / res.local:.1f} docs/s** ({res.local:.1f} s; "
        f"{cpu_ms:.0f} ms CPU a document) | | |",
        f"| Dask cluster, 2 workers (best of {len(res.cluster_seconds)}) | "
        f"**{res.documents / res.cluster:.1f} docs/s** ({res.cluster:.1f} s) | | |",
        f"| cluster throughput / local | **{res.ratio:.2f}** | ≥ {TARGET_RATIO} | {met} |",
        f"| outputs byte-identical to the local run | {res.identical} | all | "
        f"{'yes' if res.identical.split('/')[0] == res.identical.split('/')[1] else 'no'} |",
        f"| overhead per chunk, a batch's window of chunks | **{res.chunk_overhead_ms:.2f} ms** "
        "| | |",
        f"| round trip of one chunk alone | {res.chunk_round_trip_ms:.2f} ms | | |",
        f"| a batch's start on the cluster (connect, check workers, warm-up plugin) | "
        f"{res.startup_seconds:.2f} s | | |",
        f"| Dask's own empty task (`client.map`) | {res.dask_task_ms:.2f} ms | | |",
        "",
        f"All runs: local {', '.join(f'{s:.2f}' for s in res.local_seconds)} s; cluster "
        f"{', '.join(f'{s:.2f}' for s in res.cluster_seconds)} s. Each is a fresh "
        "`python -m cableconv convert` (start-up, and for the cluster the connection, the "
        "workers' checks and warm-up, included). A chunk here is "
        f"{res.chunk_documents} documents (`cluster.chunk_size`: about "
        f"`CHUNK_MS` = {CHUNK_MS:.0f} ms of work), so the overhead is "
        f"{res.chunk_overhead_ms / (res.chunk_documents * cpu_ms) * 100:.2f}% of a chunk's work.",
        "",
        "## On paper: larger collections",
        "",
        "From the figures above (see `estimate` in `bench/cluster_bench.py`): each worker "
        "(one core) converts a document in "
        f"{(res.cluster - res.startup_seconds) * WORKERS / res.documents * 1000:.0f} ms, "
        "chunk overhead included; the "
        f"scheduler hands out at most one chunk every {res.chunk_overhead_ms:.2f} ms. Shared "
        "storage is assumed to keep up (about 150 KB of outputs a document, all formats).",
        "",
        "The first estimate takes the wall-clock rate of this run (on a shared machine, "
        "see the load average: pessimistic); the second the CPU the local run needed, "
        f"{cpu_ms:.0f} ms a document, plus each document's share of a chunk's overhead, "
        "as on machines that do nothing else.",
        "",
        "| documents | workers | hours (this run's rate) | hours (from CPU) | limited by |",
        "|---|---|---|---|---|",
    ]
    for e in res.estimates:
        lines.append(
            f"| {e['documents']:,} | {e['workers']} | {e['hours']:.2f} | "
            f"{e['cpu_hours']:.2f} | {e['bound']} / {e['cpu_bound']} |"
        )
    lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=637, help="bench N documents, spread over the volumes"
    )
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    parser.add_argument("--chunks", type=int, default=1000, help="empty chunks timed")
    parser.add_argument(
        "--from-json", action="store_true", help="render bench/cluster.json again, no run"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir() and not args.from_json:
        say(f"cluster bench: skipped, the dev corpus is not here ({CORPUS})")
        return 0
    try:
        import distributed  # noqa: F401
    except ImportError:
        say("cluster bench: skipped, Dask is not installed (pip install -e '.[cluster]')")
        return 0
    # killed (a timeout, Ctrl-C): the cluster's processes are stopped on the way out
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    if args.from_json:  # the figures of the last run, written out again
        data = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        data.pop("ratio", None)
        res = Results(**data)
        res.estimates = [estimate(res, n, w) for n in SERIES for w in FLEETS]
    else:
        res = bench(args)
    RESULTS_MD.write_text(render(res), encoding="utf-8")
    data = {**asdict(res), "ratio": res.ratio}
    RESULTS_JSON.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(render(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
