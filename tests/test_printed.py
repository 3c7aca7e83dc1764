"""The document as print sets it (writers/printed.py): signatures set alike,
a sub-enclosure's label a heading one level below its enclosure's
(frus1894Nicaragua/d83: copies A to F inside its second inclosure, thirteen
signers of a memorial)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from cableconv.model import (
    Attachment,
    Closer,
    Document,
    Heading,
    LineBreak,
    ListBlock,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    plain,
)
from cableconv.pipeline import convert_source
from cableconv.source import Source
from cableconv.writers.docx import write_docx
from cableconv.writers.markdown import write_markdown
from cableconv.writers.pdf import typst_source, write_pdf
from cableconv.writers.printed import printed

from .readback import missing_words, model_words, pdf_outline, read_pdf
from .test_pandoc_ast import S, doc_of, t


def signer(name: str) -> Closer:
    return Closer((t(name), LineBreak(S), t(",")), S)


#: frus1894Nicaragua/d83, the second inclosure: copy B's signers, the parser
#: reading two of the thirteen as lists, and copy C's label.
D83_INCLOSURE = """No. 83.
Mr. Herbert to Mr. Gresham.

Sir: I have the honor to inclose herewith copies of four communications.

H. A. Herbert.

[Inclosure 2 in No. 83.]

Commander O’Neil to Mr. Herbert.

Sir: I have the honor to report the following occurrences.

Very respectfully, etc.

Charles O’Neil,
Commander. U. S. N.

A.
Mr. Seat to Commander O’Neil.

Sir: The accompanying memorial from citizens of Bluefields was presented.

B. B. Seat,
United States Consular Agent.

B.
American citizens to Mr. Seat.

Sir: We, the undersigned, hereby request protection.

Very respectfully,

S. Goodsell
,

Geo. B. Beckler
,

James Brown
,

Y. T. Bryand
,

E. D. Hatch,
Acting British Vice-Consul.

C.
Commander O’Neil to Mr. Seat.

Sir: Your communication of the 5th instant received at 12.30 a.m. today.

Very respectfully,

Charles O’Neil,
Commander, U.S.N.
"""


def d83() -> Document:
    return convert_source(Source.from_text(D83_INCLOSURE, "d83.txt"), stem="d83").document


# ---- signatures -------------------------------------------------------------


def test_a_short_list_between_signatures_is_set_as_a_signature() -> None:
    listed = ListBlock(((t("Geo. B. Beckler"),), (t(","),)), S)
    doc = printed(doc_of(signer("S. Goodsell"), listed, signer("Y. T. Bryand")))
    assert [type(b) for b in doc.blocks] == [Closer, Closer, Closer]
    assert plain(doc.blocks[1].content) == "Geo. B. Beckler\n,"  # type: ignore[union-attr]


def test_a_list_of_signers_is_a_signature_and_keeps_its_page_turn() -> None:
    signers = ListBlock(
        ((t("Bancroft Davis."),), PageBreakBlock("12", S), (t("Tenterden."),)), S, None, "signers"
    )
    (closer,) = printed(doc_of(signers)).blocks
    assert isinstance(closer, Closer)
    assert plain(closer.content, markers=True).split("\n") == [
        "Bancroft Davis.",
        "[Page 12]",
        "Tenterden.",
    ]


def test_a_list_that_is_not_among_signatures_stays_a_list() -> None:
    items = ListBlock(((t("D. H. Thomas,"),), (t("Secretary."),)), S)
    after_text = doc_of(Paragraph((t("Be it enacted:"),), S), items, signer("Geo. P. Hall"))
    assert printed(after_text) == after_text
    long_item = ListBlock(((t("1. That all land rents " * 5),),), S)
    between = doc_of(signer("A. B."), long_item, signer("C. D."))
    assert printed(between) == between


def test_every_signer_of_d83_is_set_right_in_the_pdf() -> None:
    source, _ = typst_source(d83())
    typst = source.decode("utf-8")
    for name in ("S. Goodsell", "Geo. B. Beckler", "James Brown", "Y. T. Bryand", "E. D. Hatch"):
        at = typst.index(name)
        opened = typst.rfind("#cc-signature[", 0, at)
        assert opened > typst.rfind("#cc-list[", 0, at), name
        assert "\n]" not in typst[opened:at], name  # still inside the signature


def test_every_signer_of_d83_has_the_signature_style_in_the_docx() -> None:
    with zipfile.ZipFile(io.BytesIO(write_docx(d83()).data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    style_of = {
        "".join(p.itertext()): p.find(f"{w}pPr/{w}pStyle").get(f"{w}val")
        for p in root.iter(f"{w}p")
        if p.find(f"{w}pPr/{w}pStyle") is not None
    }
    for name in ("S. Goodsell,", "Geo. B. Beckler,", "James Brown,", "Y. T. Bryand,"):
        assert style_of[name] == "Signature", name


# ---- sub-enclosures -----------------------------------------------------------


def labelled(label: str, line: str) -> ListBlock:
    return ListBlock(((t(line),),), S, (t(label),))


def test_a_sub_enclosure_label_heads_an_attachment_up_to_the_next() -> None:
    enclosure = Attachment(
        (
            SourceNote((t("[Inclosure 2 in No. 83.]"),), S),
            Heading((t("Commander O’Neil to Mr. Herbert."),), S),
            labelled("A.", "Mr. Seat to Commander O’Neil."),
            Paragraph((t("Sir: The memorial."),), S),
            labelled("B.", "American citizens to Mr. Seat."),
            Paragraph((t("Sir: We request."),), S),
        ),
        S,
    )
    (outer,) = printed(doc_of(enclosure)).blocks
    assert isinstance(outer, Attachment)
    a, b = outer.blocks[2:]
    assert isinstance(a, Attachment) and isinstance(b, Attachment)
    assert [type(x) for x in a.blocks] == [Heading, Paragraph]
    assert plain(a.blocks[0].content) == "A.\nMr. Seat to Commander O’Neil."  # type: ignore[union-attr]
    assert plain(b.blocks[1].content) == "Sir: We request."  # type: ignore[union-attr]


def test_a_list_under_a_letter_with_more_items_stays_a_list() -> None:
    """frus1902app1/d5: ``J.`` over ``and`` and ``W. R. Wing.`` (a signature's
    initial); a head in capitals over several items is a list's head."""
    two = ListBlock(((t("and"),), (t("W. R. Wing."),)), S, (t("J."),))
    participants = ListBlock(((t("The Secretary"),),), S, (t("PARTICIPANTS"),))
    doc = doc_of(two, participants)
    assert printed(doc) == doc


def test_sub_enclosures_are_one_level_below_their_enclosure_in_the_outline() -> None:
    assert pdf_outline(write_pdf(d83()).data) == [
        (0, "No. 83. Mr. Herbert to Mr. Gresham."),
        (1, "Commander O’Neil to Mr. Herbert."),
        (2, "A. Mr. Seat to Commander O’Neil."),
        (2, "B. American citizens to Mr. Seat."),
        (2, "C. Commander O’Neil to Mr. Seat."),
    ]


def test_sub_enclosure_labels_are_headings_in_markdown_and_docx() -> None:
    body = write_markdown(d83()).data.decode("utf-8")
    assert "\n### A. Mr. Seat to Commander O’Neil.\n" in body
    assert "\n## Commander O’Neil to Mr. Herbert.\n" in body
    with zipfile.ZipFile(io.BytesIO(write_docx(d83()).data)) as z:
        document = z.read("word/document.xml").decode("utf-8")
    assert document.count('<w:pStyle w:val="Heading3"/>') == 3
    assert document.count('<w:pStyle w:val="Heading2"/>') == 1


def test_no_word_of_d83_is_lost_in_print() -> None:
    doc = d83()
    assert not missing_words(model_words(doc), read_pdf(write_pdf(doc).data).text)
