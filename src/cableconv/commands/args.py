"""Command-line flags that set :class:`~cableconv.options.Options` fields.

Each flag stores under ``SETTING_PREFIX + field`` and defaults to None
("not given"), so that ``cli.run()`` can tell a flag from a default and lay
the command line over ``pyproject.toml`` and the environment
(:func:`cableconv.config.load_options`). A command adds the flags of the
settings it uses with :func:`add_settings`.
"""

from __future__ import annotations

import argparse
from typing import Any

from cableconv.options import PAPERS, SettingError, parse_pdf_standards, parse_size
from cableconv.source import DEFAULT_MAX_BYTES

SETTING_PREFIX = "setting_"


def shown(level: str, args: argparse.Namespace) -> bool:
    """Whether a diagnostic of ``level`` goes to stderr: errors always,
    warnings unless ``--quiet``, everything else with ``--verbose``."""
    return level == "error" or (level == "warning" and not args.quiet) or bool(args.verbose)


def size(value: str) -> int:
    """A size in bytes, with an optional K, M or G (powers of 1024).

    >>> size("64M")
    67108864
    """
    try:
        return parse_size(value)
    except SettingError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def pdf_standards(value: str) -> tuple[str, ...]:
    """``--pdf-standard a-2a,ua-1``, checked as the flag is read."""
    try:
        return parse_pdf_standards(value)
    except SettingError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def fix_name(value: str) -> str:
    """A fix or family name (``--no-fix``), checked as the flag is read."""
    from cableconv.normalize import resolve_fix_names

    try:
        resolve_fix_names([value])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


#: field -> (flags, argparse keywords, default help)
_FLAGS: dict[str, tuple[tuple[str, ...], dict[str, Any], str]] = {
    "normalize": (
        ("--no-normalize",),
        {"action": "store_const", "const": False},
        "take the text as it is",
    ),
    "disabled_fixes": (
        ("--no-fix",),
        {"action": "append", "metavar": "NAME", "type": fix_name},
        "switch one normalisation fix (or a family of fixes) off; repeatable; "
        "adds to [tool.cableconv] disabled-fixes",
    ),
    "changes_log": (
        ("--changes",),
        {"action": "store_const", "const": True},
        "also write each document's normalisation change log (OUTDIR/<stem>.changes.json)",
    ),
    "max_bytes": (
        ("--max-bytes",),
        {"type": size, "metavar": "SIZE"},
        f"refuse transcriptions larger than this (default {DEFAULT_MAX_BYTES // 2**20}M)",
    ),
    "paper": (
        ("--paper",),
        {"choices": PAPERS},
        "PDF paper size (default: [tool.cableconv] paper, $CABLECONV_PDF_PAPER, else letter)",
    ),
    "pdf_standards": (
        ("--pdf-standard",),
        {"type": pdf_standards, "metavar": "STD[,STD]"},
        "PDF standard(s): a-2b (the default), a-2u, a-3u, a-4, ua-1 (accessible), "
        "a-2a,ua-1 ..., or none",
    ),
}


def add_settings(parser: Any, *fields: str, help: dict[str, str] | None = None) -> None:
    """Add the flags of these Options fields; ``help`` overrides a flag's text."""
    for name in fields:
        flags, kwargs, text = _FLAGS[name]
        parser.add_argument(
            *flags,
            dest=SETTING_PREFIX + name,
            default=None,
            help=(help or {}).get(name, text),
            **kwargs,
        )


def setting_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line: Options field -> value."""
    return {
        key[len(SETTING_PREFIX) :]: value
        for key, value in vars(args).items()
        if key.startswith(SETTING_PREFIX) and value is not None
    }


def add_cluster(parser: Any) -> None:
    """``--cluster tcp://HOST:8786``: run the batch on that Dask cluster
    (:mod:`cableconv.cluster`; needs ``pip install 'cableconv[cluster]'``)."""
    parser.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="convert on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); "
        "its workers must see the inputs and OUTDIR at the same paths",
    )


def cluster_missing(args: argparse.Namespace) -> str:
    """Why ``--cluster`` cannot be used here (Dask not installed), or ''."""
    if getattr(args, "cluster", None) is None:
        return ""
    try:
        import cableconv.cluster  # noqa: F401
    except ImportError as exc:
        return f"--cluster needs Dask ({exc}): pip install 'cableconv[cluster]'"
    return ""


def cluster_error(args: argparse.Namespace, exc: Exception) -> str:
    """What to print when ``exc`` is the cluster giving up
    (:class:`cableconv.cluster.ClusterError`: the command exits 3); '' for
    any other exception, which the command lets through."""
    if getattr(args, "cluster", None) is None:
        return ""
    from cableconv.cluster import ClusterError  # Dask is there: cluster_missing said so

    return exc.format() if isinstance(exc, ClusterError) else ""
