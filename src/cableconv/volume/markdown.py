"""The volume as one Markdown file (GFM, as :mod:`cableconv.writers.markdown`).

YAML front matter (title, subtitle, editors, date, identifier, language),
then the preface and the lists of persons and terms, then each chapter as a
``#`` heading and each document as a ``##`` heading led by its number in the
volume (an enclosure's heading ``###``). Each document is written by the
single-document Markdown writer; its footnotes keep their printed labels,
prefixed with the document's number so that they stay apart in one file
(``[^d12-3]``), and their definitions follow that document.
"""

from __future__ import annotations

from dataclasses import replace

from cableconv.diagnostics import Diagnostic
from cableconv.model import Block, Document, Footnote, Heading
from cableconv.options import Options
from cableconv.volume.assemble import Volume, VolumeDocument, printed_number
from cableconv.writers import Output
from cableconv.writers.markdown import (
    _BLOCK_WRITERS,
    _UNESCAPED_HASH,
    _Writer,
    escape,
    escape_line_start,
    note_slug,
    yaml_string,
)
from cableconv.writers.printed import printed


class _DocumentWriter(_Writer):
    """The single-document writer, one heading level down, its note labels
    led by the document's number, its heading by the number too."""

    def __init__(self, doc: Document, number: int) -> None:
        super().__init__(doc)
        self.number = number
        self.depth = 1
        self.headed = False

    def label(self, footnote: Footnote) -> str:
        base = f"d{self.number}-{note_slug(footnote)}"
        return self.register(footnote, base, base)

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(block)  # the writer's table would call its own
            else:
                _BLOCK_WRITERS[type(block)](self, block)

    def heading(self, block: Heading) -> None:
        if self.headed or self.depth != 1:
            super().heading(block)
            return
        self.headed = True
        text = self.inlines(block.content, line_break=" ")
        if printed_number(text.replace("\\", "")) is None:
            text = f"{self.number}. {text}"
        self.out.append("## " + _UNESCAPED_HASH.sub(r"\\#", text))


def _document(doc: VolumeDocument) -> tuple[list[str], list[Diagnostic]]:
    if doc.document is None:
        text = escape_line_start(escape(doc.missing_text()))
        return [f"## {doc.number}. {escape(doc.missing_title())}", text], []
    writer = _DocumentWriter(printed(doc.document), doc.number)
    if doc.document.heading is None:
        writer.out.append("## " + _UNESCAPED_HASH.sub(r"\\#", escape(doc.label())))
        writer.headed = True
    writer.blocks(writer.doc.blocks)
    writer.unanchored_notes()
    writer.footnotes()
    return writer.out, writer.losses


def front_matter(volume: Volume) -> str:
    spec = volume.spec
    lines = ["---", f"title: {yaml_string(spec.title)}"]
    if spec.subtitle:
        lines.append(f"subtitle: {yaml_string(spec.subtitle)}")
    if spec.editors:
        lines.append(f"editor: [{', '.join(yaml_string(e) for e in spec.editors)}]")
    if spec.published:
        lines.append(f"date: {yaml_string(spec.published)}")
    lines += [f"identifier: {yaml_string(spec.id)}", f"lang: {yaml_string(spec.language)}", "---"]
    return "\n".join(lines)


def write_volume_markdown(volume: Volume, options: Options = Options()) -> Output:
    """The volume's Markdown (UTF-8, deterministic) and what it could not render."""
    out: list[str] = []
    losses: list[Diagnostic] = []
    if volume.preface:
        out.append("# Preface")
        out += [escape_line_start(escape(p)) for p in volume.preface]
    for entries, head in ((volume.persons, "Persons"), (volume.terms, "Abbreviations and Terms")):
        if entries:
            out.append(f"# {head}")
            for e in entries:
                line = f"{e.name}, {e.description}" if e.description else e.name
                out.append(escape_line_start(escape(line)))
    for _, title, docs in volume.chapters():
        out.append("# " + _UNESCAPED_HASH.sub(r"\\#", escape(" ".join(title.split()))))
        for doc in docs:
            blocks, lost = _document(doc)
            out += blocks
            losses += [d if d.file else _in_file(d, doc) for d in lost]
    text = front_matter(volume) + "\n\n" + "\n\n".join(out) + "\n"
    return Output(text.encode("utf-8"), tuple(losses))


def _in_file(d: Diagnostic, doc: VolumeDocument) -> Diagnostic:
    """A writer's loss, in the transcription it points into."""
    return replace(d, file=str(doc.path))
