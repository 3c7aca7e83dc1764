"""Every setting of a conversion, in one object.

:class:`Options` carries each setting that changes what cableconv reads or
writes: whether to normalise, which fixes are off, the largest input, the
change log, the PDF's paper, how pandoc runs, the reproducible-build date.
``cli.run()`` builds it once (:func:`cableconv.config.load_options`) from, in
rising precedence, the defaults, ``[tool.cableconv]`` in ``pyproject.toml``,
the environment variables named in :data:`SETTINGS` and the command line,
and hands it to every command, the pipeline and every writer. Nothing else
reads the environment for a setting.

The incremental fingerprint is made from every field
(:meth:`Options.fingerprint`), so a new field cannot be forgotten there.
A new setting is one field here and one row of :data:`SETTINGS`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cableconv.source import DEFAULT_MAX_BYTES

#: Paper sizes the printed formats know (the PDF writer maps them to typst's names).
PAPERS = ("letter", "a4")
#: How pandoc runs: one long-lived ``pandoc lua`` process per Python process,
#: or one ``pandoc --sandbox`` per document (slower, same bytes).
PANDOC_MODES = ("loop", "oneshot")
#: The PDF standards typst 0.15 writes (``pdf_standards``): PDF versions,
#: the PDF/A archival profiles and PDF/UA-1 (accessible). Several may be
#: combined (``a-2a,ua-1``); ``none`` asks for a plain PDF.
PDF_STANDARDS = (
    "a-2b",
    "a-2u",
    "a-2a",
    "a-3b",
    "a-3u",
    "a-3a",
    "a-4",
    "a-4f",
    "a-4e",
    "a-1b",
    "a-1a",
    "ua-1",
    "1.4",
    "1.5",
    "1.6",
    "1.7",
    "2.0",
)
#: Archival by default: PDF/A-2b (every glyph embedded, colour and metadata
#: fixed, XMP identification).
DEFAULT_PDF_STANDARDS = ("a-2b",)


@dataclass(frozen=True)
class Options:
    """Settings that change what a conversion reads or produces."""

    normalize: bool = True
    #: fix names (families already resolved), sorted
    disabled_fixes: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    #: also write the normalisation change log (``<stem>.changes.json``)
    changes_log: bool = False
    paper: str = "letter"
    pandoc: str = "loop"
    #: ``SOURCE_DATE_EPOCH``: the date written into DOCX and PDF (None: no date)
    source_date_epoch: int | None = None
    #: standards the PDF is written to (see :data:`PDF_STANDARDS`); () for none
    pdf_standards: tuple[str, ...] = DEFAULT_PDF_STANDARDS

    def __post_init__(self) -> None:
        # Options built in code (the API, tests) get the same checks as the
        # command line, before any document is read.
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; choose from {', '.join(PAPERS)}")
        unknown = [s for s in self.pdf_standards if s not in PDF_STANDARDS]
        if unknown:
            raise ValueError(
                f"unknown PDF standard {unknown[0]!r}; choose from {', '.join(PDF_STANDARDS)}"
            )
        if self.pandoc not in PANDOC_MODES:
            raise ValueError(
                f"unknown pandoc mode {self.pandoc!r}; choose from {', '.join(PANDOC_MODES)}"
            )

    def fingerprint(self) -> str:
        """Every field as ``name=value``: what the incremental manifest keys
        outputs on. Built from the dataclass fields, so none is left out."""
        return ";".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self))

    def replace(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)


class SettingError(ValueError):
    """A setting's value cannot be used; the message says what is expected."""


_SIZE = re.compile(r"\s*(\d+)\s*([KMG]?)(?:i?B)?\s*", re.IGNORECASE)


def parse_size(value: object) -> int:
    """A size in bytes: a number, or text with an optional K, M or G (powers of 1024).

    >>> parse_size("64M")
    67108864
    >>> parse_size(1000)
    1000
    """
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    m = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if m is None or int(m[1]) == 0:
        raise SettingError(f"not a size: {value!r} (say 1000, 64M or 1G)")
    power: int = "_KMG".index(m[2].upper() or "_")
    return int(m[1]) << (10 * power)


def _choice(choices: tuple[str, ...]) -> Callable[[object], str]:
    def parse(value: object) -> str:
        text = value.strip().lower() if isinstance(value, str) else None
        if text not in choices:
            raise SettingError(f"must be one of {', '.join(choices)}, not {value!r}")
        return text

    return parse


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise SettingError(f"must be true or false, not {value!r}")
    return value


def _fix_names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise SettingError('must be a list of fix names, e.g. ["number_ranges"]')
    from cableconv.normalize import resolve_fix_names  # the fix table; not needed by writers

    try:
        # `quotes` and the two quote fixes by name are the same setting, and
        # outputs made with one are current for the other.
        return tuple(sorted(resolve_fix_names(value)))
    except ValueError as exc:
        raise SettingError(str(exc)) from None


def _epoch(value: object) -> int | None:
    """``SOURCE_DATE_EPOCH``: empty means unset; anything but a whole number
    of seconds is refused, as reproducible-builds.org asks, rather than
    silently giving dated or undated output."""
    text = value.strip() if isinstance(value, str) else value
    if text == "":
        return None
    if isinstance(text, int) and not isinstance(text, bool) and text >= 0:
        return text
    if isinstance(text, str) and text.isascii() and text.isdigit():
        return int(text)
    raise SettingError(f"must be a whole number of seconds since 1970, not {value!r}")


def parse_pdf_standards(value: object) -> tuple[str, ...]:
    """``"a-2b"``, ``"a-2a,ua-1"`` or a list of them; ``"none"`` for a plain PDF.

    >>> parse_pdf_standards("A-2u, ua-1"), parse_pdf_standards("none")
    (('a-2u', 'ua-1'), ())
    """
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise SettingError('must be a PDF standard or a list of them, e.g. "a-2b" or "a-2a,ua-1"')
    names = [v.strip().lower() for v in items if v.strip()]
    if names == ["none"]:
        return ()
    unknown = [n for n in names if n not in PDF_STANDARDS]
    if unknown or not names:
        raise SettingError(
            f"unknown PDF standard {(unknown or [''])[0]!r}; "
            f"choose from none, {', '.join(PDF_STANDARDS)}"
        )
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class Setting:
    """One field of :class:`Options` and the places it can be set."""

    field: str
    #: key in ``[tool.cableconv]`` (None: not settable there)
    key: str | None
    #: environment variable that overrides the file (None: none)
    env: str | None
    #: checks and converts a value from the file, the environment or a flag
    parse: Callable[[object], Any]
    #: lists add up across the file and the command line instead of replacing
    accumulates: bool = False


#: Where each setting can come from. The README's "Settings" table lists the same.
SETTINGS: tuple[Setting, ...] = (
    Setting("normalize", "normalize", None, _flag),
    Setting("disabled_fixes", "disabled-fixes", None, _fix_names, accumulates=True),
    Setting("max_bytes", "max-bytes", None, parse_size),
    Setting("changes_log", "changes", None, _flag),
    Setting("paper", "paper", "CABLECONV_PDF_PAPER", _choice(PAPERS)),
    Setting("pandoc", "pandoc", "CABLECONV_PANDOC", _choice(PANDOC_MODES)),
    Setting("source_date_epoch", None, "SOURCE_DATE_EPOCH", _epoch),
    Setting("pdf_standards", "pdf-standard", "CABLECONV_PDF_STANDARD", parse_pdf_standards),
)
BY_KEY = {s.key: s for s in SETTINGS if s.key is not None}
