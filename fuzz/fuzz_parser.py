"""Coverage-guided fuzzing of the parser with atheris (``make fuzz``).

Each input is a file's bytes, taken through the whole read -> normalise ->
parse path and the TEI writer, as ``cableconv convert`` would:

* decoding raises nothing but :class:`~cableconv.source.UnreadableInput`;
* ``convert_source`` never raises;
* unless a CC005 error says the text holds a character XML cannot hold,
  the TEI is written and is well-formed XML;
* every text node of the model reaches the TEI.

Run it for a bounded time (libFuzzer options go after the corpus folders)::

    .venv/bin/python fuzz/fuzz_parser.py build/fuzz-corpus samples -max_total_time=60

New inputs go to the first folder; a failing input is saved under
``-artifact_prefix`` and can be replayed by giving its path instead of folders.
Needs the ``fuzz`` extra: ``pip install -e '.[fuzz]'``.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["cableconv"]):
    from lxml import etree

    from cableconv.model import DateText, Name, Text, iter_inlines
    from cableconv.pipeline import convert_source
    from cableconv.source import UnreadableInput, decode
    from cableconv.writers.tei import to_tei_bytes

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_TEI_TEXT = "{http://www.tei-c.org/ns/1.0}text"


def test_one_input(data: bytes) -> None:
    try:
        source = decode(data, "fuzz.txt")
    except UnreadableInput:
        return
    converted = convert_source(source)
    if any(d.code == "CC005" for d in converted.diagnostics):
        return
    root = etree.fromstring(to_tei_bytes(converted.document), _PARSER)
    body = root.find(_TEI_TEXT)
    assert body is not None
    tei_text = etree.tostring(body, method="text", encoding="unicode", with_tail=False)
    for _, content in iter_inlines(converted.document):
        for node in content:
            if isinstance(node, Text | Name | DateText) and node.text not in tei_text:
                raise AssertionError(f"text lost on the way to the TEI: {node.text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
