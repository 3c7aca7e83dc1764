"""Worker processes that convert documents in parallel.

Each worker is a long-lived process: it warms up once (the caller's
``warm_up``: the batch has each writer start its pandoc or load its fonts),
then converts chunk after chunk of documents, sending back one small result
per document, and runs the caller's ``shutdown`` before it exits. State that
is expensive to build therefore lives as long as the worker, not as long as a
document. The pool knows nothing about formats: a :class:`Job` is an input
and a few names it passes to the runner.

A hand-written pool rather than :mod:`multiprocessing.Pool`, for one reason:
a worker that dies (a crash in a native library, the OOM killer) must cost
one document, not hang or abort the batch. The pool knows which document a
dead worker was converting, reports it as failed and starts a new worker for
the rest.

A worker also retires on its own once its memory, with its helpers' (the
pandoc it started), passes a ceiling: typst keeps what it laid out for a while
and pandoc keeps the heap of the largest document it has met, so a long-lived
worker holds the high-water mark of every large document it converted. It
finishes the document, says so, stops its helpers and exits; the pool gives its
unstarted documents to a successor, started only once it has gone, so no more
helpers are alive than the jobs need.

The largest documents (a :attr:`Job.heavy` job) set the batch's peak: pandoc
and typst need some 250 MB more for the largest in the dev corpus. The pool
sends one heavy job at a time, so two such peaks never add up while the other
workers go on with the rest, and a worker that has kept much of earlier
documents hands a heavy job to a fresh successor rather than start it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cableconv.inputs import Input

if TYPE_CHECKING:  # multiprocessing is imported only when a pool starts
    from multiprocessing.connection import Connection


@dataclass(frozen=True)
class Job:
    """One document of a batch: its place in the batch, the input, the names
    of the formats to write, whether the work frees so much memory that
    the worker should give it back to the system afterwards, and whether it
    is heavy: so large that two at once would set the batch's peak memory
    (the pool runs one heavy job at a time)."""

    index: int
    input: Input
    formats: tuple[str, ...]
    trim: bool = False
    heavy: bool = False


#: What a worker does with one job. With the ``spawn`` start method it is
#: pickled: a module-level function, or a functools.partial of one.
Runner = Callable[[Job], Any]
Hook = Callable[[], None]

#: Documents sent to a worker at once. A worker is sent the next chunk when
#: it holds less than one chunk, so it never idles while the parent answers.
MAX_CHUNK = 16

#: Private memory (resident and not backed by a file: what a process really
#: adds) that a worker and its children may gather beyond what they held warmed
#: up, in MiB; past it the worker retires after its document. Pandoc grows by
#: about 80 after a large document and keeps it, typst's cache by 50 to 400
#: for a while. Over the dev corpus (5,940 documents, all formats, 2 workers)
#: 150 retires 7 workers; 80 retired 309, whose warm-ups (176 ms each) cost a
#: quarter more CPU for the same peak, set by the largest single document.
RETIRE_MB = 150.0
#: Private memory a worker may have gathered and still start a heavy job
#: (:attr:`Job.heavy`), in MiB; past it a fresh successor takes the job, so
#: that what typst and pandoc kept of earlier documents (often 50 to 100) does
#: not add to the largest documents' peaks.
HEAVY_HEADROOM_MB = 20.0
#: What a worker sends instead of a result when it retires.
RETIRING = "retiring"

#: The parent's ends of the workers' pipes. A forked worker closes the ones it
#: inherited, so each worker sees end-of-file as soon as the parent dies.
_parent_ends: list[Connection] = []


def _context() -> Any:
    # fork: the worker starts with every module the parent imported, in a few
    # milliseconds. Elsewhere (macOS, Windows) spawn re-imports cableconv.
    import multiprocessing

    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_main(
    conn: Connection,
    runner: Runner,
    warm_up: Hook | None,
    shutdown: Hook | None,
    retire_mb: float | None = None,
) -> None:
    for inherited in _parent_ends:
        inherited.close()
    # Ctrl-C reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent stops its workers with SIGTERM: end as an exception, so the
    # output being written leaves no temporary file and shutdown stops pandoc.
    signal.signal(signal.SIGTERM, _stop)
    try:
        if warm_up is not None:
            warm_up()
        _serve(conn, runner, retire_mb)
    finally:
        # A worker ends with os._exit, which skips atexit: without this a
        # helper process (pandoc) would outlive it, and where nothing reaps
        # orphans (some containers) stay behind as a zombie.
        if shutdown is not None:
            with contextlib.suppress(Exception):
                shutdown()


def _stop(signum: int, frame: object) -> None:
    signal.signal(signum, signal.SIG_IGN)  # once: let the clean-up finish
    raise SystemExit(128 + signum)


def _serve(conn: Connection, runner: Runner, retire_mb: float | None = None) -> None:
    give_back = _memory_trimmer()
    # what the worker holds warmed up, its pandoc started: it retires once it
    # holds retire_mb more (what it inherited from the parent is not its own)
    fresh = private_mb() if retire_mb is not None else 0.0
    while True:
        try:
            chunk: list[Job] | None = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for job in chunk:
            if job.heavy and retire_mb is not None and private_mb() - fresh > HEAVY_HEADROOM_MB:
                # what the worker kept of earlier documents would add to the
                # heavy one's peak: a fresh successor takes it instead
                with contextlib.suppress(OSError):
                    conn.send(RETIRING)
                return
            result = runner(job)
            try:
                conn.send((job.index, result))
            except OSError:  # the parent is gone
                return
            if give_back is not None and job.trim:
                give_back(0)
            if retire_mb is not None and private_mb() - fresh > retire_mb:
                # the rest of this chunk, and whatever else was sent, go to a successor
                with contextlib.suppress(OSError):
                    conn.send(RETIRING)
                return


def private_mb(pid: int | None = None) -> float:
    """Resident memory not backed by a file, in MiB, of a process (this one by
    default) and all its descendants: the memory it really adds, whatever
    executable pages it shares. From ``/proc/PID/statm``, a fraction of a
    millisecond (``smaps_rollup`` would give PSS but costs milliseconds);
    0 where there is no ``/proc``."""
    total = 0
    todo = [pid if pid is not None else os.getpid()]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as fh:
                fields = fh.read().split()
            total += int(fields[1]) - int(fields[2])  # resident - file-backed, pages
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo.extend(int(child) for child in fh.read().split())
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile, or no /proc
    return total * _PAGE / 2**20


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _memory_trimmer() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``: hands memory freed by a document back to the
    system. Without it a worker keeps the high-water mark of the largest
    document it has met, and every worker's adds up. About half a millisecond,
    so it runs only after the heavy formats. None where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


@dataclass
class _Worker:
    process: Any
    conn: Connection
    inflight: deque[int] = field(default_factory=deque)


class WorkerPool:
    """``jobs`` worker processes running ``runner`` over jobs, results unordered."""

    def __init__(
        self,
        jobs: int,
        runner: Runner,
        warm_up: Hook | None = None,
        shutdown: Hook | None = None,
        on_crash: Callable[[Input, str], Any] | None = None,
        retire_mb: float | None = None,
    ) -> None:
        self.size = max(1, jobs)
        #: A worker that gathers this much private memory retires (default
        #: :data:`RETIRE_MB`; ``math.inf``: never).
        self.retire_mb = RETIRE_MB if retire_mb is None else retire_mb
        #: Workers that retired so far.
        self.retired = 0
        self.runner = runner
        self.warm_up = warm_up
        self.shutdown = shutdown
        self.on_crash = on_crash
        self.ctx = _context()
        self.workers: list[_Worker] = []
        self._jobs: dict[int, Job] = {}

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=_worker_main,
            args=(child, self.runner, self.warm_up, self.shutdown, self.retire_mb),
            daemon=True,
            name="cableconv-worker",
        )
        # Listed before the fork, so the worker closes its own copy of the
        # parent's end too: only then does it see end-of-file when the parent dies.
        _parent_ends.append(parent)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def run(self, jobs: list[Job]) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, result)`` as documents finish, in no fixed order.

        A document whose worker died yields ``on_crash(input, reason)``.
        """
        from multiprocessing.connection import wait

        pending: deque[Job] = deque(jobs)
        by_index = {job.index: job for job in jobs}
        self._jobs = by_index
        remaining = len(jobs)
        for _ in range(min(self.size, len(jobs))):
            self._start()
        try:
            while remaining:
                for worker in self.workers:
                    self._feed(worker, pending)
                ready = wait(
                    [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
                )
                for worker in list(self.workers):
                    exited = worker.process.sentinel in ready
                    if exited or worker.conn in ready:
                        for index, result in self._drain(worker, by_index, pending, exited):
                            remaining -= 1
                            yield index, result
        except BaseException:
            self.terminate()
            raise
        self.close()

    def _feed(self, worker: _Worker, pending: deque[Job]) -> None:
        """Top the worker up: chunks shrink towards the end of the batch so
        the workers finish together. A heavy job is sent only while no other
        is in flight; it waits at the front of the queue until then."""
        size = max(1, min(MAX_CHUNK, len(pending) // (self.size * 4)))
        if pending and len(worker.inflight) < size:
            chunk = self._take(pending, size)
            if not chunk:
                return
            try:
                worker.conn.send(chunk)
            except OSError:  # it died; _drain will notice and hand its work on
                pending.extendleft(reversed(chunk))
                return
            worker.inflight.extend(job.index for job in chunk)

    def _take(self, pending: deque[Job], size: int) -> list[Job]:
        """Up to ``size`` jobs from the front of the queue, leaving heavy ones
        in place (and in order) while a heavy job is in flight."""
        heavy = any(self._jobs[i].heavy for w in self.workers for i in w.inflight)
        chunk: list[Job] = []
        waiting: list[Job] = []
        while pending and len(chunk) < size:
            job = pending.popleft()
            if job.heavy and heavy:
                waiting.append(job)
                continue
            heavy = heavy or job.heavy
            chunk.append(job)
        pending.extendleft(reversed(waiting))
        return chunk

    def _drain(
        self, worker: _Worker, by_index: dict[int, Job], pending: deque[Job], exited: bool
    ) -> Iterator[tuple[int, Any]]:
        """Results the worker has sent; if it retired, a successor for its
        other documents; if it died, its document and a successor."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message == RETIRING:
                    self._retire(worker, by_index, pending)
                    return
                index, result = message
                worker.inflight.remove(index)
                yield index, result
            if not exited:
                return
        except (EOFError, OSError):
            pass
        # The worker is gone. Its first unfinished document killed it; the rest
        # go back to the front of the queue for a new worker.
        worker.process.join()
        self.workers.remove(worker)
        self._forget(worker)
        if not worker.inflight:
            return
        culprit = worker.inflight.popleft()
        for index in reversed(worker.inflight):
            pending.appendleft(by_index[index])
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
        reason = f"the worker process died while converting this document ({how})"
        item = by_index[culprit].input
        yield culprit, (self.on_crash(item, reason) if self.on_crash else reason)
        if pending:
            self._start()

    def _retire(self, worker: _Worker, by_index: dict[int, Job], pending: deque[Job]) -> None:
        """A worker past its memory ceiling has stopped taking documents: the
        ones it was sent and did not start go back to the front of the queue,
        and a successor starts once it has exited (its pandoc with it)."""
        for index in reversed(worker.inflight):
            pending.appendleft(by_index[index])
        worker.inflight.clear()
        worker.process.join(timeout=10)
        if worker.process.is_alive():  # its shutdown hangs: it has nothing left to do
            worker.process.kill()
            worker.process.join()
        self.workers.remove(worker)
        self._forget(worker)
        self.retired += 1
        if pending:
            self._start()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            self._forget(worker)
        self.workers.clear()

    def terminate(self) -> None:
        """Stop now (Ctrl-C): documents being written finish or leave no file."""
        for worker in self.workers:
            if worker.process.is_alive():
                os.kill(worker.process.pid, signal.SIGTERM)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():  # stuck in native code: it cannot clean up
                worker.process.kill()
                worker.process.join()
            self._forget(worker)
        self.workers.clear()

    @staticmethod
    def _forget(worker: _Worker) -> None:
        worker.conn.close()
        if worker.conn in _parent_ends:
            _parent_ends.remove(worker.conn)
