"""Batches on a Dask cluster: ``cableconv convert INPUT... --cluster tcp://HOST:8786``.

The user starts the cluster with Dask's own commands (``dask scheduler``,
``dask worker tcp://HOST:8786 --nthreads 1``) on machines that see the input
and output folders at the same paths. :class:`ClusterPool` then stands in for
the local :class:`~cableconv.workers.WorkerPool` (which stays the default on
one machine): same runner, warm-up, shutdown and crash hooks, same
``run(jobs)`` yielding ``(index, result)`` as documents finish. Everything
else of a batch stays on the client: planning (the incremental skip), the
progress bar, the manifest and the report. Workers only read their inputs
and write their outputs, atomically, as local workers do.

- **Chunks of paths.** A task is a list of :class:`~cableconv.workers.Job`
  (paths and format names, never file contents), sized by
  :func:`chunk_size` so Dask's per-task overhead (a few milliseconds,
  ``bench/cluster_bench.py``) is about a percent of the work, while every
  worker thread still gets several chunks so they finish together. Only a
  window of chunks is on the cluster at once, so a batch of millions of
  documents does not hand the scheduler millions of tasks up front.
- **Warm workers.** :class:`WarmFormats` is a Dask worker plugin: its
  ``setup`` runs the formats' warm-up *on the worker* (a pandoc process,
  typst's fonts), so that state is made where it is used and never pickled;
  a worker that joins or is restarted later runs it too, and ``teardown``
  stops pandoc when the batch ends.
- **Faults.** A worker that dies costs Dask a retry of its chunk on another
  worker. A chunk that kills workers repeatedly (Dask's ``KilledWorker``,
  after ``distributed.scheduler.allowed-failures`` deaths) may be innocent:
  Dask blames every task the dying worker held. So once the rest of the batch
  is done its documents run again one by one, each alone on the cluster; a
  document that still kills its workers is that document's failure (CC503,
  with Dask's reason), and the others are converted.
  Losing the scheduler, a cluster without workers and workers that run
  other code end the run with a :class:`ClusterError`; the batch has saved
  the manifest by then, so the next run resumes.
- **Same outputs.** Before the first chunk the client checks that every
  worker runs the same cableconv code and rendering libraries as the client
  (the outputs would differ otherwise) and sees the output folder and the
  inputs as the client does (CC542, CC543); every chunk carries the client's
  identity, so a worker that joins later with other code converts nothing
  and ends the run (CC542) instead of writing different outputs.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from distributed import Client
from distributed.diagnostics.plugin import WorkerPlugin

from cableconv.inputs import Input
from cableconv.workers import Hook, Job, Runner, _memory_trimmer

#: Wanted CPU milliseconds of work per chunk. A chunk costs a few
#: milliseconds on the cluster (bench/cluster_bench.py measures it): 500 ms
#: keeps that around 1%, and a dead worker costs at most that much work again.
CHUNK_MS = 500.0
#: At least this many chunks per worker thread, so the last chunks are small
#: next to the whole and the workers finish together.
CHUNKS_PER_THREAD = 4
#: Most documents in one chunk (TEI-only work is ~3 ms a document).
MAX_CHUNK = 128
#: Chunks on the cluster at once, per worker thread: enough that no worker
#: waits for the client, few enough that the scheduler holds little.
WINDOW_PER_THREAD = 4
#: Seconds to reach the scheduler (and to reconnect, once lost).
CONNECT_SECONDS = 10.0
#: Seconds to wait for a first worker, and seconds a running batch may go
#: without any worker before it is given up.
NO_WORKERS_SECONDS = 60.0
#: Seconds between checks that the scheduler is still there while no chunk
#: finishes.
HEALTH_SECONDS = 1.0

#: The codes of :class:`ClusterError` (their levels: ``diagnostics.CODES``).
UNREACHABLE = "CC540"  # no scheduler at the address
NO_WORKERS = "CC541"  # the cluster has no workers (or lost them all)
OTHER_CODE = "CC542"  # a worker runs other cableconv code or rendering libraries
NOT_SHARED = "CC543"  # a worker does not see the inputs or the output folder
WORKER_FAILED = "CC544"  # a worker could not run cableconv's task at all
SCHEDULER_LOST = "CC545"  # the connection to the scheduler was lost mid-batch


class ClusterError(Exception):
    """The cluster cannot go on with the batch: what, and what to do."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def format(self) -> str:
        text = f"error {self.code} {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


def chunk_size(
    costs_ms: Sequence[float], threads: int, target_ms: float = CHUNK_MS, most: int = MAX_CHUNK
) -> int:
    """Documents per chunk: about ``target_ms`` of work, but at least
    :data:`CHUNKS_PER_THREAD` chunks for each worker thread.

    >>> chunk_size([32.0] * 637, threads=2)   # all five formats
    15
    >>> chunk_size([3.0] * 637, threads=2)    # TEI and JSON only: balance decides
    79
    >>> chunk_size([3.0] * 637, threads=100)  # many workers: smaller chunks
    1
    >>> chunk_size([], threads=2)
    1
    """
    if not costs_ms:
        return 1
    mean = sum(costs_ms) / len(costs_ms)
    by_cost = math.floor(target_ms / mean) if mean > 0 else most
    balance = len(costs_ms) // (max(1, threads) * CHUNKS_PER_THREAD)
    return max(1, min(most, by_cost, balance))


def chunks(jobs: Sequence[Job], size: int) -> list[list[Job]]:
    """The jobs in order, ``size`` at a time.

    >>> jobs = [Job(i, Input(Path(f"d{i}.txt"), Path(f"d{i}")), ("tei",)) for i in range(5)]
    >>> [len(c) for c in chunks(jobs, 2)]
    [2, 2, 1]
    """
    return [list(jobs[i : i + size]) for i in range(0, len(jobs), max(1, size))]


# --- on the worker ----------------------------------------------------------

#: One document at a time per worker process: the formats' long-lived state
#: (one pandoc, one typst compiler) is per process, and a Dask worker started
#: with several threads would otherwise share it between them.
_ONE_AT_A_TIME = threading.Lock()


Identity = tuple[str, tuple[str, ...]]


class OtherCode(Exception):
    """Raised by a chunk on a worker whose code or rendering libraries are
    not the client's (a worker that joined after the batch started)."""


#: This worker process's :func:`identity`, worked out by its first chunk.
_own_identity: Identity | None = None


def run_chunk(
    runner: Runner, chunk: list[Job], cwd: str, expected: Identity | None = None
) -> list[tuple[int, Any]]:
    """The task: each job of the chunk through ``runner``, on a worker, in
    the client's working folder ``cwd``, so that relative inputs and OUTDIR
    name the same files, and file names in diagnostics and change logs read
    as they do in a local run. A worker whose :func:`identity` is not
    ``expected`` converts nothing: its outputs would differ.

    >>> run_chunk(str, [], ".", expected=("another cableconv", ()))
    Traceback (most recent call last):
    ...
    cableconv.cluster.OtherCode: this process
    """
    global _own_identity
    if expected is not None:
        if _own_identity is None:
            _own_identity = identity()
        if _own_identity != tuple(expected):
            raise OtherCode(_this_worker())
    give_back = _memory_trimmer()
    results = []
    with _ONE_AT_A_TIME:
        before = os.getcwd()
        os.chdir(cwd)
        try:
            for job in chunk:
                results.append((job.index, runner(job)))
                if give_back is not None and job.trim:
                    give_back(0)
        finally:
            os.chdir(before)
    return results


class WarmFormats(WorkerPlugin):
    """Warms the formats up on each worker (and on workers that join or are
    restarted later); stops them when the plugin is removed or the worker
    closes. Only the hooks travel; what they build stays on the worker."""

    def __init__(self, warm_up: Hook | None, shutdown: Hook | None) -> None:
        self.warm_up = warm_up
        self.shutdown = shutdown

    def setup(self, worker: Any) -> None:
        if self.warm_up is not None:
            with _ONE_AT_A_TIME:
                self.warm_up()

    def teardown(self, worker: Any) -> None:
        if self.shutdown is not None:
            with contextlib.suppress(Exception):
                self.shutdown()


def _this_worker() -> str:
    """The address of the Dask worker running this task."""
    from distributed import get_worker

    try:
        return str(get_worker().address)
    except ValueError:  # not in a worker (a doctest)
        return "this process"


def identity() -> Identity:
    """What decides a worker's outputs: cableconv's code and the rendering
    libraries' versions (the same figures as the manifest's settings key)."""
    from cableconv.incremental import code_fingerprint, library_versions

    return code_fingerprint(), tuple(library_versions())


def sees(cwd: str, probe: str, probe_bytes: bytes, inputs: list[tuple[str, int]]) -> str:
    """Empty if this machine has the client's working folder ``cwd``, reads
    ``probe`` (a file the client just wrote in the output folder) with the
    client's content and the inputs with the client's sizes; else what it
    does not see."""
    if not os.path.isdir(cwd):
        return f"no folder {cwd} (the client's working folder)"
    try:
        with open(probe, "rb") as f:
            if f.read() != probe_bytes:
                return f"{os.path.dirname(probe)} is another folder here"
    except OSError as exc:
        return f"cannot read the output folder {os.path.dirname(probe)}: {exc.strerror or exc}"
    for path, size in inputs:
        try:
            if os.stat(path).st_size != size:
                return f"{path} is another file here"
        except OSError as exc:
            return f"cannot read the input {path}: {exc.strerror or exc}"
    return ""


# --- on the client ----------------------------------------------------------


class ClusterPool:
    """Jobs through ``runner`` on the Dask cluster at ``address``, results
    unordered; the interface of :class:`~cableconv.workers.WorkerPool`.

    ``cost_ms`` is a job's estimated CPU milliseconds (chunk sizes);
    ``outdir`` is the output folder every worker must see.
    """

    def __init__(
        self,
        address: str,
        runner: Runner,
        warm_up: Hook | None = None,
        shutdown: Hook | None = None,
        on_crash: Callable[[Input, str], Any] | None = None,
        *,
        outdir: Path | None = None,
        cost_ms: Callable[[Job], float] = lambda job: CHUNK_MS / MAX_CHUNK,
        client: Callable[[str], Any] | None = None,
    ) -> None:
        self.address = address
        self.runner = runner
        self.warm_up = warm_up
        self.shutdown = shutdown
        self.on_crash = on_crash
        self.outdir = outdir
        self.cost_ms = cost_ms
        self._connect = client or _connect
        #: Worker threads of the cluster when the batch started.
        self.size = 0
        #: Documents per chunk of the last run.
        self.chunk = 0
        #: What every worker must run (:func:`identity`), once checked.
        self._identity: Identity | None = None

    def run(self, jobs: list[Job]) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, result)`` as chunks finish, in no fixed order.

        Raises :class:`ClusterError` when the cluster cannot go on.
        """
        if not jobs:
            return
        client = self._connect(self.address)
        plugin = f"cableconv-{uuid.uuid4().hex}"
        submitted: list[Any] = []
        try:
            self.size = _wait_for_workers(client, self.address)
            self._check_workers(client, jobs)
            try:
                client.register_plugin(WarmFormats(self.warm_up, self.shutdown), name=plugin)
            except Exception as exc:
                raise _worker_failed(exc) from exc
            self.chunk = chunk_size([self.cost_ms(j) for j in jobs], self.size)
            yield from self._run(client, deque(chunks(jobs, self.chunk)), submitted)
        finally:
            for future in submitted:
                with contextlib.suppress(Exception):
                    future.cancel()
            if client.status == "running":
                with contextlib.suppress(Exception):
                    client.unregister_worker_plugin(plugin)
            with contextlib.suppress(Exception):  # a lost scheduler: no waiting for it
                client.close(timeout=CONNECT_SECONDS if client.status == "running" else 1)

    def _run(
        self, client: Any, todo: deque[list[Job]], submitted: list[Any]
    ) -> Iterator[tuple[int, Any]]:
        done: queue.SimpleQueue[Any] = queue.SimpleQueue()
        by_key: dict[str, list[Job]] = {}
        #: Documents of chunks that killed workers. Dask blames every task a
        #: dying worker held, so each runs again alone, once nothing else is
        #: on the cluster: one that still kills its workers is the culprit.
        suspects: deque[Job] = deque()
        alone: set[str] = set()
        window = max(2, WINDOW_PER_THREAD * self.size)
        run_id = uuid.uuid4().hex[:12]
        count = 0
        cwd = os.getcwd()
        without_workers: float | None = None

        def send(chunk: list[Job]) -> str:
            nonlocal count
            key = f"cableconv-{run_id}-{count}"
            count += 1
            future = client.submit(
                run_chunk, self.runner, chunk, cwd, self._identity, key=key, pure=False
            )
            by_key[key] = chunk
            submitted.append(future)
            future.add_done_callback(done.put)
            return key

        def submit() -> None:
            while todo and len(by_key) < window:
                send(todo.popleft())
            if not by_key and suspects:
                alone.add(send([suspects.popleft()]))

        submit()
        while by_key:
            try:
                ready = [done.get(timeout=HEALTH_SECONDS)]
            except queue.Empty:
                without_workers = self._health(client, without_workers)
                # A result lost with its worker before it was gathered is
                # computed again, and Dask calls no done-callback twice: a
                # chunk that finished since is only seen by looking.
                ready = [f for f in submitted if f.key in by_key and f.done()]
                if not ready:
                    continue
            with contextlib.suppress(queue.Empty):
                while True:
                    ready.append(done.get_nowait())
            # Each chunk once (a sweep may meet a callback), and only when done
            # now: one whose result was lost since its callback is looked at
            # again on a later sweep.
            ready = [f for f in {f.key: f for f in ready}.values() if f.key in by_key and f.done()]
            finished = [f for f in ready if f.status == "finished"]
            for future in ready:
                if future.status == "cancelled":
                    raise _lost(self.address, future)
                if future.status == "error":
                    chunk = by_key.pop(future.key)
                    culprit = self._killed(future, chunk, future.key in alone)
                    if culprit is None:
                        suspects.extend(chunk)
                    else:
                        yield culprit
            try:
                answers = client.gather(finished) if finished else []
            except Exception as exc:
                raise _lost(self.address, exc) from exc
            for future, answer in zip(finished, answers, strict=True):
                del by_key[future.key]
                yield from answer
            submitted[:] = [f for f in submitted if f.key in by_key]
            submit()

    def _killed(self, future: Any, chunk: list[Job], alone: bool) -> tuple[int, Any] | None:
        """A chunk that raised: the result of its document if it ran alone
        and killed its workers; None (suspects all) if it ran beside others.
        Anything but Dask's KilledWorker stops the run: the task itself
        never raises for a document."""
        from distributed.scheduler import KilledWorker

        exc = future.exception()
        if isinstance(exc, OtherCode):  # a worker that joined after the check
            raise _other_code(1, str(exc))
        if not isinstance(exc, KilledWorker):
            raise _worker_failed(exc)
        if not alone:
            return None
        job = chunk[0]
        reason = (
            f"the Dask workers converting this document died {exc.allowed_failures + 1} times, "
            f"with nothing else on the cluster (Dask's KilledWorker; last on "
            f"{_address(exc.last_worker)})"
        )
        return job.index, (self.on_crash(job.input, reason) if self.on_crash else reason)

    def _health(self, client: Any, since: float | None) -> float | None:
        """Raise if the scheduler is gone or has had no worker for too long;
        when the cluster first went without workers."""
        if client.status != "running":
            raise _lost(self.address, None)
        try:
            workers = len(client.nthreads())
        except Exception as exc:
            raise _lost(self.address, exc) from exc
        if workers:
            return None
        now = time.monotonic()
        if since is None:
            return now
        if now - since > NO_WORKERS_SECONDS:
            raise ClusterError(
                NO_WORKERS,
                f"the Dask cluster at {self.address} has had no worker for "
                f"{NO_WORKERS_SECONDS:.0f} s",
                "start workers (dask worker ADDRESS), then run the same command again: "
                "finished documents are kept",
            )
        return since

    def _check_workers(self, client: Any, jobs: list[Job]) -> None:
        """Every worker runs the client's code and sees its folders."""
        mine = identity()
        try:
            theirs = client.run(identity)
        except Exception as exc:
            raise _worker_failed(exc) from exc
        other = sorted(addr for addr, ident in theirs.items() if tuple(ident) != mine)
        if other:
            raise _other_code(len(other), other[0])
        self._identity = mine
        if self.outdir is None:
            return
        self.outdir.mkdir(parents=True, exist_ok=True)
        probe = self.outdir / f".cableconv-probe-{uuid.uuid4().hex}"
        token = uuid.uuid4().bytes
        probe.write_bytes(token)
        ends = {0: jobs[0], len(jobs) - 1: jobs[-1]}
        inputs = [
            (os.path.abspath(j.input.path), j.input.path.stat().st_size) for j in ends.values()
        ]
        try:
            answers = client.run(sees, os.getcwd(), os.path.abspath(probe), token, inputs)
        except Exception as exc:
            raise _worker_failed(exc) from exc
        finally:
            probe.unlink(missing_ok=True)
        blind = sorted((addr, why) for addr, why in answers.items() if why)
        if blind:
            addr, why = blind[0]
            raise ClusterError(
                NOT_SHARED,
                f"{len(blind)} Dask worker(s) do not see this machine's folders "
                f"(first: {addr}: {why})",
                "the inputs and the output folder must be on storage every worker mounts "
                "at the same path",
            )


def _connect(address: str) -> Any:
    try:
        return Client(  # type: ignore[no-untyped-call]
            address, timeout=CONNECT_SECONDS, set_as_default=False
        )
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            UNREACHABLE,
            f"no Dask scheduler answers at {address}: {exc}",
            "start one (dask scheduler) and give its address, tcp://HOST:8786",
        ) from exc


def _wait_for_workers(client: Any, address: str) -> int:
    """Worker threads once at least one worker is there."""
    try:
        client.wait_for_workers(1, timeout=NO_WORKERS_SECONDS)
    except TimeoutError as exc:
        raise ClusterError(
            NO_WORKERS,
            f"the Dask cluster at {address} has no worker",
            "start workers (dask worker ADDRESS) on machines that see the input and "
            "output folders at the same paths",
        ) from exc
    threads: int = sum(client.nthreads().values())
    return max(1, threads)


def _lost(address: str, cause: object) -> ClusterError:
    detail = f": {cause}" if isinstance(cause, BaseException) and str(cause) else ""
    return ClusterError(
        SCHEDULER_LOST,
        f"lost the connection to the Dask scheduler at {address}{detail}",
        "finished documents are recorded in the manifest; run the same command again "
        "to convert the rest",
    )


def _other_code(count: int, first: str) -> ClusterError:
    return ClusterError(
        OTHER_CODE,
        f"{count} Dask worker(s) run another cableconv or other rendering libraries "
        f"than this client (first: {first}): their outputs would differ",
        "install the same cableconv (and its pinned pandoc and typst) on every worker",
    )


def _worker_failed(exc: object) -> ClusterError:
    return ClusterError(
        WORKER_FAILED,
        f"a Dask worker could not run cableconv: {exc!r}",
        "install cableconv (pip install 'cableconv[cluster]') in every worker's environment",
    )


def _address(worker: object) -> str:
    return str(getattr(worker, "address", worker))
