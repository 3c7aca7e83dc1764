"""What each step costs, in CPU milliseconds on one core: the figures behind
``Format.cost_ms``, ``Format.start_ms``, ``batch.PARSE_MS`` and
``batch.WORKER_START_MS``, which decide whether worker processes pay for
themselves.

CPU time, not wall time, so that a busy machine gives the same figures: this
process's own time plus that of the pandoc process it keeps (read from
``/proc``), since pandoc writes Markdown and the PDF's typst.

    .venv/bin/python bench/costs.py                 # 100 corpus documents
    .venv/bin/python bench/costs.py --limit 300 --formats md,pdf

- per document: the median over the documents of each step, in a warm
  process (after one document through every writer);
- start: in a fresh forked process, each format's whole ``warm_up`` (shared
  states such as pandoc included), median of ``--starts``; compare it with
  the sum of the format's configured ``start_ms`` states;
- worker: forking a process and hearing back from it, median wall time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CABLECONV_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "docs"

from cableconv.options import Options  # noqa: E402
from cableconv.pipeline import convert_path  # noqa: E402
from cableconv.writers import FORMATS  # noqa: E402

_TICK = os.sysconf("SC_CLK_TCK")


def _pandoc_cpu() -> float:
    """Seconds of CPU used so far by this process's pandoc (0 if none)."""
    from cableconv.writers import pandoc_ast

    proc = pandoc_ast._LOOP._proc
    if proc is None or proc.poll() is not None:
        return 0.0
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def cpu() -> float:
    return time.process_time() + _pandoc_cpu()


def cpu_ms(step: Callable[[], object]) -> float:
    # pandoc's ticks are 10 ms: per-document figures are medians over many
    # documents, so the rounding averages out
    t0 = cpu()
    step()
    return (cpu() - t0) * 1000


def documents(limit: int) -> list[Path]:
    docs = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    docs = docs or sorted((ROOT / "samples").glob("*.txt"))
    step = max(1, len(docs) // limit)
    return docs[::step][:limit]


def per_document(paths: list[Path], names: Sequence[str]) -> dict[str, list[float]]:
    options = Options()
    warm = convert_path(paths[0]).document
    for name in names:
        FORMATS[name].write(warm, options)
    costs: dict[str, list[float]] = {"parse": [], **{n: [] for n in names}}
    for path in paths:
        t0 = cpu()
        doc = convert_path(path).document
        costs["parse"].append((cpu() - t0) * 1000)
        for name in names:
            t0 = cpu()
            FORMATS[name].write(doc, options)
            costs[name].append((cpu() - t0) * 1000)
    return costs


def _start_child(name: str, queue: multiprocessing.Queue[float]) -> None:
    warm_up = FORMATS[name].warm_up
    ms = cpu_ms(lambda: warm_up(Options())) if warm_up is not None else 0.0
    shutdown = FORMATS[name].shutdown
    if shutdown is not None:
        shutdown()
    queue.put(ms)


def start_ms(name: str, runs: int) -> float:
    ctx = multiprocessing.get_context("fork")
    results = []
    for _ in range(runs):
        queue: multiprocessing.Queue[float] = ctx.Queue()
        child = ctx.Process(target=_start_child, args=(name, queue))
        child.start()
        results.append(queue.get(timeout=120))
        child.join()
    return statistics.median(results)


def _hello(queue: multiprocessing.Queue[float]) -> None:
    queue.put(0.0)


def worker_ms(runs: int) -> float:
    ctx = multiprocessing.get_context("fork")
    results = []
    for _ in range(runs):
        t0 = time.perf_counter()
        queue: multiprocessing.Queue[float] = ctx.Queue()
        child = ctx.Process(target=_hello, args=(queue,))
        child.start()
        queue.get(timeout=60)
        results.append((time.perf_counter() - t0) * 1000)
        child.join()
    return statistics.median(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="documents (default 100)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--starts", type=int, default=5, help="fresh processes per format")
    args = parser.parse_args(argv)
    names = [n for n in args.formats.split(",") if n]
    # warm-ups are measured in fresh processes forked before this one starts pandoc
    starts = {n: start_ms(n, args.starts) for n in names}
    worker = worker_ms(args.starts)
    paths = documents(args.limit)
    costs = per_document(paths, names)
    print(f"{len(paths)} documents; CPU ms on one core (median, mean)")
    print(f"{'step':<8} {'median':>8} {'mean':>8} {'start':>8}  configured")
    for step, values in costs.items():
        configured = (
            f"cost {FORMATS[step].cost_ms}, start "
            + " + ".join(f"{state} {ms}" for state, ms in FORMATS[step].start_ms)
            if step in FORMATS
            else ""
        )
        start = f"{starts[step]:8.1f}" if step in starts else " " * 8
        print(
            f"{step:<8} {statistics.median(values):8.2f} {statistics.mean(values):8.2f} "
            f"{start}  {configured}"
        )
    print(f"worker process start (wall): {worker:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
