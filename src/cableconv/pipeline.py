"""One document through the pipeline: read -> normalise -> parse -> model.

Writers and validators take the :class:`Converted` result; nothing here
writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cableconv.diagnostics import Diagnostic, Span, counts
from cableconv.model import Document
from cableconv.normalize import Normalized, normalize
from cableconv.options import Options as Options  # the settings, importable from here too
from cableconv.parse import doc_id_for, parse_text
from cableconv.source import NOT_XML, Source
from cableconv.source import read_source as _read_source


@dataclass
class Converted:
    source: Source
    normalized: Normalized
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return counts(self.diagnostics)["error"]


def read_source(path: Path, options: Options = Options()) -> Source:
    """Read and decode a transcription file (raises UnreadableInput)."""
    return _read_source(path, options.max_bytes)


def convert_source(
    source: Source, options: Options = Options(), stem: str | None = None
) -> Converted:
    """Normalise and parse a decoded transcription.

    Every span of the result is in offsets of ``source.text``; the
    diagnostics also carry their ``line:col``, in text order."""
    if options.normalize:
        normalized = normalize(source.text, options.disabled_fixes)
    else:
        normalized = Normalized.unchanged(source.text)
    name = display_name(Path(source.name).name)
    doc_id = doc_id_for(stem if stem is not None else Path(source.name).stem)
    result = parse_text(
        normalized.text, name, normalized.move if normalized.changed else None, doc_id
    )
    diags = [
        *source.diagnostics,
        *unwritable_characters(source),
        *normalized.diagnostics,
        *result.diagnostics,
    ]
    return Converted(source, normalized, result.document, source.locate(diags))


#: Characters named in CC005 messages, as ``cableconv check`` names them.
_CONTROL_NAMES = {
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1a": "substitute (Ctrl-Z)",
    "\x1b": "escape",
    "\ufffe": "not a character",
    "\uffff": "not a character",
}
#: More places than this are summed up in the last diagnostic.
MAX_CONTROL_DIAGNOSTICS = 20


def unwritable_characters(source: Source) -> list[Diagnostic]:
    """A CC005 error for each character XML cannot hold (a BEL, an ESC, a
    form feed): no TEI can be written with it and none is written without
    it, since dropping it would change the text. The user deletes it or
    types what it stood for."""
    out: list[Diagnostic] = []
    places = NOT_XML.finditer(source.text)
    for m in places:
        ch = m.group()
        name = f" ({_CONTROL_NAMES[ch]})" if ch in _CONTROL_NAMES else ""
        message = f"control character U+{ord(ch):04X}{name} in the text"
        if len(out) == MAX_CONTROL_DIAGNOSTICS - 1:
            rest = sum(1 for _ in places)
            if rest:
                message += f" (and {rest} more such characters)"
        out.append(
            Diagnostic(
                "CC005",
                message,
                Span(m.start(), m.end()),
                hint="delete it; if it stood for a letter or a quote, type that instead; "
                "XML (and so TEI) cannot hold it",
            )
        )
        if len(out) == MAX_CONTROL_DIAGNOSTICS:
            break
    return out


def display_name(name: str) -> str:
    """A file name as text every output can hold: bytes of the name that
    were not UTF-8 (kept by Python as lone surrogates, which no UTF-8
    writer and no XML can take) become U+FFFD. The name is a label in the
    outputs, not text of the transcription."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def convert_path(path: Path, options: Options = Options()) -> Converted:
    return convert_source(read_source(path, options), options, stem=path.stem)
