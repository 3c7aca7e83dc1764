"""What several writers share: reproducible-build dates."""

from __future__ import annotations

import os


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds) as seconds, if set and valid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None
