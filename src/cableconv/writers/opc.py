"""The package around a Word document (Open Packaging Conventions): a zip
of XML parts with content types, relationships and properties, written the
same, byte for byte, on every run.

The zip is laid out exactly as Python's ``zipfile`` writes one, so that parts
which are the same in every document can be deflated once per process and
stored as they are (see :func:`part`).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from cableconv import xmlsafe
from cableconv.source import NOT_XML

CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id Word gives every user-defined custom property.
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
#: The last moment a zip (MS-DOS) time stamp can hold.
ZIP_LAST = (2107, 12, 31, 23, 59, 58)
#: Deflate level of every part (zipfile's default), fixed for the same bytes on every run.
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Part:
    """A part ready for the zip: its name, CRC, size and deflated bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes


def content_types(overrides: dict[str, str]) -> bytes:
    """``[Content_Types].xml``: rels and xml by extension, each part by name."""
    root = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})  # type: ignore[dict-item]
    etree.SubElement(
        root,
        f"{{{CT}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{CT}}}Default", Extension="xml", ContentType="application/xml")
    for name, kind in overrides.items():
        etree.SubElement(root, f"{{{CT}}}Override", PartName=name, ContentType=kind)
    return serialise(root)


def relationships(targets: Iterable[tuple[str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})  # type: ignore[dict-item]
    for k, (kind, target) in enumerate(targets, start=1):
        etree.SubElement(
            root, f"{{{PKG_RELS}}}Relationship", Id=f"rId{k}", Type=kind, Target=target
        )
    return serialise(root)


def app_properties() -> bytes:
    root = etree.Element(f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED, "vt": VT})  # type: ignore[dict-item]
    etree.SubElement(root, f"{{{EXTENDED}}}Application").text = "cableconv"
    etree.SubElement(root, f"{{{EXTENDED}}}DocSecurity").text = "0"
    return serialise(root)


def xml_text(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class CoreProperties:
    """The Dublin Core properties of a package (``docProps/core.xml``)."""

    title: str
    subject: str
    creator: str = ""
    keywords: str = ""
    description: str = ""
    language: str = ""
    identifier: str = ""
    #: ISO date (``1944-12-15``) of the document, when there is no epoch
    date: str | None = None


def core_properties(props: CoreProperties, epoch: int | None) -> bytes:
    """``docProps/core.xml``. ``created`` and ``modified`` are the epoch
    (``SOURCE_DATE_EPOCH``) when given, else the document's own date, else
    absent; empty properties are left out."""
    root = etree.Element(
        f"{{{CP}}}coreProperties",
        nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "xsi": XSI},
    )
    for ns, name, value in (
        (DC, "title", props.title),
        (DC, "subject", props.subject),
        (DC, "creator", props.creator),
        (CP, "keywords", props.keywords),
        (DC, "description", props.description),
        (DC, "language", props.language),
        (DC, "identifier", props.identifier),
    ):
        if value:
            etree.SubElement(root, f"{{{ns}}}{name}").text = xml_text(value)
    if epoch is not None:
        stamp: str | None = datetime_of(epoch).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        stamp = f"{props.date}T00:00:00Z" if props.date else None
    if stamp is not None:
        for name in ("created", "modified"):
            el = etree.SubElement(
                root, f"{{{DCTERMS}}}{name}", {f"{{{XSI}}}type": "dcterms:W3CDTF"}
            )
            el.text = stamp
    return serialise(root)


def custom_properties(properties: Iterable[tuple[str, str]]) -> bytes:
    """``docProps/custom.xml``: named text properties."""
    root = etree.Element(f"{{{CUSTOM}}}Properties", nsmap={None: CUSTOM, "vt": VT})  # type: ignore[dict-item]
    for pid, (name, value) in enumerate(properties, start=2):
        prop = etree.SubElement(
            root, f"{{{CUSTOM}}}property", fmtid=CUSTOM_FMTID, pid=str(pid), name=name
        )
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = xml_text(value)
    return serialise(root)


def datetime_of(epoch: int) -> datetime:
    """The epoch as a UTC time, held within what a ``datetime`` can be."""
    return datetime.fromtimestamp(min(epoch, 253402300799), UTC)


def zip_time(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    if epoch is None:
        return ZIP_EPOCH
    s = datetime_of(epoch)
    return min(max(ZIP_EPOCH, (s.year, s.month, s.day, s.hour, s.minute, s.second)), ZIP_LAST)


def repack(data: bytes, epoch: int | None = None) -> bytes:
    """A zip package again, parts in the same order, with fixed dates and
    attributes (how ``scripts/make_reference_docx.py`` fixes the reference)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [part(name, z.read(name)) for name in z.namelist()]
    return zip_parts(parts, zip_time(epoch))


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, xmlsafe.parser())


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def part(name: str, data: bytes) -> Part:
    packer = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    return Part(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


#: What ``zipfile`` records for a file (rw-------, as Unix permission bits).
FILE_MODE = 0o600 << 16
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


def zip_parts(parts: list[Part], when: tuple[int, int, int, int, int, int]) -> bytes:
    """A zip archive of deflated parts, laid out byte for byte as Python's
    ``zipfile`` writes one (version 2.0, MS-DOS attributes, no extra
    fields), so parts deflated once per process can be stored as they are."""
    date = (when[0] - 1980) << 9 | when[1] << 5 | when[2]
    time = when[3] << 11 | when[4] << 5 | when[5] // 2
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for p in parts:
        name = p.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        fixed = (flags, zipfile.ZIP_DEFLATED, time, date, p.crc, len(p.deflated), p.size)
        local = _LOCAL.pack(b"PK\x03\x04", 20, 0, *fixed, len(name), 0)
        central.append(
            _CENTRAL.pack(
                b"PK\x01\x02", 20, 0, 20, 0, *fixed, len(name), 0, 0, 0, 0, FILE_MODE, offset
            )
            + name
        )
        out += (local, name, p.deflated)
        offset += len(local) + len(name) + len(p.deflated)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), offset, 0)
    return b"".join(out) + directory + end
