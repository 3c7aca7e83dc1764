"""One document through the pipeline: read -> normalise -> parse -> model.

Writers and validators take the :class:`Converted` result; nothing here
writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import Document
from cableconv.normalize import Normalized, normalize
from cableconv.normalize.runner import OffsetMap
from cableconv.parse import doc_id_for, parse_text
from cableconv.source import DEFAULT_MAX_BYTES, Source, decode


@dataclass(frozen=True)
class Options:
    """Settings that change what a conversion produces."""

    normalize: bool = True
    disabled_fixes: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES

    def fingerprint(self) -> str:
        return f"normalize={self.normalize};off={','.join(sorted(self.disabled_fixes))}"


@dataclass
class Converted:
    source: Source
    normalized: Normalized
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "error")


def read_source(path: Path, options: Options = Options()) -> Source:
    """Decode a transcription file (raises UnreadableInput or OSError)."""
    with path.open("rb") as fh:
        data = fh.read(options.max_bytes + 1)
    return decode(data, str(path), options.max_bytes)


def convert_source(
    source: Source, options: Options = Options(), stem: str | None = None
) -> Converted:
    """Normalise and parse a decoded transcription."""
    if options.normalize:
        normalized = normalize(source.text, options.disabled_fixes, span_of=source.span)
    else:
        normalized = Normalized(source.text, source.text, [], [], OffsetMap())

    def span_of(start: int, end: int) -> Span:
        o_start = normalized.to_original(start)
        o_end = normalized.to_original(end) if end > start else o_start
        return source.span(o_start, max(o_start, o_end))

    name = Path(source.name).name
    doc_id = doc_id_for(stem if stem is not None else Path(source.name).stem)
    result = parse_text(normalized.text, name, span_of, doc_id)
    diags = [*source.diagnostics, *normalized.diagnostics, *result.diagnostics]
    return Converted(source, normalized, result.document, [d.located(source.name) for d in diags])


def convert_path(path: Path, options: Options = Options()) -> Converted:
    return convert_source(read_source(path, options), options, stem=path.stem)
