"""Reading XML safely: no entity expansion, no DTD, no network, no file.

lxml's ``resolve_entities=False`` and ``no_network=True`` are not enough:
libxml2 still opens a file named by a DOCTYPE's external subset or by a
parameter entity. A resolver that answers every external load with nothing
stops that, so what cableconv says about an XML file never depends on other
files of the machine.
"""

from __future__ import annotations

from typing import Any

from lxml import etree


class _NoExternal(etree.Resolver):
    """Answers every request for an external resource with an empty document."""

    # lxml-stubs lag lxml: resolve() gets the parser context, resolve_string()
    # takes it as its second argument
    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        return self.resolve_string("", context)  # type: ignore[call-arg]


def parser(*, huge_tree: bool = False, collect_ids: bool = True) -> etree.XMLParser:
    """A parser for XML cableconv did not write itself (or shipped schemas).

    ``huge_tree`` lifts libxml2's limits on depth and text size, for large
    documents of our own making; entity amplification stays capped either way.
    """
    xml_parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge_tree,
        collect_ids=collect_ids,
    )
    xml_parser.resolvers.add(_NoExternal())
    return xml_parser


def has_doctype(root: etree._Element) -> bool:
    """Does the document carry a DOCTYPE (cableconv never writes one)?"""
    info: Any = root.getroottree().docinfo  # lxml-stubs lack doctype and system_url
    return bool(info.doctype or info.system_url or info.public_id)
