"""JSON writer: the document model as JSON (``schemas/cable.schema.json``).

One block or footnote a line: readable in a diff, and written by the C JSON
encoder (``indent=`` would switch to the pure-Python one, 4x slower, which is
a third of a TEI+JSON batch).
"""

from __future__ import annotations

import json
from typing import Any

from cableconv.model import Document, to_json


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _items(values: list[Any]) -> str:
    if not values:
        return "[]"
    return "[\n    " + ",\n    ".join(_dump(v) for v in values) + "\n  ]"


def to_json_bytes(doc: Document) -> bytes:
    """Deterministic JSON: keys in model order, UTF-8, one node a line."""
    data = to_json(doc)
    lines = []
    for key, value in data.items():
        text = _items(value) if key in ("blocks", "footnotes") else _dump(value)
        lines.append(f"  {_dump(key)}: {text}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")
