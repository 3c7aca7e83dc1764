"""cableconv: typed transcriptions of diplomatic documents -> validated editions."""

__version__ = "0.1.0"
