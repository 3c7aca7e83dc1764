"""``make bench``: a 700-document volume built to every format.

The volume is made from the documents of one development-corpus volume
(``../shared/corpus/docs/<volume>``, the first 700 in natural order, seven
chapters of 100), written as a VOLUME.toml under ``bench/work/volume/``,
and built with ``cableconv volume`` three times:

1. from nothing (``--force``): every document converted, every format written;
2. again, nothing changed: nothing should be converted or written;
3. after one document changed: that document converted, the volume files
   written again.

For each run: wall-clock seconds, CPU seconds of the process tree, and the
peak memory of the whole tree (the resident sizes of cableconv and its
worker processes summed, sampled every 50 ms, since the workers run side by
side). The issue's target for the first run: under 2 minutes and 1.5 GB on
2 cores. Results go to ``bench/volume.md`` and ``bench/volume.json``.

Not a test: nothing here asserts; the exit status is 1 when the target is
missed. Skips cleanly without the corpus.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CABLECONV_SHARED", ROOT.parent / "shared")) / "corpus"
WORK = ROOT / "bench" / "work" / "volume"
SOURCE_VOLUME = os.environ.get("CABLECONV_BENCH_VOLUME", "frus1864p3")
DOCUMENTS = int(os.environ.get("CABLECONV_BENCH_DOCUMENTS", "700"))
CHAPTER_SIZE = 100
JOBS = "2"
TARGET_SECONDS = 120.0
TARGET_BYTES = 1.5 * 2**30
PAGE = os.sysconf("SC_PAGE_SIZE")


def natural(name: str) -> list[object]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def make_volume() -> Path | None:
    docs = CORPUS / "docs" / SOURCE_VOLUME
    files = sorted(docs.glob("*.txt"), key=lambda p: natural(p.name))[:DOCUMENTS]
    if len(files) < DOCUMENTS:
        return None
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "docs").mkdir(parents=True)
    for path in files:
        shutil.copyfile(path, WORK / "docs" / path.name)
    lines = [
        "[volume]",
        f'id = "bench-{SOURCE_VOLUME}"',
        f'title = "{DOCUMENTS} documents of {SOURCE_VOLUME} (cableconv bench)"',
        'published = "2026"',
        "",
    ]
    for k in range(0, len(files), CHAPTER_SIZE):
        chunk = files[k : k + CHAPTER_SIZE]
        lines += [
            "[[chapter]]",
            f'title = "Documents {k + 1} to {k + len(chunk)}"',
            "documents = [" + ", ".join(f'"docs/{p.name}"' for p in chunk) + "]",
            "",
        ]
    spec = WORK / "VOLUME.toml"
    spec.write_text("\n".join(lines), encoding="utf-8")
    return spec


def _tree(pid: int) -> list[int]:
    """The process and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _rss(pids: list[int]) -> int:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except OSError:
            pass
    return total


def build(spec: Path, *extra: str) -> dict[str, float | int]:
    out = WORK / "out"
    report = WORK / "report.json"
    argv = [str(ROOT / ".venv" / "bin" / "cableconv"), "volume", str(spec), "-o", str(out)]
    argv += ["-j", JOBS, "--quiet", "--report", str(report), *extra]
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _rss(_tree(proc.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    before = os.times()
    code = proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = os.times()
    data = json.loads(report.read_text()) if report.exists() else {}
    volume = data.get("volume", {})
    return {
        "exit": code,
        "seconds": round(wall, 2),
        "cpu_seconds": round(
            (after.children_user - before.children_user)
            + (after.children_system - before.children_system),
            2,
        ),
        "peak_mb": round(peak / 2**20),
        "converted": data.get("summary", {}).get("converted", 0),
        "formats_written": len(volume.get("written", [])),
        "format_seconds": volume.get("seconds", {}),
    }


def main() -> int:
    spec = make_volume()
    if spec is None:
        print(f"no corpus volume {SOURCE_VOLUME} with {DOCUMENTS} documents: skipped")
        return 0
    runs = {"from nothing": build(spec, "--force"), "unchanged": build(spec)}
    changed = sorted((WORK / "docs").glob("*.txt"), key=lambda p: natural(p.name))[DOCUMENTS // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    runs["one document changed"] = build(spec)
    first = runs["from nothing"]
    met = (
        first["exit"] == 0
        and float(first["seconds"]) < TARGET_SECONDS
        and int(first["peak_mb"]) * 2**20 < TARGET_BYTES
    )
    lines = [
        "# A 700-document volume to every format",
        "",
        f"`python bench/volume.py`, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, "
        f"`-j {JOBS}`: the first {DOCUMENTS} documents of `{SOURCE_VOLUME}` in "
        f"{-(-DOCUMENTS // CHAPTER_SIZE)} chapters, to TEI, PDF, DOCX, EPUB and Markdown. "
        "Peak memory is the whole process tree (cableconv, its workers, pandoc) summed; "
        "CPU s is the work done, wall s also what other processes on the machine took.",
        "",
        "| run | exit | wall s | CPU s | peak MB | documents converted | formats written |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in runs.items():
        lines.append(
            f"| {name} | {r['exit']} | {r['seconds']} | {r['cpu_seconds']} | {r['peak_mb']} "
            f"| {r['converted']} | {r['formats_written']} |"
        )
    seconds = first["format_seconds"]
    assert isinstance(seconds, dict)
    lines += [
        "",
        "Seconds per volume format (first run): "
        + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items())
        + ".",
        "",
        f"Target (issue 16): under {TARGET_SECONDS:.0f} s and 1.5 GB: "
        + ("**met**." if met else "**missed**."),
        "",
    ]
    (ROOT / "bench" / "volume.md").write_text("\n".join(lines), encoding="utf-8")
    (ROOT / "bench" / "volume.json").write_text(json.dumps(runs, indent=2) + "\n")
    print("\n".join(lines))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
