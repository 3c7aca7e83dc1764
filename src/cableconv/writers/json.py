"""JSON writer: the document model as JSON (``schemas/cable.schema.json``)."""

from __future__ import annotations

import json

from cableconv.model import Document, to_json


def to_json_bytes(doc: Document) -> bytes:
    """Deterministic JSON: keys in model order, UTF-8, two-space indent."""
    return (json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
