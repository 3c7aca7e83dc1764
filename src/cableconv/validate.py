"""Validation of what the pipeline builds: the model and the TEI.

Three layers, each against a schema shipped in ``cableconv/schemas``:

* the document model, as JSON, against ``cable.schema.json`` (JSON Schema 2020-12);
* the whole TEI file against ``cableconv-tei.rng``, our own RelaxNG: exactly
  what the writer emits, and Schematron rules (``cableconv.sch``) for what a
  grammar cannot say;
* the document ``div`` against the official FRUS schema (``frus.rng``), placed
  in a FRUS volume shell (``frus-shell.xml``) as the Office of the Historian
  would publish it.

Every schema is compiled once per process, on first use. Every diagnostic
points into the *transcription*: JSON errors through the span of the nearest
model node, TEI errors through the span the writer recorded for the nearest
element (``writers.tei.SpanMap``). For TEI files given as input, positions
are lines of the XML file.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from lxml import etree, isoschematron  # type: ignore[attr-defined]

from cableconv import xmlsafe
from cableconv.diagnostics import Diagnostic, Place, Span
from cableconv.model import Document, to_json
from cableconv.writers.tei import FRUS_NS, TEI_NS, SpanMap, tei_document

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"

#: Maps an element of a validated tree to a place in the input.
#: Where an element came from: its span in the transcription (TEI the writer
#: made from a document), or its line in the file (a TEI file read back).
Locator = Callable[[etree._Element | None], Span | Place | None]


def _at(code: str, message: str, where: Span | Place | None, hint: str) -> Diagnostic:
    if isinstance(where, Place):
        return Diagnostic(code, message, hint=hint, place=where)
    return Diagnostic(code, message, where, hint)


# --------------------------------------------------------------------------
# the schemas, compiled once per process
# --------------------------------------------------------------------------


def schema_path(name: str) -> Any:
    """A file of ``cableconv/schemas`` (a Traversable; ``str()`` of it is a path)."""
    return resources.files("cableconv").joinpath("schemas", name)


def _parse_xml(name: str) -> etree._ElementTree:
    with schema_path(name).open("rb") as fh:
        return etree.parse(fh, xmlsafe.parser())


@functools.cache
def model_schema() -> dict[str, Any]:
    with schema_path("cable.schema.json").open("rb") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each ``{"$ref": "#/$defs/x"}`` replaced by ``x`` itself,
    except where ``x`` refers back to itself (attachments hold blocks). Same
    meaning, fewer reference lookups: validation is about a third faster."""
    defs: dict[str, Any] = schema.get("$defs", {})

    def inline(node: Any, stack: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(v, stack) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            name = ref.removeprefix("#/$defs/")
            return node if name in stack else inline(defs[name], (*stack, name))
        return {k: v if k == "$defs" else inline(v, stack) for k, v in node.items()}

    out: dict[str, Any] = inline(schema, ())
    return out


@functools.cache
def _model_validator() -> Draft202012Validator:
    return Draft202012Validator(_inline_refs(model_schema()))


@functools.cache
def own_relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(_parse_xml("cableconv-tei.rng"))


@functools.cache
def frus_relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(_parse_xml("frus.rng"))


@functools.cache
def schematron() -> isoschematron.Schematron:
    return isoschematron.Schematron(_parse_xml("cableconv.sch"), store_report=True)


@dataclass
class _Shell:
    root: etree._Element
    body: etree._Element
    lock: threading.Lock


@functools.cache
def _frus_shell() -> _Shell:
    root = _parse_xml("frus-shell.xml").getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    if body is None:  # pragma: no cover - the shipped shell has one
        raise RuntimeError("frus-shell.xml has no text/body")
    return _Shell(root, body, threading.Lock())


def warm_up() -> None:
    """Compile every schema now (a long run pays it once, up front)."""
    _model_validator()
    own_relaxng()
    frus_relaxng()
    schematron()
    _frus_shell()


# --------------------------------------------------------------------------
# the model against cable.schema.json
# --------------------------------------------------------------------------

_MAX_MESSAGE = 200


def _short(text: str, limit: int = _MAX_MESSAGE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _span_at(data: Any, path: Sequence[str | int]) -> Span | None:
    """The span of the deepest node on ``path`` that has a readable one."""
    found: Span | None = None
    node = data
    nodes = [node]
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        nodes.append(node)
    for node in nodes:
        if isinstance(node, dict):
            try:
                found = Span.from_json(node["span"])
            except (KeyError, TypeError):
                continue
    return found


def _json_path(path: Iterable[str | int]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f"/{p}" for p in path) or "/"


def validate_model_data(data: Any, fallback: Span | None = None) -> list[Diagnostic]:
    """Every way ``data`` (model JSON) departs from ``cable.schema.json``."""
    errors: list[ValidationError] = sorted(
        _model_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    )
    out: list[Diagnostic] = []
    for err in errors:
        where = _json_path(err.absolute_path)
        out.append(
            Diagnostic(
                "CC310",
                f"document model at {where}: {_short(err.message)}",
                _span_at(data, list(err.absolute_path)) or fallback,
                hint="the model does not match schemas/cable.schema.json; "
                "this is a cableconv bug unless the JSON was edited by hand",
            )
        )
    return out


def validate_model(doc: Document) -> list[Diagnostic]:
    """The document model, as ``to_json`` writes it, against ``cable.schema.json``."""
    return validate_model_data(to_json(doc), doc.span)


# --------------------------------------------------------------------------
# TEI: our RelaxNG, Schematron, FRUS
# --------------------------------------------------------------------------


def span_locator(spans: SpanMap, fallback: Span | None) -> Locator:
    """Locate an element by the transcription span of it or its nearest
    ancestor that the writer recorded."""

    def locate(el: etree._Element | None) -> Span | Place | None:
        while el is not None:
            span = spans.get(el)
            if span is not None:
                return span
            el = el.getparent()
        return fallback

    return locate


def line_locator(fallback_line: int = 1) -> Locator:
    """Locate an element of a parsed XML file by its line."""

    def locate(el: etree._Element | None) -> Span | Place | None:
        found = el.sourceline if el is not None else None
        return Place.at(found if isinstance(found, int) and found > 0 else fallback_line)

    return locate


def _namespaces(root: etree._Element) -> dict[str, str]:
    ns = {"tei": TEI_NS, "frus": FRUS_NS}
    for el in root.iter(etree.Element):
        for prefix, uri in el.nsmap.items():
            if prefix:
                ns.setdefault(prefix, uri)
    return ns


def _element_at(root: etree._Element, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        hits = root.getroottree().xpath(path, namespaces=_namespaces(root))
    except etree.XPathError:
        return None
    if isinstance(hits, list) and hits and isinstance(hits[0], etree._Element):
        return hits[0]
    return None


def _describe(el: etree._Element | None) -> str:
    """``div/p[3]``: where an element is, in words a TEI reader knows."""
    if el is None:
        return "the document"
    parts: list[str] = []
    node: etree._Element | None = el
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        parts.append(name)
        if name.startswith("div") and node.get("type") == "document":
            break
        node = parent
    return "/".join(reversed(parts))


@dataclass(frozen=True)
class _RawError:
    element: etree._Element | None
    line: int
    message: str


def _relaxng_errors(rng: etree.RelaxNG, tree_root: etree._Element) -> list[_RawError]:
    """The validator's messages, each once, with the element each is about."""
    if rng.validate(tree_root.getroottree()):
        return []
    seen: set[tuple[int, str]] = set()
    raw: list[_RawError] = []
    for entry in rng.error_log:
        el = _element_at(tree_root, entry.path)
        key = (id(el), entry.message)
        if key not in seen:
            seen.add(key)
            raw.append(_RawError(el, entry.line, entry.message))
    return raw


def _depth(el: etree._Element | None) -> int:
    depth = 0
    while el is not None:
        depth += 1
        el = el.getparent()
    return depth


def _schema_diagnostics(
    errors: list[_RawError], code: str, schema: str, locate: Locator, hint: str
) -> list[Diagnostic]:
    """One diagnostic per failed validation.

    libxml2 stops at the first element that does not fit and then reports
    every enclosing element as failing too, often with messages that point
    elsewhere; the deepest element it names is the best guess of where the
    problem is. The other messages are kept in the hint.
    """
    if not errors:
        return []
    primary = max(errors, key=lambda e: _depth(e.element))
    others = [e for e in errors if e is not primary]
    where = locate(primary.element)
    if where is None and primary.line > 0:
        where = Place.at(primary.line)
    message = f"TEI {_describe(primary.element)} not valid against {schema}: {primary.message}"
    if others:
        more = "; ".join(f"{_describe(e.element)}: {e.message}" for e in others[:4])
        hint = f"{hint}. The validator also said: {more}" + (" …" if len(others) > 4 else "")
    return [_at(code, message, where, hint)]


def _schematron_diagnostics(root: etree._Element, locate: Locator) -> list[Diagnostic]:
    sch = schematron()
    if sch.validate(root.getroottree()):
        return []
    report = sch.validation_report
    out: list[Diagnostic] = []
    for fail in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        el = _element_at(root, fail.get("location"))
        # the level is the code's (CODES); a test keeps each rule's role equal to it
        text = " ".join((fail.findtext(f"{{{SVRL_NS}}}text") or "").split())
        out.append(
            _at(
                fail.get("id") or "CC329",
                text or "Schematron rule failed",
                locate(el),
                f"rule of schemas/cableconv.sch at TEI {_describe(el)}",
            )
        )
    return out


_BUG_HINT = (
    "cableconv wrote TEI its schema does not allow; the text here is where the element "
    "came from. Please report it with this transcription"
)
_FILE_HINT = "this is not the TEI cableconv writes; was the file edited by hand?"


def validate_tei_tree(
    root: etree._Element, locate: Locator, *, ours: bool = True, written: bool = False
) -> list[Diagnostic]:
    """A whole TEI tree against cableconv-tei.rng and cableconv.sch (``ours``),
    and each top-level document div, in a FRUS shell, against frus.rng.
    ``written``: the tree is what the writer just made (an error is our bug)."""
    diags: list[Diagnostic] = []
    if ours:
        diags += _schema_diagnostics(
            _relaxng_errors(own_relaxng(), root),
            "CC311",
            "cableconv-tei.rng",
            locate,
            _BUG_HINT if written else _FILE_HINT,
        )
        diags += _schematron_diagnostics(root, locate)
    for div in _document_divs(root):
        diags += _schema_diagnostics(
            _frus_errors(div),
            "CC312",
            "the FRUS schema",
            locate,
            "the document div is checked inside a FRUS volume, as the Office of the Historian "
            "would publish it",
        )
    return diags


def _document_divs(root: etree._Element) -> list[etree._Element]:
    if root.tag == f"{{{TEI_NS}}}div" and root.get("type") == "document":
        return [root]
    found = root.xpath(
        "//tei:div[@type='document'][not(ancestor::tei:div[@type='document'])]",
        namespaces={"tei": TEI_NS},
    )
    return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []


def _frus_errors(div: etree._Element) -> list[_RawError]:
    """The div, moved into the FRUS shell for the time of the validation and
    put back where it was (its elements stay the same objects, so that their
    spans can be looked up)."""
    shell = _frus_shell()
    with shell.lock:
        parent = div.getparent()
        index = parent.index(div) if parent is not None else 0
        tail = div.tail
        shell.body.append(div)
        div.tail = None
        try:
            errors = _relaxng_errors(frus_relaxng(), shell.root)
        finally:
            shell.body.remove(div)
            div.tail = tail
            if parent is not None:
                parent.insert(index, div)
    return errors


def validate_tei(doc: Document) -> list[Diagnostic]:
    """The TEI the writer makes of ``doc``: ours, Schematron and FRUS, every
    problem mapped back to the transcription."""
    spans: SpanMap = {}
    root = tei_document(doc, spans)
    return validate_tei_tree(root, span_locator(spans, doc.span), written=True)


def validate_tei_file(data: bytes) -> list[Diagnostic]:
    """A TEI file (as cableconv writes them): positions are lines of the file."""
    # collect_ids=False: a duplicate xml:id is for the Schematron rule to report
    parser = xmlsafe.parser(huge_tree=True, collect_ids=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        return [
            Diagnostic(
                "CC313",
                f"not well-formed XML: {exc.msg}",
                hint="a TEI file must be well-formed XML",
                place=Place.at(line, col),
            )
        ]
    if xmlsafe.has_doctype(root):
        return [
            Diagnostic(
                "CC314",
                "the TEI file has a DOCTYPE; cableconv never writes one and does not read it",
                hint="remove the DOCTYPE declaration and any entity definitions",
                place=Place.at(1),
            )
        ]
    return validate_tei_tree(root, line_locator())
