"""Worker processes that convert documents in parallel.

Each worker is a long-lived process: it warms up once (imports, and one tiny
document through every requested writer, which starts pandoc and loads the
typst fonts), then converts chunk after chunk of documents, sending back one
small result per document. State that is expensive to build therefore lives
as long as the worker, not as long as a document.

A hand-written pool rather than :mod:`multiprocessing.Pool`, for one reason:
a worker that dies (a crash in a native library, the OOM killer) must cost
one document, not hang or abort the batch. The pool knows which document a
dead worker was converting, reports it as failed and starts a new worker for
the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from cableconv.inputs import Input
from cableconv.options import Options

#: ``(index, input, names of the formats to write)``
Job = tuple[int, Input, tuple[str, ...]]
#: What a worker does with one job; must be a module-level function (pickled by name).
Runner = Callable[[Input, tuple[str, ...], Path, Options], Any]
WarmUp = Callable[[tuple[str, ...], Options], None]

#: Documents sent to a worker at once. A worker is sent the next chunk when
#: it holds less than one chunk, so it never idles while the parent answers.
MAX_CHUNK = 16

#: The parent's ends of the workers' pipes. A forked worker closes the ones it
#: inherited, so each worker sees end-of-file as soon as the parent dies.
_parent_ends: list[Connection] = []


def _context() -> Any:
    # fork: the worker starts with every module the parent imported, in a few
    # milliseconds. Elsewhere (macOS, Windows) spawn re-imports cableconv.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_main(
    conn: Connection,
    runner: Runner,
    warm_up: WarmUp | None,
    formats: tuple[str, ...],
    outdir: Path,
    options: Options,
) -> None:
    for inherited in _parent_ends:
        inherited.close()
    # Ctrl-C reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm_up is not None:
        warm_up(formats, options)
    try:
        _serve(conn, runner, outdir, options)
    finally:
        _shutdown_writers()


def _serve(conn: Connection, runner: Runner, outdir: Path, options: Options) -> None:
    give_back = _memory_trimmer()
    while True:
        try:
            chunk: list[Job] | None = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item, names in chunk:
            result = runner(item, names, outdir, options)
            try:
                conn.send((index, result))
            except OSError:  # the parent is gone
                return
            if give_back is not None and TRIM_AFTER.intersection(names):
                give_back(0)


#: Formats whose writers allocate and free a lot per document (typst's layout
#: of a long document takes tens of megabytes).
TRIM_AFTER = frozenset({"pdf", "docx"})


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


def _shutdown_writers() -> None:
    """Let writers stop what they started in this worker (a pandoc process).

    A worker ends with ``os._exit``, which skips ``atexit``; a writer module
    that keeps a process alive offers ``shutdown()`` for this. Without it the
    helper process would outlive the worker, and where nothing reaps orphans
    (some containers) it stays behind as a zombie.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith("cableconv.writers.") and module is not None:
            shutdown = getattr(module, "shutdown", None)
            if callable(shutdown):
                with contextlib.suppress(Exception):
                    shutdown()


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
        outdir: Path,
        options: Options,
        formats: tuple[str, ...],
        warm_up: WarmUp | None = None,
        on_crash: Callable[[Input, str], Any] | None = None,
    ) -> None:
        self.size = max(1, jobs)
        self.runner = runner
        self.outdir = outdir
        self.options = options
        self.formats = formats
        self.warm_up = warm_up
        self.on_crash = on_crash
        self.ctx = _context()
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=_worker_main,
            args=(child, self.runner, self.warm_up, self.formats, self.outdir, self.options),
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
        pending: deque[Job] = deque(jobs)
        by_index = {job[0]: job for job in jobs}
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
        the workers finish together."""
        size = max(1, min(MAX_CHUNK, len(pending) // (self.size * 4)))
        if pending and len(worker.inflight) < size:
            chunk = [pending.popleft() for _ in range(min(size, len(pending)))]
            try:
                worker.conn.send(chunk)
            except OSError:  # it died; _drain will notice and hand its work on
                pending.extendleft(reversed(chunk))
                return
            worker.inflight.extend(index for index, _, _ in chunk)

    def _drain(
        self, worker: _Worker, by_index: dict[int, Job], pending: deque[Job], exited: bool
    ) -> Iterator[tuple[int, Any]]:
        """Results the worker has sent; if it died, its document and a successor."""
        try:
            while worker.conn.poll():
                index, result = worker.conn.recv()
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
        item = by_index[culprit][1]
        yield culprit, (self.on_crash(item, reason) if self.on_crash else reason)
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
            self._forget(worker)
        self.workers.clear()

    @staticmethod
    def _forget(worker: _Worker) -> None:
        worker.conn.close()
        if worker.conn in _parent_ends:
            _parent_ends.remove(worker.conn)
