"""``cableconv normalize FILE... [--diff | --explain | --check | --write]``.

In the manner of code formatters: by default the normalised text goes to
stdout; ``--diff`` shows a unified diff, ``--explain`` one line per change
(``file:line:col fix 'before' → 'after'``), ``--check`` exits 1 when a file
would change (for CI), ``--write`` rewrites the files in place, atomically.
Warnings (what could not be decided) go to stderr in every mode.

Exit status: 0 nothing to report, 1 ``--check`` found files to normalise,
2 usage error, bad settings or an unreadable file.
"""

from __future__ import annotations

import argparse
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from cableconv.atomic import write_atomic
from cableconv.commands.args import add_settings
from cableconv.diagnostics import Diagnostic, sort_diagnostics
from cableconv.inputs import expand_inputs
from cableconv.normalize import FIXES, Normalized, normalize
from cableconv.normalize.report import explain_lines, unified_diff
from cableconv.options import Options
from cableconv.source import LineIndex, UnreadableInput, decode, read_bytes

EXIT_OK, EXIT_CHANGED, EXIT_USAGE = 0, 1, 2
BACKUP_SUFFIX = ".bak"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "normalize",
        help="fix the typography of transcriptions (quotes, dashes, spaces, page markers)",
        description="Normalise the typography of transcriptions. Prints the normalised text "
        "unless told otherwise. Fixes can also be switched off in pyproject.toml: "
        "[tool.cableconv] disabled-fixes = [...].",
    )
    p.add_argument("inputs", nargs="*", metavar="FILE", help="files, folders of *.txt, globs")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff")
    mode.add_argument(
        "--explain", action="store_true", help="print one line per change: file:line:col fix"
    )
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if any file would change (with --diff or --explain: show how)",
    )
    p.add_argument(
        "--backup",
        action="store_true",
        help=f"with --write: keep the original as FILE{BACKUP_SUFFIX}",
    )
    add_settings(p, "disabled_fixes", "max_bytes")
    p.add_argument("--list-fixes", action="store_true", help="list the fixes and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="print no warnings or summary")
    p.set_defaults(handler=run_normalize)


@dataclass
class _Result:
    path: Path
    raw: bytes
    normalized: Normalized
    reencoded: str  # the encoding the file was read in, when not UTF-8; else ""
    diagnostics: list[Diagnostic]

    @property
    def changed(self) -> bool:
        return bool(self.reencoded) or self.normalized.text != self.normalized.original

    @property
    def new_bytes(self) -> bytes:
        return self.normalized.text.encode("utf-8")


def _list_fixes(out: TextIO) -> int:
    width = max(len(f.name) for f in FIXES)
    for fix in FIXES:
        out.write(f"{fix.name:<{width}}  {fix.family:<12}  {fix.summary}\n")
    return EXIT_OK


def _usage(err: TextIO, message: str) -> int:
    err.write(f"cableconv normalize: error: {message}\n")
    return EXIT_USAGE


def _normalize_file(path: Path, options: Options) -> _Result:
    """Read, decode and normalise one file (raises UnreadableInput)."""
    raw = read_bytes(path, options.max_bytes).data
    source = decode(raw, str(path), options.max_bytes)
    # decode() drops a byte-order mark; here it is one of the changes, and
    # the text's positions are the file's (the mark takes no column)
    text = "\ufeff" + source.text if source.bom else source.text
    normalized = normalize(text, options.disabled_fixes)
    reencoded = source.encoding if source.encoding != "utf-8" else ""
    lines = LineIndex.of(text)
    diags = sort_diagnostics(
        d.located(str(path), lines.place) for d in (*source.diagnostics, *normalized.diagnostics)
    )
    return _Result(path, raw, normalized, reencoded, diags)


def run_normalize(args: argparse.Namespace, options: Options, out: TextIO, err: TextIO) -> int:
    if args.list_fixes:
        return _list_fixes(out)
    if not args.inputs:
        return _usage(err, "give at least one FILE (or --list-fixes)")
    if args.backup and not args.write:
        return _usage(err, "--backup only goes with --write")
    if args.check and args.write:
        return _usage(err, "--check reports and --write rewrites; choose one")
    items, problems = expand_inputs(args.inputs)
    status = EXIT_OK
    for problem in problems:
        err.write(problem.format() + "\n")
        status = EXIT_USAGE

    would_change = read = 0
    for item in items:
        try:
            result = _normalize_file(item.path, options)
        except UnreadableInput as exc:
            err.write(exc.diagnostic(str(item.path)).format() + "\n")
            status = EXIT_USAGE
            continue
        if not args.quiet:
            for d in result.diagnostics:
                err.write(d.format() + "\n")
        name = str(item.path)
        read += 1
        if result.changed:
            would_change += 1
        if args.diff:
            out.write(unified_diff(result.normalized.original, result.normalized.text, name))
        elif args.explain:
            for line in explain_lines(result.normalized, name):
                out.write(line + "\n")
        elif args.write:
            if result.changed:
                if args.backup:
                    backup = item.path.with_name(item.path.name + BACKUP_SUFFIX)
                    write_atomic(backup, result.raw)
                _rewrite(item.path, result.new_bytes)
        elif not args.check:
            out.write(result.normalized.text)
        if result.changed and not args.quiet and (args.check or args.write):
            verb = "would normalise" if args.check else "normalised"
            n = len(result.normalized.changes)
            how = f" (read as {result.reencoded}, written as UTF-8)" if result.reencoded else ""
            err.write(f"{verb} {name}: {n} change(s){how}\n")
    if not args.quiet and (args.check or args.write):
        verb = "would be normalised" if args.check else "normalised"
        err.write(f"{would_change} file(s) {verb}, {read - would_change} unchanged\n")
    if status == EXIT_OK and args.check and would_change:
        status = EXIT_CHANGED
    return status


def _rewrite(path: Path, data: bytes) -> None:
    """Rewrite a file in place: through a symbolic link, the file it points
    to (the link stays a link), keeping the file's permissions."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(os.stat(target).st_mode)
    write_atomic(target, data)
    os.chmod(target, mode)
