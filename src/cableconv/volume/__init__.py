"""Whole volumes: ``cableconv volume VOLUME.toml``.

A volume is a list of chapters, each a list of transcriptions, described by a
``VOLUME.toml`` (:mod:`cableconv.volume.spec`). The documents go through the
batch layer like any ``convert`` (in parallel, incrementally) into the model,
cached as JSON (:mod:`cableconv.volume.build`); the volume writers then number
them in volume order (:mod:`cableconv.volume.assemble`) and write one file per
format, reusing the single-document writers for each document's content.
"""
