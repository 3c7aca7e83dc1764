"""Command line: ``cableconv convert | check | normalize | volume``.

``main()`` only does ``sys.exit(run(sys.argv[1:]))``; :func:`run` takes its
streams (and environment) as arguments so tests call it directly. Exit codes:
0 all good, 1 a document failed (or, for ``check``, has errors), 2 usage or
unreadable input, or unusable settings.

:func:`run` loads the :class:`~cableconv.options.Options` once, from the
command line, the environment and ``pyproject.toml``, and passes them to the
command: ``handler(args, options, stdout, stderr)``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from cableconv import __version__
from cableconv.commands import convert_cmd
from cableconv.commands.args import setting_flags
from cableconv.config import ConfigError, load_options, settings_folder

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: error: {message}\n{self.format_usage()}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cableconv",
        description="Turn plain-text transcriptions of diplomatic documents into FRUS TEI, "
        "JSON, Markdown, DOCX and PDF; check them; normalise their typography.",
    )
    parser.add_argument("--version", action="version", version=f"cableconv {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    convert_cmd.register(sub)
    for name in ("check_cmd", "normalize_cmd", "volume_cmd"):
        module = _optional_command(name)
        if module is not None:
            module.register(sub)
    return parser


def _optional_command(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(f"cableconv.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"cableconv.commands.{name}":
            raise
        return None


def run(
    argv: Sequence[str],
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except _UsageError as exc:
        err.write(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if not getattr(args, "command", None):
        parser.print_help(out)
        return EXIT_USAGE
    try:
        options = load_options(
            setting_flags(args),
            settings_folder(getattr(args, "inputs", None) or ()),
            os.environ if environ is None else environ,
        )
    except ConfigError as exc:
        err.write(f"cableconv {args.command}: error: {exc}\n")
        return EXIT_USAGE
    handler = args.handler
    code: int = handler(args, options, out, err)
    return code


def main() -> None:
    sys.exit(run(sys.argv[1:]))
