"""Does converting to TEI cost time in proportion to the input? (issue 7)

Takes one real document, makes it 10 and 100 times as long (its body and
notes repeated, markers renumbered: ``tests/hostile/generate.py``), converts
each to TEI in this process (read -> normalise -> parse -> TEI bytes) and
prints a table: size, best time of ``--repeat`` runs, time per KB, and the
time relative to a linear extrapolation from the 10x run. A quadratic step
shows as a ratio growing with the size; linear cost keeps it near 1.

    .venv/bin/python bench/scaling.py                       # 1x, 10x, 100x
    .venv/bin/python bench/scaling.py --times 1,10,100,1000 --repeat 5
    .venv/bin/python bench/scaling.py --check               # exit 1 if not linear

``--check`` fails when the largest size costs more than ``--tolerance``
times (default 2) the linear extrapolation from the 10x run (1x is too
small to time: fixed costs dominate it).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.hostile.generate makes the long documents

from tests.hostile.generate import scaled  # noqa: E402

from cableconv.pipeline import convert_source  # noqa: E402
from cableconv.source import Source  # noqa: E402
from cableconv.writers.tei import to_tei_bytes  # noqa: E402

DEFAULT_DOCUMENT = ROOT / "samples" / "frus1894Nicaragua-d73.txt"


def convert_seconds(text: str, repeat: int) -> float:
    """Best wall time of ``repeat`` conversions of ``text`` to TEI bytes."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        converted = convert_source(Source.from_text(text, "scaled.txt"))
        to_tei_bytes(converted.document)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", type=Path, default=DEFAULT_DOCUMENT)
    parser.add_argument("--times", default="1,10,100", help="size factors (default 1,10,100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    parser.add_argument("--check", action="store_true", help="exit 1 if the cost is not linear")
    parser.add_argument("--tolerance", type=float, default=2.0)
    args = parser.parse_args(argv)

    factors = [int(f) for f in args.times.split(",")]
    base = args.document.read_text(encoding="utf-8")
    convert_seconds(base, 1)  # warm up: imports, compiled expressions
    print(f"document: {args.document.name}; TEI conversion, best of {args.repeat}")
    print(f"{'size':>6} {'bytes':>12} {'seconds':>9} {'µs/KB':>8} {'vs linear':>10}")
    rows: list[tuple[int, int, float]] = []
    for factor in factors:
        text = scaled(base, factor) if factor > 1 else base
        size = len(text.encode("utf-8"))
        seconds = convert_seconds(text, args.repeat)
        rows.append((factor, size, seconds))
        ref = next(((s, t) for f, s, t in rows if f >= 10), None)
        ratio = seconds / (ref[1] * size / ref[0]) if ref else float("nan")
        per_kb = seconds / (size / 1024) * 1e6
        shown = f"{ratio:.2f}" if ref else "-"
        print(f"{factor:>5}x {size:>12,} {seconds:>9.4f} {per_kb:>8.0f} {shown:>10}", flush=True)
    if args.check and len(rows) >= 2:
        ref_size, ref_time = next(((s, t) for f, s, t in rows if f >= 10), rows[0][1:])
        _, size, seconds = rows[-1]
        ratio = seconds / (ref_time * size / ref_size)
        if ratio > args.tolerance:
            print(f"not linear: {rows[-1][0]}x costs {ratio:.1f} times the extrapolation")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
