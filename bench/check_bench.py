"""``make bench`` (check part): how fast ``cableconv check`` goes over the dev corpus.

Everything runs in this one process, as ``cableconv check DIR`` does: the
schemas are compiled once, then every transcription is read, normalised,
parsed, put through the transcription rules, the JSON Schema, our RelaxNG
and Schematron, and the FRUS schema. Reported: documents per second for the
whole check (best of ``--repeat`` runs), the time to compile the schemas, and
where the time goes by layer.

    python bench/check_bench.py [--docs ../shared/corpus/docs] [--repeat 3] [--json FILE]

Not a test: nothing here asserts. Skips cleanly without ../shared/corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cableconv import validate  # noqa: E402
from cableconv.checks import CheckContext, run_rules  # noqa: E402
from cableconv.commands.check_cmd import check_paths  # noqa: E402
from cableconv.pipeline import Options, convert_source, read_source  # noqa: E402

DEFAULT_DOCS = ROOT.parent / "shared" / "corpus" / "docs"


class Clock:
    """Adds up the seconds spent in each named layer."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._t = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.spent[name] = self.spent.get(name, 0.0) + now - self._t
        self._t = now


def layers(paths: list[Path]) -> dict[str, float]:
    """Seconds spent in each layer over all ``paths``."""
    options = Options()
    clock = Clock()
    for path in paths:
        source = read_source(path, options)
        clock.lap("read")
        conv = convert_source(source, options, stem=path.stem)
        clock.lap("normalise+parse")
        run_rules(CheckContext(conv.source, conv.normalized, conv.document, conv.diagnostics))
        clock.lap("rules")
        validate.validate_model(conv.document)
        clock.lap("JSON Schema")
        validate.validate_tei(conv.document)
        clock.lap("TEI schemas")
    return clock.spent


def bench(docs: Path, repeat: int = 3) -> dict[str, Any]:
    paths = sorted(docs.glob("*/*.txt"))
    t0 = time.perf_counter()
    validate.warm_up()
    compile_s = time.perf_counter() - t0
    runs = []
    cpu = []
    for _ in range(repeat):
        t1, c1 = time.perf_counter(), time.process_time()
        reports = check_paths(paths)
        runs.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    best = min(runs)
    errors = sum(r.count("error") for r in reports)
    warnings = sum(r.count("warning") for r in reports)
    return {
        "documents": len(paths),
        "seconds": round(best, 3),
        "docs_per_s": round(len(paths) / best, 1),
        "cpu_seconds": round(min(cpu), 3),
        "docs_per_cpu_s": round(len(paths) / min(cpu), 1),
        "schema_compile_ms": round(compile_s * 1000, 1),
        "errors": errors,
        "warnings": warnings,
        "layers_s": {k: round(v, 3) for k, v in layers(paths).items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"check bench: skipped ({args.docs} not found)")
        return 0
    result = bench(args.docs, args.repeat)
    print(
        f"cableconv check: {result['documents']} documents in {result['seconds']} s "
        f"= {result['docs_per_s']} docs/s, one process "
        f"({result['docs_per_cpu_s']} docs per CPU second) "
        f"(schemas compiled in {result['schema_compile_ms']} ms; "
        f"{result['errors']} errors, {result['warnings']} warnings)"
    )
    total = sum(result["layers_s"].values()) or 1.0
    print(
        "  by layer: "
        + ", ".join(
            f"{k} {v:.2f} s ({100 * v / total:.0f}%)" for k, v in result["layers_s"].items()
        )
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
