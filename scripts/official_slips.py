"""Which of the scorer's silent failures are slips of the official encoding?

    .venv/bin/python ../shared/eval/score.py --corpus ../shared/corpus --json build/score.json
    .venv/bin/python scripts/official_slips.py build/score.json [--list]

``silent_wrong`` counts the documents whose record differs from the one
extracted from the official TEI while cableconv warned of nothing. Some of
those differences are the official volume's own slips, where cableconv
encodes what the text prints and the official TEI does not. This script
sorts the silent documents of a scorer report (``score.py --json``) into
three classes checked against the official TEI and the transcription, and
the rest, which are cableconv's:

- **when-slip**: date/@when is the only wrong field, and the official @when
  is a day the dateline does not print (the day sent with the month
  received, ``1870-08-18`` under ``July 18, 1870. (Received August 3,
  1870.)``; the year ``0201``), or the day received where FRUS TEI's @when
  is the day sent; cableconv's is the day sent, as printed (its info CC125
  says so).
- **right-para**: the official prints the paper's dateline as a paragraph
  set right (``<p rend="right"><placeName>…</placeName>, <date
  when=…>``), with no ``dateline`` element; cableconv writes the same text
  as the dateline.
- **pb-in-para**: the only blocks that differ are page markers that the
  official's nested ``<p><quote><p>`` renders inside a paragraph, where
  cableconv writes the same page break between paragraphs.

Needs ``../shared`` (the official TEI) and lxml; a development tool, not a
test. Exit status 0.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH = "|".join(MONTHS)
_MONTH_DAY = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|d|nd|rd|th)?\s+(?:of\s+)?({_MONTH})")


@functools.cache
def _volume(shared: Path, volume: str) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.parse(str(shared / "corpus" / "tei" / f"{volume}.xml"), parser)


def _official(shared: Path, volume: str, doc: str) -> etree._Element:
    found = _elements(_volume(shared, volume).getroot(), f"//t:div[@xml:id='{doc}']")
    assert found, f"{volume}/{doc} not in the official TEI"
    return found[0]


def _days(text: str) -> set[tuple[int, int]]:
    """The (month, day) pairs the text prints."""
    pairs = {(MONTHS.index(m) + 1, int(d)) for m, d in _MONTH_DAY.findall(text)}
    return pairs | {(MONTHS.index(m) + 1, int(d)) for d, m in _DAY_MONTH.findall(text)}


def _elements(node: etree._Element, path: str) -> list[etree._Element]:
    found = node.xpath(path, namespaces=NS)
    return [x for x in found if isinstance(x, etree._Element)] if isinstance(found, list) else []


def _when_slip(div: etree._Element) -> bool:
    dates = _elements(div, ".//t:dateline//t:date[@when]")
    if not dates:
        return False
    when = str(dates[0].get("when"))
    line = _elements(div, ".//t:dateline")[0]
    text = " ".join(" ".join(str(t) for t in line.itertext()).split())
    if when.startswith("0"):
        return True
    day = (int(when[5:7]), int(when[8:10]))
    cut = text.find("Received")
    sent, received = (text, "") if cut < 0 else (text[:cut], text[cut:])
    return day not in _days(text) or (day in _days(received) and day not in _days(sent))


def _right_para(div: etree._Element) -> bool:
    return bool(
        div.xpath("./t:p[@rend='right'][t:date or t:placeName]", namespaces=NS)
        and not div.xpath("./t:opener/t:dateline", namespaces=NS)
    )


def _blocks(shared: Path, div: etree._Element) -> list[tuple[str, str]]:
    if str(shared / "eval") not in sys.path:
        sys.path.insert(0, str(shared / "eval"))
    import frus_record  # type: ignore[import-not-found]  # the scorer's renderer of blocks

    return [(b["role"], b["text"].strip()) for b in frus_record.Renderer(div).render().blocks]


def _pb_in_para(shared: Path, volume: str, doc: str, div: etree._Element, work: Path) -> bool:
    out = work / volume
    source = shared / "corpus" / "docs" / volume / f"{doc}.txt"
    command = ["convert", str(source), "--to", "tei", "-o", str(out), "-q"]
    subprocess.run([sys.executable, "-m", "cableconv", *command], check=True)
    found = _elements(etree.parse(str(out / f"{doc}.xml")).getroot(), "//t:div[@type='document']")
    if not found:
        return False
    a, b = _blocks(shared, div), _blocks(shared, found[0])
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]
    changed = [op for op in ops if op[0] != "equal"]
    return bool(changed) and all(
        tag == "replace"
        and i2 - i1 == j2 - j1
        and all(
            a[i] == ("para", b[j][1]) and b[j][0] == "pb"
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
        )
        for tag, i1, i2, j1, j2 in changed
    )


def classify(report: dict[str, Any], work: Path, shared: Path) -> dict[str, list[str]]:
    """The silent documents of a scorer report, by class."""
    out: dict[str, list[str]] = {}
    for row in report["documents"]:
        if row["exact"] or row["diagnostics"]:
            continue
        volume, doc = row["volume"], row["doc"]
        wrong = set(row["wrong"]) - {"paragraph_count"}
        div = _official(shared, volume, doc)
        kind = "ours"
        if wrong == {"date_when"} and _when_slip(div):
            kind = "when-slip"
        elif _right_para(div):
            kind = "right-para"
        elif wrong <= {"block_roles", "footnote_anchors"} and _pb_in_para(
            shared, volume, doc, div, work
        ):
            kind = "pb-in-para"
        out.setdefault(kind, []).append(f"{volume}/{doc}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="score.py --json output")
    parser.add_argument("--list", action="store_true", help="name cableconv's own silent documents")
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help=f"default: {DEFAULT_SHARED}"
    )
    args = parser.parse_args(argv)
    report = json.loads(args.report.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        classes = classify(report, Path(work), args.shared.resolve())
    total = sum(len(v) for v in classes.values())
    ours = classes.get("ours", [])
    for kind, docs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        shown = " ".join(docs) if kind != "ours" or args.list else ""
        print(f"{kind:11} {len(docs):4}  {shown}")
    n = len(report["documents"])
    print(
        f"silent {total} = {total / n:.3f}; official slips {total - len(ours)}; "
        f"cableconv's own {len(ours)} = {len(ours) / n:.3f} of {n} documents"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
