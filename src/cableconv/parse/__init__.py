"""Structure recovery: plain text -> document model (see :mod:`.structure`)."""

from cableconv.parse.structure import ParseResult, doc_id_for, parse_text

__all__ = ["ParseResult", "doc_id_for", "parse_text"]
