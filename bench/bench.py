"""``make bench``: how fast ``cableconv convert`` turns the dev corpus into all
five formats, against a naive baseline on the same documents.

What is measured, each time as wall-clock seconds of a fresh
``python -m cableconv convert`` process (start-up included):

- **cableconv, all five formats** (tei,json,md,docx,pdf) with the default
  ``--jobs`` into an empty folder;
- **naive baseline** over the same documents, in one Python process, one
  document after another: our parser and TEI/JSON writers, then one
  ``pandoc`` process per document per format (``CABLECONV_PANDOC=oneshot``:
  md and typst for the PDF from the same JSON AST, docx by pandoc's docx
  writer from the Markdown) and one fresh typst compiler per document;
- **TEI only** and **TEI+JSON only** (best of three each, ``--force``): the
  TEI-only rate is the one issue 15 holds to 667 docs/s ("no slowdown");
- **no-op re-run**: the five-format command again, everything up to date
  (best of three);
- **peak memory** of the five-format run: the largest sum, over the whole
  process tree (cableconv, its workers, their pandoc processes), of resident
  memory (RSS, counts shared pages once per process) and of proportional
  memory (PSS, shares them out), sampled from /proc every 50 ms.

Results go to ``bench/results.md`` (and ``bench/results.json``). Outputs go
to ``bench/work/`` (ignored by git). ``--limit N`` benches an evenly spread
subset of N documents; ``--baseline-limit N`` runs the (slow) baseline on
a subset only, and rates are compared per document.

Not a test: nothing here asserts. It needs ../shared/corpus and skips cleanly
without it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CABLECONV_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "docs"
WORK = ROOT / "bench" / "work"
RESULTS_MD = ROOT / "bench" / "results.md"
RESULTS_JSON = ROOT / "bench" / "results.json"
NAIVE_STEPS = WORK / "naive-steps.json"
ALL_FORMATS = ("tei", "json", "md", "docx", "pdf")
SUFFIXES = {"tei": ".xml", "json": ".json", "md": ".md", "docx": ".docx", "pdf": ".pdf"}
TARGETS = {
    "ratio": 5.0,
    "tei_rate": 667.0,
    "tei_json_rate": 500.0,
    "noop_seconds": 1.0,
    "peak_mb": 500.0,
}


# ---- process-tree memory -------------------------------------------------------


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids.extend(int(k) for k in fh.read().split())
    except OSError:
        pass
    return kids


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far; 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; zeros if it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _name(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [a.decode(errors="replace") for a in argv if a]
    if words and words[0].endswith("pandoc"):
        return "pandoc"
    return "python" if words else "?"


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_processes = 0
        self.peak_breakdown: list[tuple[str, int, int]] = []
        #: CPU seconds last seen per process: catches processes nobody waits
        #: for (their time never reaches RUSAGE_CHILDREN).
        self.cpu: dict[int, float] = {}
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            pids = _tree(self.pid)
            sizes = [_memory_kb(p) for p in pids]
            rss = sum(r for r, _ in sizes)
            if rss > self.peak_rss_kb:
                self.peak_rss_kb = rss
                self.peak_breakdown = [
                    (_name(p), r, q) for p, (r, q) in zip(pids, sizes, strict=True)
                ]
            self.peak_pss_kb = max(self.peak_pss_kb, sum(p for _, p in sizes))
            self.peak_processes = max(self.peak_processes, len(pids))
            for p in pids:
                self.cpu[p] = max(self.cpu.get(p, 0.0), _cpu_seconds(p))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    returncode: int
    stderr: str
    peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    processes: int = 0
    breakdown: list[str] = field(default_factory=list)


def timed(argv: Sequence[str], env: dict[str, str] | None = None, sample: bool = False) -> Run:
    """Run a command; wall-clock seconds, CPU seconds of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        env=child_env(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    sampler = TreeMemory(proc.pid) if sample else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if sampler:
        sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    run = Run(seconds, cpu, proc.returncode, err.decode("utf-8", "replace"))
    if sampler:
        run.cpu_seconds = max(cpu, sum(sampler.cpu.values()))
        run.peak_rss_mb = sampler.peak_rss_kb / 1024
        run.peak_pss_mb = sampler.peak_pss_kb / 1024
        run.processes = sampler.peak_processes
        run.breakdown = [
            f"{name} {r / 1024:.0f}/{q / 1024:.0f}" for name, r, q in sampler.peak_breakdown
        ]
    return run


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the measured commands: this one, but with Python's
    bytecode cache on, as in any installed Python package (some sandboxes set
    PYTHONDONTWRITEBYTECODE, which adds the compilation of every module to
    every start)."""
    env = {**os.environ, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """Write the bytecode cache once, before anything is timed."""
    import cableconv

    package = str(Path(cableconv.__file__).parent)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", package], env=child_env(), check=False
    )


def convert(*args: str, sample: bool = False) -> Run:
    run = timed([sys.executable, "-m", "cableconv", "convert", *args], sample=sample)
    if run.returncode not in (0, 1):
        raise SystemExit(f"cableconv convert failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run


# ---- inputs ------------------------------------------------------------------------


def select(limit: int | None) -> list[Path]:
    """All corpus documents, or ``limit`` of them spread evenly over the volumes."""
    docs = sorted(CORPUS.rglob("*.txt"))
    if limit is None or limit >= len(docs):
        return docs
    step = len(docs) / limit
    return [docs[int(i * step)] for i in range(limit)]


def stage(docs: list[Path], folder: Path) -> None:
    """Copy the documents, volume folders kept, modification times too (a
    copy made this second would be hashed by the incremental check, never
    trusted by its date: not what a re-run of yesterday's volume sees)."""
    if folder.exists():
        shutil.rmtree(folder)
    for doc in docs:
        target = folder / doc.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(doc, target)


# ---- the naive baseline ---------------------------------------------------------------


def naive_main(list_file: Path, outdir: Path, formats: Sequence[str]) -> None:
    """One document after another; a pandoc process per document per format
    and a fresh typst compiler per document (``Options(pandoc="oneshot")``),
    in its own process. Leaves the seconds spent per step in
    ``bench/work/naive-steps.json``."""
    from cableconv.pipeline import Options, convert_path
    from cableconv.writers import FORMATS, pandoc_ast

    reference_docx = Path(pandoc_ast.__file__).parent.parent / "data" / "reference.docx"

    pdf_source: Any = None
    if "pdf" in formats:
        import typst

        from cableconv.writers import pdf

        pdf_source = pdf.typst_source
        template_root = str(pdf.TEMPLATE.parent)

    naive = Options(pandoc="oneshot")
    steps = dict.fromkeys(["parse", *formats], 0.0)
    for line in list_file.read_text(encoding="utf-8").splitlines():
        src = Path(line)
        t0 = time.perf_counter()
        doc = convert_path(src, Options()).document
        steps["parse"] += time.perf_counter() - t0
        stem = outdir / src.parent.name / src.stem
        stem.parent.mkdir(parents=True, exist_ok=True)
        written: dict[str, bytes] = {}
        for name in formats:
            t0 = time.perf_counter()
            if name == "pdf":
                source, inputs = pdf_source(doc, naive)
                data = typst.compile(
                    source,
                    root=template_root,
                    ignore_system_fonts=True,
                    sys_inputs={**inputs, "cc-paper": "us-letter"},
                )
            elif name == "docx":
                # the naive way: pandoc's docx writer on the Markdown, a process per document
                markdown = written.get("md") or FORMATS["md"].write(doc, naive).data
                data = pandoc_ast.run_oneshot(
                    markdown,
                    "docx",
                    pandoc_ast.WriteOptions(reference_doc=reference_docx),
                    reader="markdown",
                )
            else:
                data = FORMATS[name].write(doc, naive).data
            written[name] = data
            stem.with_name(stem.name + SUFFIXES[name]).write_bytes(data)
            steps[name] += time.perf_counter() - t0
    NAIVE_STEPS.write_text(json.dumps(steps), encoding="utf-8")


def fast_steps(report: Path) -> dict[str, float]:
    """Seconds per step summed over the documents, from a ``--report``."""
    steps: dict[str, float] = {}
    for doc in json.loads(report.read_text(encoding="utf-8"))["documents"]:
        for step, seconds in doc["seconds"].items():
            steps[step] = steps.get(step, 0.0) + seconds
    return steps


# ---- the benchmark --------------------------------------------------------------------


@dataclass
class Results:
    date: str
    cores: int
    machine: str
    python: str
    load_before: str
    documents: int
    formats: list[str]
    jobs: str
    fast: dict[str, float] = field(default_factory=dict)
    naive: dict[str, float] = field(default_factory=dict)
    tei: dict[str, float] = field(default_factory=dict)
    tei_json: dict[str, float] = field(default_factory=dict)
    noop: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    memory_at_peak: list[str] = field(default_factory=list)
    ratio: float | None = None
    cpu_ratio: float | None = None
    #: Milliseconds per document spent in each step (wall-clock inside the
    #: process that did it; for cableconv, summed over its workers).
    steps_fast: dict[str, float] = field(default_factory=dict)
    steps_naive: dict[str, float] = field(default_factory=dict)
    identical: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else 0.0


def compare_outputs(fast: Path, naive: Path, formats: Sequence[str]) -> dict[str, str]:
    """How many baseline outputs are byte-identical to cableconv's."""
    out: dict[str, str] = {}
    for name in formats:
        suffix = SUFFIXES[name]
        pairs = [(p, fast / p.relative_to(naive)) for p in naive.rglob(f"*{suffix}")]
        same = sum(1 for a, b in pairs if b.is_file() and a.read_bytes() == b.read_bytes())
        out[name] = f"{same}/{len(pairs)}"
    return out


def bench(args: argparse.Namespace) -> Results:
    from cableconv.writers import FORMATS

    formats = [f for f in ALL_FORMATS if f in FORMATS]
    docs = select(args.limit)
    n = len(docs)
    res = Results(
        date=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cores=os.cpu_count() or 1,
        machine=f"{platform.system()} {platform.machine()}",
        python=platform.python_version(),
        load_before=" ".join(Path("/proc/loadavg").read_text().split()[:3])
        if Path("/proc/loadavg").exists()
        else "?",
        documents=n,
        formats=formats,
        jobs=str(args.jobs) if args.jobs else f"default ({os.cpu_count()})",
    )
    missing = [f for f in ALL_FORMATS if f not in FORMATS]
    if missing:
        res.notes.append(f"formats not available yet, not benched: {', '.join(missing)}")
    inputs, out = WORK / "input", WORK / "out"
    stage(docs, inputs)
    shutil.rmtree(out, ignore_errors=True)
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    spec = ",".join(formats)

    compile_package()
    say(f"{n} documents, formats {spec}")
    say("cableconv, all formats ...")
    report = WORK / "fast-report.json"
    fast = convert(
        str(inputs),
        "--to",
        spec,
        "-o",
        str(out / "fast"),
        "-q",
        "--report",
        str(report),
        *jobs,
        sample=True,
    )
    res.steps_fast = {k: 1000 * v / n for k, v in fast_steps(report).items()}
    res.fast = {
        "seconds": fast.seconds,
        "docs_per_second": _rate(n, fast.seconds),
        "cpu_ms_per_doc": 1000 * fast.cpu_seconds / n,
    }
    res.memory = {
        "peak_rss_mb": fast.peak_rss_mb,
        "peak_pss_mb": fast.peak_pss_mb,
        "processes": fast.processes,
    }
    res.memory_at_peak = fast.breakdown
    say(f"  {res.fast['docs_per_second']:.1f} docs/s")

    say("no-op re-run ...")
    runs = [convert(str(inputs), "--to", spec, "-o", str(out / "fast"), *jobs) for _ in range(3)]
    noops = [r for r in runs if f" 0 converted, {n} skipped" in r.stderr]
    if len(noops) < len(runs):
        # cableconv's own code changed meanwhile (a shared working tree), or an
        # output was touched: those runs converted again and are not no-ops.
        summaries = "; ".join(r.stderr.strip().splitlines()[-1] for r in runs if r.stderr.strip())
        res.notes.append(f"{len(runs) - len(noops)} of the re-runs were not no-ops: {summaries}")
    res.noop = {"seconds": min(r.seconds for r in noops or runs), "runs": len(noops)}
    say(f"  {res.noop['seconds']:.3f} s")

    say("TEI only ...")
    res.tei = best_of_three(n, str(inputs), "tei", out / "tei", jobs)
    say(f"  {res.tei['docs_per_second']:.0f} docs/s")
    say("TEI+JSON ...")
    res.tei_json = best_of_three(n, str(inputs), "tei,json", out / "teijson", jobs)
    say(f"  {res.tei_json['docs_per_second']:.0f} docs/s")

    if not args.skip_baseline:
        base_docs = docs if args.baseline_limit is None else select_from(docs, args.baseline_limit)
        staged = [inputs / d.relative_to(CORPUS) for d in base_docs]
        list_file = WORK / "naive-inputs.txt"
        list_file.write_text("".join(f"{p}\n" for p in staged), encoding="utf-8")
        shutil.rmtree(out / "naive", ignore_errors=True)
        say(f"naive baseline on {len(base_docs)} documents (this takes a while) ...")
        naive = timed(
            [sys.executable, __file__, "--naive", str(list_file), str(out / "naive"), spec],
            env={"CABLECONV_PANDOC": "oneshot"},
        )
        if naive.returncode != 0:
            raise SystemExit(f"naive baseline failed:\n{naive.stderr[-3000:]}")
        nb = len(base_docs)
        res.naive = {
            "documents": nb,
            "seconds": naive.seconds,
            "docs_per_second": _rate(nb, naive.seconds),
            "cpu_ms_per_doc": 1000 * naive.cpu_seconds / nb,
        }
        res.ratio = res.fast["docs_per_second"] / res.naive["docs_per_second"]
        # What the ratio would be with the machine to ourselves: the baseline
        # keeps one core busy, cableconv all of them.
        res.cpu_ratio = res.cores * res.naive["cpu_ms_per_doc"] / res.fast["cpu_ms_per_doc"]
        res.identical = compare_outputs(out / "fast", out / "naive", formats)
        naive_steps = json.loads(NAIVE_STEPS.read_text(encoding="utf-8"))
        res.steps_naive = {k: 1000 * v / nb for k, v in naive_steps.items()}
        say(f"  {res.naive['docs_per_second']:.1f} docs/s; ratio {res.ratio:.1f}x")
    return res


def best_of_three(n: int, inputs: str, spec: str, out: Path, jobs: list[str]) -> dict[str, float]:
    """The fastest of three ``--force`` runs converting ``inputs`` to ``spec``."""
    runs = [convert(inputs, "--to", spec, "-o", str(out), "--force", "-q", *jobs) for _ in range(3)]
    best = min(runs, key=lambda r: r.seconds)
    return {
        "seconds": best.seconds,
        "docs_per_second": _rate(n, best.seconds),
        "cpu_ms_per_doc": 1000 * best.cpu_seconds / n,
    }


def select_from(docs: list[Path], limit: int) -> list[Path]:
    if limit >= len(docs):
        return docs
    step = len(docs) / limit
    return [docs[int(i * step)] for i in range(limit)]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _ok(passed: bool | None) -> str:
    return "" if passed is None else ("yes" if passed else "**no**")


def render(res: Results) -> str:
    n = res.documents
    fast, naive, tj, noop, mem = res.fast, res.naive, res.tei_json, res.noop, res.memory
    tei = res.tei
    lines = [
        "# Batch benchmark (`make bench`)",
        "",
        f"- date: {res.date}",
        f"- machine: {res.machine}, **{res.cores} cores**, Python {res.python}; "
        f"load average before the run: {res.load_before} (the machine is shared)",
        f"- corpus: {n} documents of `../shared/corpus/docs`"
        + (" (all)" if n >= 637 else f" (an evenly spread subset, `--limit {n}`)"),
        f"- formats: {', '.join(res.formats)}; jobs: {res.jobs}",
        "",
        "| measure | result | CPU per document | target | met |",
        "|---|---|---|---|---|",
        f"| cableconv, all formats | **{fast['docs_per_second']:.1f} docs/s** "
        f"({fast['seconds']:.1f} s) | {fast['cpu_ms_per_doc']:.0f} ms | | |",
    ]
    if naive:
        nb = int(naive["documents"])
        subset = "" if nb == n else f", on {nb} of the documents"
        ratio = res.ratio or 0.0
        lines += [
            f"| naive baseline, all formats{subset} | {naive['docs_per_second']:.1f} docs/s "
            f"({naive['seconds']:.1f} s) | {naive['cpu_ms_per_doc']:.0f} ms | | |",
            f"| speed-up over the baseline | **{ratio:.1f}×** | | ≥ {TARGETS['ratio']:.0f}× "
            f"| {_ok(ratio >= TARGETS['ratio'])} |",
        ]
    else:
        lines.append("| naive baseline | not run (`--skip-baseline`) | | | |")
    lines += [
        f"| TEI only (best of 3) | **{tei['docs_per_second']:.0f} docs/s** "
        f"({tei['seconds']:.2f} s) | {tei['cpu_ms_per_doc']:.1f} ms "
        f"| ≥ {TARGETS['tei_rate']:.0f} docs/s "
        f"| {_ok(tei['docs_per_second'] >= TARGETS['tei_rate'])} |",
        f"| TEI+JSON only (best of 3) | **{tj['docs_per_second']:.0f} docs/s** "
        f"({tj['seconds']:.2f} s) | {tj['cpu_ms_per_doc']:.1f} ms "
        f"| ≥ {TARGETS['tei_json_rate']:.0f} docs/s "
        f"| {_ok(tj['docs_per_second'] >= TARGETS['tei_json_rate'])} |",
        f"| no-op re-run, all {n} up to date (best of {int(noop.get('runs', 3))}) "
        f"| **{noop['seconds']:.3f} s** | | "
        f"< {TARGETS['noop_seconds']:.0f} s | {_ok(noop['seconds'] < TARGETS['noop_seconds'])} |",
        f"| peak memory, all formats, sum over the {int(mem['processes'])} processes "
        f"(PSS; RSS counts shared pages once per process) | **{mem['peak_pss_mb']:.0f} MB** "
        f"(RSS {mem['peak_rss_mb']:.0f} MB) | | < {TARGETS['peak_mb']:.0f} MB "
        f"| {_ok(mem['peak_pss_mb'] < TARGETS['peak_mb'])} |",
        "",
        "Every rate is documents divided by the wall-clock time of a fresh process, start-up "
        "included (with Python's bytecode cache, as installed packages have it). "
        "CPU per document is user+system time of the command and all its children "
        "(workers, pandoc), divided by the documents: it does not depend on what else the "
        "machine is doing, the rates do.",
    ]
    if res.steps_fast:
        names = list(res.steps_fast)
        lines += [
            "",
            "Where a document's time goes, ms per document and step (wall-clock inside the "
            "process doing it, so pandoc's work is in the format that waits for it):",
            "",
            "| | " + " | ".join(names) + " |",
            "|---|" + "---|" * len(names),
            "| cableconv | " + " | ".join(f"{res.steps_fast[k]:.1f}" for k in names) + " |",
        ]
        if res.steps_naive:
            lines.append(
                "| naive | "
                + " | ".join(f"{res.steps_naive.get(k, 0.0):.1f}" for k in names)
                + " |"
            )
    if res.memory_at_peak:
        lines += [
            "",
            "Memory at the peak, RSS/PSS in MB per process: "
            + ", ".join(res.memory_at_peak)
            + ". RSS counts pages shared between processes (the pandoc executable, "
            "the Python interpreter and the modules the workers inherit by fork) once per "
            "process; PSS divides them among the processes that share them, so the sum of "
            "PSS is the memory the batch really occupies.",
        ]
    if res.cpu_ratio is not None:
        lines += [
            "",
            f"CPU per document: the baseline needs "
            f"{naive['cpu_ms_per_doc'] / fast['cpu_ms_per_doc']:.1f}× "
            f"cableconv's. On {res.cores} otherwise idle cores (the baseline uses one, cableconv "
            f"all) that is a speed-up of {res.cpu_ratio:.1f}×.",
        ]
    if res.identical:
        same = ", ".join(f"{k} {v}" for k, v in res.identical.items())
        lines += ["", f"Baseline outputs byte-identical to cableconv's: {same}."]
    for note in res.notes:
        lines += ["", f"Note: {note}"]
    lines += [
        "",
        "How: `python bench/bench.py` (see its docstring); the baseline is the same parser and "
        "writers with `CABLECONV_PANDOC=oneshot` (one `pandoc` process per document per format, "
        "from the same JSON AST) and one fresh typst compiler per document, one document after "
        "another.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, help="bench N documents, spread over the volumes")
    parser.add_argument("--baseline-limit", type=int, help="run the naive baseline on N only")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--jobs", type=int, default=0, help="--jobs for cableconv (default: its own)"
    )
    parser.add_argument(
        "--naive", nargs=3, metavar=("LIST", "OUTDIR", "FORMATS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.naive:
        naive_main(Path(args.naive[0]), Path(args.naive[1]), args.naive[2].split(","))
        return 0
    if not CORPUS.is_dir():
        say(f"bench: skipped, the dev corpus is not here ({CORPUS})")
        return 0
    res = bench(args)
    RESULTS_MD.write_text(render(res), encoding="utf-8")
    RESULTS_JSON.write_text(json.dumps(asdict(res), indent=2) + "\n", encoding="utf-8")
    print(render(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
