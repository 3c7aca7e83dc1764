"""``make bench``: how long reading an official FRUS volume takes.

For every volume of ``../shared/corpus/tei/``: the time :func:`read_tei`
takes to turn the file's bytes into the model (parsing included), best of
three, as wall-clock and as CPU seconds of this process (CPU time is what a
busy machine does not inflate), and the documents per second. The issue's
target: a 4 MB volume in under 2 seconds. Results go to
``bench/tei_read.md``.

Not a test: nothing here asserts. Skips cleanly without the corpus.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cableconv.readers.tei import read_tei  # noqa: E402

CORPUS = Path(os.environ.get("CABLECONV_SHARED", ROOT.parent / "shared")) / "corpus"
RUNS = 3


def measure(path: Path) -> tuple[float, float, int]:
    data = path.read_bytes()
    best_wall = best_cpu = float("inf")
    docs = 0
    for _ in range(RUNS):
        w0, c0 = time.perf_counter(), time.process_time()
        volume = read_tei(data, path.name)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        docs = len(volume.documents)
    return best_wall, best_cpu, docs


def main() -> int:
    volumes = sorted((CORPUS / "tei").glob("*.xml"))
    if not volumes:
        print(f"no corpus at {CORPUS}: skipped")
        return 0
    load_before = os.getloadavg()[0]
    rows = []
    for path in volumes:
        wall, cpu, docs = measure(path)
        mb = path.stat().st_size / 1e6
        rows.append((path.stem, mb, docs, wall, cpu))
        print(f"{path.stem:20} {mb:5.2f} MB {docs:4} docs  {wall:5.2f} s wall  {cpu:5.2f} s CPU")
    big = [r for r in rows if r[1] >= 3.5]
    worst = max((r[3] for r in big), default=0.0)
    lines = [
        "# Reading FRUS TEI volumes",
        "",
        f"`python bench/tei_read.py`, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs; "
        f"best of {RUNS}, parsing included; load average {load_before:.1f} before and "
        f"{os.getloadavg()[0]:.1f} after (wall time grows with it, CPU time does not).",
        "",
        "| volume | MB | documents | wall s | CPU s | documents/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, mb, docs, wall, cpu in rows:
        lines.append(f"| {name} | {mb:.2f} | {docs} | {wall:.2f} | {cpu:.2f} | {docs / wall:.0f} |")
    lines += ["", f"Slowest volume of 3.5 MB or more: {worst:.2f} s (target: under 2 s)."]
    (ROOT / "bench" / "tei_read.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
