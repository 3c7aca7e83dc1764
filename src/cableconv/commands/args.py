"""Command-line options that several commands share."""

from __future__ import annotations

import argparse
import re
from typing import Any

from cableconv.source import DEFAULT_MAX_BYTES

_SIZE = re.compile(r"\s*(\d+)\s*([KMG]?)(?:i?B)?\s*", re.IGNORECASE)


def size(value: str) -> int:
    """A size in bytes, with an optional K, M or G (powers of 1024).

    >>> size("64M")
    67108864
    """
    m = _SIZE.fullmatch(value)
    if m is None or int(m[1]) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (say 1000, 64M or 1G)")
    power: int = "_KMG".index(m[2].upper() or "_")
    return int(m[1]) << (10 * power)


def add_max_bytes(parser: Any) -> None:
    """``--max-bytes``: the largest transcription read; larger ones are refused up front."""
    parser.add_argument(
        "--max-bytes",
        type=size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse transcriptions larger than this (default {DEFAULT_MAX_BYTES // 2**20}M)",
    )
