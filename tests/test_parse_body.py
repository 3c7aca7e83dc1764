"""The end of a letter: complimentary close, signature, more signers, the
addressee printed after the signature and postscripts, as the despatches of
the 1860s to the 1900s print them (the corpus cases are goldens in
tests/data/frus)."""

from __future__ import annotations

from cableconv.model import (
    Attachment,
    Block,
    Closer,
    Dateline,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    SourceNote,
    plain,
)
from cableconv.parse.blocks import split_blocks
from cableconv.parse.closers import is_addressee, is_cosigner, is_postscript, is_signer_list
from cableconv.parse.roles import (
    is_complimentary_close,
    is_paper_title,
    is_place_line,
    is_signature,
)
from cableconv.pipeline import convert_source
from cableconv.source import Source
from cableconv.writers.meta import metadata

HEAD = (
    "Mr. Dayton to Mr. Seward.\n\nParis, January 4, 1864.\n\nSir: I have the honor to report.\n\n"
)


def parse(text: str) -> Document:
    return convert_source(Source.from_text(text, "t.txt"), stem="t1").document


def tail(blocks: tuple[Block, ...], n: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for block in blocks[-n:]:
        content = getattr(block, "content", None)
        out.append((type(block).__name__, plain(content) if content is not None else ""))
    return out


def one(text: str) -> object:
    (block,) = split_blocks(text)
    return block


def test_the_addressee_after_the_signature_is_a_paragraph() -> None:
    doc = parse(
        f"{HEAD}I am, sir, your obedient servant,\n\nWM. L. DAYTON.\n\n"
        "Hon. William H. Seward, Secretary of State, &c., &c., &c.\n"
    )
    assert tail(doc.blocks, 3) == [
        ("Paragraph", "I am, sir, your obedient servant,"),
        ("Closer", "WM. L. DAYTON."),
        ("Paragraph", "Hon. William H. Seward, Secretary of State, &c., &c., &c."),
    ]


def test_a_signature_with_its_office_before_the_addressee_is_read_without_a_close() -> None:
    doc = parse(
        f"{HEAD}VENDROUX, Consular Agent of the United States.\n\n"
        "Monsieur Dayton, Minister of the United States, Paris.\n"
    )
    assert [type(b).__name__ for b in doc.blocks[-2:]] == ["Closer", "Paragraph"]


def test_several_addressees_and_a_page_turn_stay_in_the_postscript() -> None:
    doc = parse(
        f"{HEAD}I have the honor to be, very truly, yours,\n\n"
        "JOHN A. ANDREW, Governor of Massachusetts.\n\nJohn M. Forbes, Esq.\n\n[Page 12]\n\n"
        "Brig. Gen. John H. Reed, Quartermaster General.\n"
    )
    kinds = [type(b).__name__ for b in doc.blocks[-4:]]
    assert kinds == ["Closer", "Paragraph", "PageBreakBlock", "Paragraph"]


def test_cosigners_in_capitals_each_sign_and_the_postscript_follows() -> None:
    doc = parse(
        f"{HEAD}Set forth with respect and consideration.\n\n"
        "IKEDA TSIKOEGO NO-KAMI.\n\nKAWADZO TDZOE-NO-KAMI.\n\nKAWADA SAGAMI-NO-KAMI.\n\n"
        "P. S.—It is requested that the sealed letter herewith be sent.\n"
    )
    kinds = [type(b).__name__ for b in doc.blocks[-4:]]
    assert kinds == ["Closer", "Closer", "Closer", "Paragraph"]


def test_a_name_not_in_capitals_after_a_signature_in_capitals_is_the_addressee() -> None:
    doc = parse(
        f"{HEAD}I am, &c.,\n\nANSON BURLINGAME.\n\nCharles Nelson, Late Master of the Lucky Star.\n"
    )
    assert [type(b).__name__ for b in doc.blocks[-2:]] == ["Closer", "Paragraph"]


def test_the_last_signature_of_an_enclosure_is_read_before_its_addressee() -> None:
    doc = parse(
        f"{HEAD}I have, &c.,\n\nWM. L. DAYTON.\n\n[Inclosure.]\n\n"
        "M. Drouyn de l’Huys to Mr. Dayton.\n\nParis, January 2, 1864.\n\n"
        "Sir: I have received your note.\n\nAccept, &c.,\n\nDROUYN DE L’HUYS.\n\n"
        "Mr. Dayton, Minister of the United States.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b) for b in attachment.blocks[-3:]] == [Paragraph, Closer, Paragraph]


def test_a_short_last_line_of_prose_is_still_text() -> None:
    doc = parse(f"{HEAD}The consul will report on it when he can.\n")
    assert not any(isinstance(b, Closer) for b in doc.blocks)


def test_what_an_addressee_is() -> None:
    assert is_addressee(one("Hon. William H. Seward, Secretary of State."))
    assert is_addressee(one("His Excellency M. Drouyn de l’Huys, Minister of Foreign Affairs."))
    assert is_addressee(one("William L. Dayton, &c., &c., &c."))
    assert is_addressee(one("Anson Burlingame, Esq."))
    assert is_addressee(one("Hon. Hamilton Fish,\nSecretary of State."))
    assert not is_addressee(one("WM. L. DAYTON."))
    assert not is_addressee(one("Colonel JOSÉ MONTESENOF."))
    assert not is_addressee(one("The 4th day of the 4th month of the 4th year of Bunn-Cue."))
    assert not is_addressee(
        one("To this the minister made no reply whatever, as he could not say.")
    )


def test_what_a_cosigner_and_a_postscript_are() -> None:
    assert is_cosigner(one("KAWADZO TDZOE-NO-KAMI."))
    assert is_cosigner(one("H. Guzman."))
    assert not is_cosigner(one("Repeated to Central American Missions."))
    assert not is_cosigner(one("Hon. William H. Seward."))
    assert is_postscript(one("P. S.—I have received this morning a despatch."))
    assert is_postscript(one("N. B.—In 1861 I called your attention to it."))
    assert not is_postscript(one("Paris, January 4, 1864."))


def test_signatures_with_long_offices_and_closes_on_abbreviations() -> None:
    assert is_signature(one("C. R. P. RODGERS, Commander United States Navy."))
    assert is_signature(one("H. M. DAY, Colonel, Commanding U. S. Forces, Brazos Santiago."))
    assert not is_signature(one("Paris, where we arrived yesterday, was quiet and full of troops."))
    assert not is_signature(one(". . . . . . ."))
    assert not is_signature(one("Accept, &c.,"))
    assert is_complimentary_close(one("Reiterating, &c.,"))
    long_close = (
        "Always at your orders, be pleased to accept, Monsieur le Ministre, the assurance "
        "of the consideration of your obedient servant,"
    )
    assert is_complimentary_close(one(long_close))


# ---- warnings where the end of a letter is guessed ---------------------------


def codes(text: str) -> list[str]:
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    return [d.code for d in converted.diagnostics]


def test_a_signature_in_capitals_kept_as_text_is_warned_about() -> None:
    text = (
        f"{HEAD}WM. L. DAYTON.\n\n"
        "The consul will report on it when he can.\n\nHe has not yet done so.\n"
    )
    doc = parse(text)
    assert not any(isinstance(b, Closer) for b in doc.blocks)
    assert codes(text).count("CC135") == 1


def test_a_signature_with_text_going_on_after_it_is_warned_about() -> None:
    text = (
        f"{HEAD}I have, &c.,\n\nWM. L. DAYTON.\n\nThe consul will report.\n\n"
        "He has not yet done so.\n\nNor has the admiral.\n\nH. Guzman.\n\nNothing more came.\n"
    )
    assert "CC136" in codes(text)


def test_a_letter_that_ends_as_printed_has_no_warning() -> None:
    text = (
        f"{HEAD}I am, sir, your obedient servant,\n\nWM. L. DAYTON.\n\n"
        "Hon. William H. Seward, Secretary of State.\n\nP. S.—The steamer has sailed.\n"
    )
    assert codes(text) == []


def test_signers_one_a_line_in_capitals_are_a_list_of_signers() -> None:
    doc = parse(
        f"{HEAD}The tribunal then adjourned.\n\n"
        "FREDERICK SCLOPIS.\nJ. C. BANCROFT DAVIS.\nTENTERDEN\nALEX. FAVROT, Secretary.\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, ListBlock) and last.role == "signers"
    assert [plain(item) for item in last.items if isinstance(item, tuple)][-1] == (
        "ALEX. FAVROT, Secretary."
    )


def test_a_signer_and_the_office_under_the_name_are_one_signature() -> None:
    doc = parse(f"{HEAD}I have, &c.,\n\nW. C. DAVIS,\nChairman.\n")
    assert isinstance(doc.blocks[-1], Closer)
    assert not is_signer_list(one("W. C. DAVIS,\nChairman."))


def test_a_closer_nobody_signs_has_no_signature() -> None:
    # frus1897 d415, d417: a Persian minister's seal in place of his name,
    # once printed without its closing parenthesis
    for closer in (
        "Am[erican] Mission",
        "[File copy not signed]",
        "(Seal of the Mushir-ed-Dowlah.)",
        "(Seal of the Mushir-ed-Dowlah.",
    ):
        doc = parse(f"{HEAD}Please inform me.\n\n{closer}\n")
        last = doc.blocks[-1]
        assert isinstance(last, Closer) and last.parts == ()
    doc = parse(f"{HEAD}Please inform me.\n\nLansing\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and last.parts is None


def test_the_line_saying_for_whom_it_is_signed_is_part_of_the_closer() -> None:
    doc = parse(f"{HEAD}Very truly yours,\n\nFor the Secretary of State:\n\nWilbur J. Carr\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    assert plain(last.content) == "For the Secretary of State:\n\nWilbur J. Carr"
    (part,) = last.signature_parts()
    assert plain(last.content[part[1] : part[2]]) == "Wilbur J. Carr"
    assert tail(doc.blocks, 2)[0] == ("Paragraph", "Very truly yours,")


def test_the_office_under_the_signers_name_is_part_of_the_closer() -> None:
    doc = parse(
        f"{HEAD}I have [etc.]\n\nFor the Ambassador:\n\n"
        "Sheldon Whitehouse\n\nCounselor of Embassy\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    (part,) = last.signature_parts()
    assert part[0] == "signed"
    assert plain(last.content[part[1] : part[2]]) == "Sheldon Whitehouse"
    assert plain(last.content).endswith("\n\nCounselor of Embassy")
    doc = parse(f"{HEAD}I have [etc.]\n\nW. S. Benson\n\nAdmiral, U. S. Navy\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and plain(last.content) == "W. S. Benson\n\nAdmiral, U. S. Navy"


def test_the_office_over_the_signers_name_is_part_of_the_closer() -> None:
    # frus1918Russiav03 d49: a decree of the Central Executive Committee
    doc = parse(
        f"{HEAD}These commissions have the right to annul savings.\n\n"
        "President of the Central Executive Committee\n\nI. Sverdlov\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    assert plain(last.content) == "President of the Central Executive Committee\n\nI. Sverdlov"
    assert signed_text(last) == "I. Sverdlov"
    # a line naming someone in an office is no office over a name
    doc = parse(f"{HEAD}For the Governor José Ma Tuz.\n\nSALVADOR PERERA.\n")
    assert tail(doc.blocks, 2)[0] == ("Paragraph", "For the Governor José Ma Tuz.")


def test_the_body_signed_for_over_the_name_is_part_of_the_closer() -> None:
    # frus1919Parisv11 d308: the correspondents' committee, then the next
    # letter of the papers with its heading and dateline
    doc = parse(
        f"{HEAD}All of these correspondents will be grateful.\n\nVery truly yours,\n\n"
        "Executive Committee,\nAmerican Correspondents in Paris,\n\nLaurence Hills\n, Chairman.\n\n"
        "President Wilson to the Chairman of the Senate Committee (Lodge)\n\n"
        "Washington, 8 August, 1919.\n\nMy dear Senator: I enclose the papers.\n\nWoodrow Wilson\n"
    )
    (closer,) = [b for b in doc.blocks if isinstance(b, Closer)]
    assert plain(closer.content) == (
        "Executive Committee,\nAmerican Correspondents in Paris,\n\nLaurence Hills\n, Chairman."
    )
    assert signed_text(closer) == "Laurence Hills"
    # names left open on commas after the text are signers of a list, no lead
    doc = parse(f"{HEAD}The officers present.\n\nColonel José Montesenof,\n\nCommandant Cortez.\n")
    assert not any(
        isinstance(b, Closer) and "Montesenof" in plain(b.content) and "Cortez" in plain(b.content)
        for b in doc.blocks
    )


def test_signers_in_the_editors_brackets_each_over_an_office_are_a_list_of_signers() -> None:
    # frus1917Supp02v02 d17, d18: the four members of a joint subcommittee
    signers = (
        "[W. J. Carr]\nDirector of the Consular Service\n[L. H. Woolsey]\n"
        "Solicitor [Nominate] of the Department of State\n[E. E. Pratt]\n"
        "Chief of the Bureau of Foreign and Domestic Commerce\n[Eustace Percy]\n"
        "On behalf of the British members"
    )
    doc = parse(f"{HEAD}We also venture to suggest it.\n\n{signers}\n\nWashington, May 14, 1917.\n")
    (signed,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert signed.role == "signers"
    assert [plain(item) for item in signed.items][1] == (
        "[L. H. Woolsey]\nSolicitor [Nominate] of the Department of State"
    )


def test_for_whom_and_when_it_was_sent_under_the_name_are_lines_of_the_closer() -> None:
    # frus1897 d249, d326; a note of the copyist under the name is a paragraph
    for under in ("(For the Marquis of Salisbury).", "(Sent Friday afternoon, about 2.30 p.m.)"):
        doc = parse(f"{HEAD}I have, etc.,\n\nF. H. Villiers.\n\n{under}\n")
        last = doc.blocks[-1]
        assert isinstance(last, Closer) and plain(last.content).endswith(under)
        assert signed_text(last) == "F. H. Villiers."
    doc = parse(f"{HEAD}I have, etc.,\n\nJOHN GANNON.\n\n(Forwarded by Consul Barrows.)\n")
    assert tail(doc.blocks, 1) == [("Paragraph", "(Forwarded by Consul Barrows.)")]


def test_an_office_line_needs_the_end_of_the_part_and_a_name_not_in_capitals() -> None:
    # under a name in capitals (the vendor volumes), an office is not the signer's
    doc = parse(f"{HEAD}I am, &c.,\n\nJOHN A. ANDREW.\n\nSecretary of State\n")
    assert tail(doc.blocks, 2) == [
        ("Closer", "JOHN A. ANDREW."),
        ("Paragraph", "Secretary of State"),
    ]
    # text going on after the office: no closer is made of the run
    doc = parse(
        f"{HEAD}For the Ambassador:\n\nSheldon Whitehouse\n\nCounselor of Embassy\n\n"
        "The Department was informed of this by a telegram of the same day.\n"
    )
    assert not any(isinstance(b, Closer) and "Counselor" in plain(b.content) for b in doc.blocks)


def test_what_a_closer_lead_and_an_office_are() -> None:
    from cableconv.parse.closers import is_closer_lead, is_signer_office

    assert is_closer_lead(one("For the Acting Secretary of State:"))
    assert is_closer_lead(one("(In the absence of the Secretary of State)"))
    assert not is_closer_lead(one("For this reason, the Department has decided:"))
    assert is_signer_office(one("His Britannic Majesty’s Political Resident in the Persian Gulf."))
    assert not is_signer_office(one("Col. Chas. H. Dalton, Asst. Quartermaster General."))
    assert not is_signer_office(one("Colonel LEWIS LEGONETA."))


def signed_text(closer: Block) -> str:
    assert isinstance(closer, Closer)
    ((_, start, end),) = closer.signature_parts()
    return plain(closer.content[start:end])


def test_the_initials_under_initialed_join_the_signature_above() -> None:
    # frus1902app1 d4: the copy's initials are signed in the same closer
    doc = parse(
        f"{HEAD}I certify the copy.\n\nM. Webber, Deputy Collector.\n\n(Initialed)\nA. W. B.\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    signed = [plain(last.content[a:b]) for _, a, b in last.signature_parts()]
    assert signed == ["M. Webber, Deputy Collector.", "A. W. B."]
    assert "(Initialed)" in plain(last.content)


def test_a_joining_line_ends_the_list_item_before_it() -> None:
    # frus1925v02 d24: "and" between the parties of a treaty
    parties = (
        "The President of the United States of America:\n"
        "Lewis Einstein, Envoy extraordinary,\nand\n"
        "The President of the Czechoslovak Republic:\nDr. Eduard Beneš, Minister,"
    )
    doc = parse(
        f"{HEAD}have appointed the following Plenipotentiaries:\n\n{parties}\n\nwho agreed."
    )
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    texts = [plain(item) for item in items.items if isinstance(item, tuple)]
    assert len(texts) == 4
    assert texts[1] == "Lewis Einstein, Envoy extraordinary,\nand"


def test_a_short_labelled_line_left_open_goes_on_over_the_next() -> None:
    # frus1919Parisv11 d237: the item's second line is the official's <lb/>
    items = (
        "1. Alsace Lorraine\nincluding Saar Coalfields.\n2. Left Bank of Rhine\n"
        "including prohibition of fortifications.\n3. Memel.\n4. Poland."
    )
    doc = parse(f"{HEAD}A. Cession of Territory:\n\n{items}\n\nThe rest follows.")
    (found,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    texts = [plain(item) for item in found.items if isinstance(item, tuple)]
    assert texts == [
        "1. Alsace Lorraine\nincluding Saar Coalfields.",
        "2. Left Bank of Rhine\nincluding prohibition of fortifications.",
        "3. Memel.",
        "4. Poland.",
    ]


def test_names_and_offices_alternating_one_a_block_are_one_closer() -> None:
    # frus1925v02 d429 (names over offices), frus1901 d506 (offices over
    # names), frus1918Russiav03 d478 (an office between two names), frus1901
    # d443 (for whom and in what office, closed by colons)
    for signers, names in (
        (
            "George Curry\n\nAmerican Commissioner\n\nJ. Harrie Cloonan\n\nAmerican Secretary",
            ["George Curry", "J. Harrie Cloonan"],
        ),
        (
            "President of the Senate,\n\nJ. P. Rojas Paul\n\nPresident of the House,\n\nA. Cova.",
            ["J. P. Rojas Paul", "A. Cova."],
        ),
        (
            "In the name of the Swiss Federal Council:\nThe President of the Confederation:"
            "\n\nSchenk.\n\nThe Chancellor of the Confederation:\n\nSchiess.",
            ["Schenk.", "Schiess."],
        ),
        (  # frus1918Russiav03 d478: two signers, the office of one between them
            "L. L. Richards\n\nBureau of Transportation\n\nJ. A. Robinson",
            ["L. L. Richards", "J. A. Robinson"],
        ),
    ):
        doc = parse(f"{HEAD}Meeting then adjourned.\n\n{signers}\n")
        last = doc.blocks[-1]
        assert isinstance(last, Closer), signers
        assert [plain(last.content[a:b]) for _, a, b in last.signature_parts()] == names
        assert not [b for b in doc.blocks if isinstance(b, Closer) and b is not last]


def test_the_stop_printed_after_the_name_is_not_signed() -> None:
    doc = parse(f"{HEAD}I have, etc.,\n\nCharlemagne Tower\n.\n")
    assert signed_text(doc.blocks[-1]) == "Charlemagne Tower"
    doc = parse(f"{HEAD}Please inform me.\n\n[\nS. De la Rue\n]\nGeneral Receiver\n")
    assert signed_text(doc.blocks[-1]) == "S. De la Rue"
    doc = parse(f"{HEAD}Please inform me.\n\nLansing\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and last.parts is None


def test_names_one_a_line_not_in_capitals_are_a_list_of_signers() -> None:
    doc = parse(f"{HEAD}Answer should be received by Francis.\n\nRoot\nFrancis\n")
    last = doc.blocks[-1]
    assert isinstance(last, ListBlock) and last.role == "signers"
    for one_signer in (
        "Alvey A. Adee,\nActing Secretary",
        "Ira E. Robinson,\nProsecuting Attorney.",
    ):
        doc = parse(f"{HEAD}Accept, etc.,\n\n{one_signer}\n")
        assert isinstance(doc.blocks[-1], Closer)
    doc = parse(f"{HEAD}Those present were:\n\nMr. Baruch\nMr. McCormick\n")
    assert not isinstance(doc.blocks[-1], ListBlock) or doc.blocks[-1].role is None


def test_a_doctor_signs_among_the_others() -> None:
    """``Dr.`` is a title signers bear (frus1919Parisv11 d279, frus1925v02
    d140); ``Mr.`` before each name lists those present."""
    doc = parse(
        f"{HEAD}We beg that you will carry home our grateful acknowledgements.\n\n"
        "E. K. Veniselos\nNik P. Pashitch\nDr. Edouard Benes\nBoghos Nubar\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, ListBlock) and last.role == "signers"
    assert len(last.items) == 4


# ---- enclosure notes ------------------------------------------------------------

ENCLOSURE = (
    "Mr. Lowell to Mr. Barrows.\n\nLegation of the United States,\nLondon, April 26, 1882.\n\n"
    "Sir: I have received your letter.\n\nI am, etc.,\n\nJ. R. LOWELL.\n"
)


def test_enclosure_notes_as_the_ocr_printed_them_start_enclosures() -> None:
    # frus1882 d134, d45, d305, d114: "l" for "I", a letter dropped, appendices
    for note in (
        "[lnclosure 12 in No. 349.]",
        "[IncIoure 2 in No. 10.]",
        "[Appendix 1 to inclosure.]",
        "[Appendix 3 to Mr. McCorry’s letter.]",
    ):
        doc = parse(f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n{note}\n\n{ENCLOSURE}")
        assert isinstance(doc.blocks[-1], Attachment), note


def test_an_appendix_note_that_says_what_it_is_after_a_dash_starts_an_enclosure() -> None:
    # frus1917Supp02v02 d23: "[Appendix—Draft memorandum]" in a memorandum's
    # body, over the draft's own date line
    text = (
        "Memorandum by the Law Adviser (Woolsey)\n\nMay 25, 1917.\n\n"
        "Mr. Woolsey read the following to Lord Percy:\n\n"
        "[Appendix—Draft memorandum]\n\nMay 24, 1917.\n\n"
        "The British Government has made two proposals.\n"
    )
    attachment = parse(text).blocks[-1]
    assert isinstance(attachment, Attachment)
    assert isinstance(attachment.blocks[0], SourceNote)
    assert plain(attachment.blocks[0].content) == "[Appendix—Draft memorandum]"
    assert isinstance(attachment.blocks[1], Dateline)


def test_a_court_caption_under_an_enclosure_note_is_its_first_paragraph() -> None:
    # frus1902app1 d16: the libel's caption is text, not the enclosure's heading
    caption = "The district court of the United States for the southern district. In admiralty."
    text = (
        f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n[Subinclosure.]\n\n{caption}\n\nThe libel says.\n"
    )
    attachment = parse(text).blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks] == ["SourceNote", "Paragraph", "Paragraph"]


def test_enclosure_notes_with_broken_brackets_start_enclosures_and_are_warned() -> None:
    # frus1882 d375, frus1897 d49 d149: a bracket missing, too early, a stop
    # after it, "Snb" for "Sub": the enclosure's source note, kept as typed
    for note, code in (
        ("[Inclosure 2 in No. 30.", ["CC130"]),
        ("[Inclosure] in No. 56.]", ["CC130"]),
        ("[Inclosure in No. 10.].", ["CC130"]),
        ("[Snbinclosure in No. 10.—Translation.]", []),
    ):
        text = f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n{note}\n\n{ENCLOSURE}"
        converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
        attachment = converted.document.blocks[-1]
        assert isinstance(attachment, Attachment), note
        assert isinstance(attachment.blocks[0], SourceNote), note
        assert plain(attachment.blocks[0].content) == note
        assert [d.code for d in converted.diagnostics] == code, note


def test_an_enclosure_label_of_the_1860s_is_a_line_of_the_text() -> None:
    # frus1864p3 d132, d453, d816: "[Enclosure.]", "[Enclosure No. 1.]" are
    # paragraphs of the despatch, and the enclosure's text follows in it;
    # the despatch's signature before it is still its signature
    body = "The Moniteur contains the text of the convention.\n\nThe convention runs thus.\n"
    for note in ("[Enclosure.]", "[Enclosure No. 2.]", "[Enclosed in above.]"):
        text = (
            f"{HEAD}I am, sir, your obedient servant,\n\nWM. L. DAYTON.\n\n"
            f"Hon. William H. Seward, Secretary of State.\n\n{note}\n\n{body}"
        )
        converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
        doc = converted.document
        assert not any(isinstance(b, Attachment) for b in doc.blocks), note
        assert tail(doc.blocks, 5) == [
            ("Closer", "WM. L. DAYTON."),
            ("Paragraph", "Hon. William H. Seward, Secretary of State."),
            ("Paragraph", note),
            ("Paragraph", "The Moniteur contains the text of the convention."),
            ("Paragraph", "The convention runs thus."),
        ], note
        assert [d.code for d in converted.diagnostics] == [], note


def test_later_enclosure_labels_with_a_stop_start_enclosures() -> None:
    # frus1897 d73 "[Enclosure 2 in No. 2789.]", frus1872p2v5 "[Inclosure No. 1.]"
    for note in ("[Enclosure 2 in No. 2789.]", "[Inclosure No. 1.]", "[Enclosure 1]"):
        doc = parse(f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n{note}\n\n{ENCLOSURE}")
        assert isinstance(doc.blocks[-1], Attachment), note


def test_a_long_enclosure_note_that_says_what_it_holds_starts_an_enclosure() -> None:
    note = (
        "[Inclosure 1 in No. 20.—Translation of communications received by the Government "
        "of Guatemala in relation to the invasion of the department of Peten by Mexican "
        "armed forces.]"
    )
    doc = parse(f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n{note}\n\n{ENCLOSURE}")
    assert isinstance(doc.blocks[-1], Attachment)


def test_the_editors_sentences_about_enclosures_are_text() -> None:
    # frus1870 d342, frus1864p3 d547: statements, not the notes of enclosures
    for note in (
        "[Inclosure No. 2 will be found in the Statutes at Large, vol. 12, page 1023.]",
        "[Note.—The enclosures above referred to are published elsewhere in this volume.]",
    ):
        doc = parse(f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n{note}\n")
        assert not any(isinstance(b, Attachment) for b in doc.blocks), note
        assert tail(doc.blocks, 1) == [("Paragraph", note)]


def test_the_note_over_a_list_of_enclosures_in_paragraphs_is_text() -> None:
    # frus1870 d376: "[Inclosures.]" then one paragraph per enclosure, all text,
    # and no warning that the text goes on after the signature
    text = (
        f"{HEAD}I am, etc.,\n\nFREDERICK F. LOW.\n\n[Inclosures.]\n\n"
        "A.—Dispatch signed by all the representatives.\n\nB.—Prince Kung to Mr. Low.\n\n"
        "C.—Translation of imperial decree.\n"
    )
    doc = parse(text)
    assert not any(isinstance(b, Attachment) for b in doc.blocks)
    assert "CC136" not in codes(text)
    # frus1894Nicaragua d85: the list as one block is the enclosure's content
    listed = (
        f"{HEAD}I am, etc.,\n\nAlvey A. Adee.\n\n[Inclosures.]\n\n"
        "1. From the United States consul at San Juan del Norte.\n"
        "2. From the Secretary of the Navy.\n"
    )
    assert isinstance(parse(listed).blocks[-1], Attachment)


def test_a_kind_of_paper_after_an_enclosure_note_is_a_second_source_note() -> None:
    # frus1882 d157, d32; frus1894Nicaragua d135: "[Inclosure 5 in No. 20.—Translation.]"
    # then "[Telegram.]", "[Extract from the National Republican …]", "[Personal.]"
    for second in ("[Telegram.]", "[Extract from the National Republican of January 24, 1882.]"):
        doc = parse(
            f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n[Inclosure 5 in No. 20.]\n\n{second}\n\n"
            "Coban, September 21, 1882.\n\nThe troops have arrived.\n\nLUIS M. CRUZ.\n"
        )
        attachment = doc.blocks[-1]
        assert isinstance(attachment, Attachment)
        assert [type(b).__name__ for b in attachment.blocks[:3]] == [
            "SourceNote",
            "SourceNote",
            "Dateline",
        ], second
        assert isinstance(attachment.blocks[1], SourceNote)


def test_an_enclosure_heading_printed_above_its_note_starts_the_enclosure() -> None:
    # frus1901 d55, d494: after the signature, "Mr. Balz to General Rodriguez."
    # then "[Inclosure 2.—Translation.]": the heading is the enclosure's (11 of 11)
    doc = parse(
        f"{HEAD}I have, etc.,\n\nWilliam W. Russell.\n\nMr. Balz to General Rodriguez.\n\n"
        "[Inclosure 2.—Translation.]\n\nConsular Agency of the United States,\n"
        "Barcelona, April 18, 1901.\n\nGeneral: I have the honor to report.\n\nI am, etc.,\n\n"
        "J. Balz.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks[:3]] == [
        "Heading",
        "SourceNote",
        "Dateline",
    ]
    assert isinstance(attachment.blocks[0], Heading)
    assert isinstance(doc.blocks[-2], Closer)


def test_a_postscript_over_an_enclosure_note_is_not_its_heading() -> None:
    # frus1894Nicaragua d81: "P. S.—The governor … intended to be sent to
    # Bluefields …" under the signature, then "[Inclosure 1 in No. 81.]": the
    # postscript says "to" but names no writer, so it stays the despatch's text
    doc = parse(
        f"{HEAD}I beg to remain, etc.,\n\nS. C. Braida,\nUnited States Consul.\n\n"
        "P. S.—The governor of Grey Town expects troops, intended to be sent to Bluefields.\n\n"
        "[Inclosure 1 in No. 81.]\n\nMr. Seat to Mr. Braida.\n\n"
        "Bluefields, Nicaragua, July 16, 1894.\n\nMy Dear Sir: I have the honor to report.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks[:3]] == [
        "SourceNote",
        "Heading",
        "Dateline",
    ]
    assert tail(doc.blocks, 2)[0] == (
        "Paragraph",
        "P. S.—The governor of Grey Town expects troops, intended to be sent to Bluefields.",
    )


def test_an_abridged_von_is_part_of_a_name() -> None:
    assert is_signature(one("FR. v. GEROLT."))
    doc = parse(
        f"{HEAD}I have the honor to be your obedient servant,\n\nFR. v. GEROLT.\n\n"
        "Hon. Hamilton Fish, Secretary of State of the United States, Washington.\n"
    )
    assert tail(doc.blocks, 2)[0] == ("Closer", "FR. v. GEROLT.")


def test_the_person_written_to_printed_last_without_a_signature_is_text() -> None:
    doc = parse(
        f"{HEAD}I have the honor to make them known.\n\n"
        "His Excellency F. F. Low, United States Minister.\n"
    )
    assert isinstance(doc.blocks[-1], Paragraph)
    # after a close, a title of address does not stop a signature
    doc = parse(f"{HEAD}Be pleased to accept, etc.,\n\nM. Romero.\n")
    assert isinstance(doc.blocks[-1], Closer)
    doc = parse(f"{HEAD}The sad death is deplored.\n\nGeneral Pando, President.\n")
    assert isinstance(doc.blocks[-1], Closer)


def test_an_approval_after_the_signature_is_a_postscript() -> None:
    doc = parse(
        f"{HEAD}R. C. Patterson, Jr.\n\nCaptain, U. S. A.\n\nApproved:\nJ. C. Grew,\nSecretary\n"
    )
    assert [type(b).__name__ for b in doc.blocks[-2:]] == ["Closer", "Paragraph"]
    assert signed_text(doc.blocks[-2]) == "R. C. Patterson, Jr."
    doc = parse(f"{HEAD}Harry R. Turkel\n\nApproved:\n\nAlbert F. Nufer\nWalter J. Donnelly\n")
    assert isinstance(doc.blocks[-3], Closer)
    last = doc.blocks[-1]
    assert isinstance(last, ListBlock) and last.role is None


def test_a_place_without_a_date_over_a_salutation_is_the_enclosures_dateline() -> None:
    # frus1894Nicaragua d4, frus1882 d311, frus1901 d227 (3 of 3)
    doc = parse(
        f"{HEAD}I am, etc.,\n\nWM. L. DAYTON.\n\n[Inclosure in No. 4.]\n\n"
        "Petition addressed to Consular Agent B. B. Seat.\n\n"
        "Bluefields, Mosquito Reservation, Nicaragua.\n\n"
        "Dear Sir: News having reached here that troops are at the Cape.\n\nB. B. SEAT.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert isinstance(attachment.blocks[2], Dateline)
    # a line in capitals is a proclamation's title, not a place
    assert not is_place_line(one("BY, THE QUEEN."))


def test_a_papers_title_in_the_text_starts_an_attachment_a_short_label_does_not() -> None:
    # frus1919Parisv11 d272: "Statement Issued by President Wilson on the Signature …"
    title = "Statement Issued by President Wilson on the Signature of the Treaty With Germany"
    doc = parse(f"{HEAD}So ends this great day.\n\n{title}\n\nMy Fellow Countrymen: The treaty.\n")
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert isinstance(attachment.blocks[0], Heading)
    assert plain(attachment.blocks[0].content) == title
    assert not is_paper_title(one("Memorandum"))
    assert not is_paper_title(one("Article II"))
    assert not is_paper_title(
        one("Memorandum No. 456, regarding the release of Captain George was read")
    )
    # a kind, a number and a date are title enough (frus1917Supp02v02 d375)
    assert is_paper_title(one("Executive Order No. 2621, May 16, 1917"))
    assert is_paper_title(
        one(
            "Proclamation No. 1411, November 28, 1917, "
            "Prohibiting Certain Imports except under License"
        )
    )
    assert not is_paper_title(one("Treaty Series No. 743"))
    order = parse(
        f"{HEAD}This order shall take effect from date.\n\nWoodrow Wilson\n\n"
        "The White House, May 14, 1917.\n\nExecutive Order No. 2621, May 16, 1917\n\n"
        "The Secretary of the Treasury is hereby directed.\n"
    )
    assert isinstance(order.blocks[-1], Attachment)
    assert plain(order.blocks[-1].blocks[0].content) == "Executive Order No. 2621, May 16, 1917"
    # after a line that introduces it, the title is quoted text
    quoted = parse(f"{HEAD}These will appear in the press:\n\n{title}\n\nMy Fellow Countrymen.\n")
    assert not any(isinstance(b, Attachment) for b in quoted.blocks)


# ---- seals and countersignatures ---------------------------------------------

TREATY = (
    "Convention between the United States and Great Britain\n\n"
    "Article 1\n\nThe convention shall be ratified.\n\n"
    "In witness whereof, the undersigned have signed the present convention, "
    "and have thereunto affixed their seals.\n\n"
    "Done in duplicate at London, this 10th day of February, 1925.\n\n"
)


def signers(closer: Block) -> list[str]:
    assert isinstance(closer, Closer)
    return [plain(closer.content[a:b]) for _, a, b in closer.signature_parts()]


def test_names_under_their_seals_are_one_closer_each_name_signed() -> None:
    # frus1925v02 d172, frus1934v05 d154
    doc = parse(f"{TREATY}[seal]\nFrank B. Kellogg\n\n[seal]\nAusten Chamberlain\n")
    assert signers(doc.blocks[-1]) == ["Frank B. Kellogg", "Austen Chamberlain"]
    assert tail(doc.blocks, 2)[0][0] == "Paragraph"
    doc = parse(
        f"{TREATY}For the President of the United States of America:\n[seal]\nCordell Hull\n\n"
        "Secretary of State\n[seal]\nSumner Welles\n\nAssistant Secretary of State.\n"
    )
    assert signers(doc.blocks[-1]) == ["Cordell Hull", "Sumner Welles"]
    assert plain(doc.blocks[-1].content).endswith("Assistant Secretary of State.")  # type: ignore[union-attr]


def test_names_over_their_seals_are_one_closer_in_blocks_or_one_block() -> None:
    # frus1934v05 d318 (a block each), frus1925v02 d58 (a block a signer)
    for end in (
        "Norman Armour\n\n[seal]\n\nLéon Laleau\n\n[seal]\n",
        "Norman Armour\n[seal]\n\nLéon Laleau\n[seal]\n",
    ):
        doc = parse(f"{TREATY}{end}")
        assert signers(doc.blocks[-1]) == ["Norman Armour", "Léon Laleau"], end


def test_a_seal_printed_as_a_paragraph_over_the_signature_stays_one() -> None:
    # frus1872p2v5: ``[seal.]`` a paragraph, the clerk's signature the closer
    doc = parse(
        f"{HEAD}Witness my hand and the Seal of said Court this 20th day of March, A. D. 1872.\n\n"
        "[seal.]\n\nJOSEPH H. HOUGHTON, Clerk Supreme Court, Washington Territory.\n"
    )
    assert tail(doc.blocks, 2) == [
        ("Paragraph", "[seal.]"),
        ("Closer", "JOSEPH H. HOUGHTON, Clerk Supreme Court, Washington Territory."),
    ]


def test_a_countersignature_is_a_paragraph_after_the_signature() -> None:
    # frus1917Supp02v02 d70: the President signs, the Secretary countersigns
    doc = parse(
        "Proclamation No. 1391\n\nWhereas Congress has enacted a law.\n\n"
        "Done in the District of Columbia, this 27th day of August.\n\n"
        "Woodrow Wilson\n\nBy the President,\nRobert Lansing,\nSecretary of State.\n"
    )
    assert tail(doc.blocks, 2) == [
        ("Closer", "Woodrow Wilson"),
        ("Paragraph", "By the President,\nRobert Lansing,\nSecretary of State."),
    ]
    # frus1882 d91: over the name of a French president, and under it
    doc = parse(
        "Decree\n\nThe minister of commerce is charged with the execution of this decree.\n\n"
        "Done at Paris, August 6, 1882.\n\nBy the President of the Republic:\n\nJULES GREVY.\n\n"
        "By the minister of commerce:\nP. TIRARD.\n"
    )
    assert [kind for kind, _ in tail(doc.blocks, 3)] == ["Paragraph", "Closer", "Paragraph"]


def test_a_name_before_the_editors_last_note_or_a_last_date_line_is_the_signature() -> None:
    # frus1917Supp02v02 d51 ("Schmedeman" then the editors' note), frus1897 d13
    note = (
        "[For a summary of the state of the negotiations at this time, see the memorandum below.]"
    )
    doc = parse(f"{HEAD}Please inform the Department.\n\nSchmedeman\n\n{note}\n")
    assert tail(doc.blocks, 2) == [("Closer", "Schmedeman"), ("Paragraph", note)]
    doc = parse(f"{HEAD}Please inform the Department.\n\nDraper\n\nRome, January 26, 1897.\n")
    assert tail(doc.blocks, 2)[0] == ("Closer", "Draper")


def test_a_signature_before_the_title_of_the_next_paper_closes_its_part() -> None:
    # frus1917Supp02v02 d81, frus1925v02 d408: a telegram, then a statement printed with it
    doc = parse(
        f"{HEAD}Communicate with Foreign Office.\n\nLansing\n\n"
        "Public Statement Issued by the Exports Administrative Board, September 29, 1917\n\n"
        "The Exports Administrative Board has determined to refuse clearance.\n"
    )
    assert any(isinstance(b, Closer) and plain(b.content) == "Lansing" for b in doc.blocks)


def test_the_editors_word_that_nobody_signed_is_an_unsigned_closer() -> None:
    # frus1917Supp02v02 d11 ``[No signature indicated]``, frus1897 d614 ``(Not signed.)``
    for closer in ("[No signature indicated]", "(Not signed.)"):
        doc = parse(f"{HEAD}Very truly yours,\n\n{closer}\n")
        last = doc.blocks[-1]
        assert isinstance(last, Closer) and last.parts == (), closer


def test_an_editors_line_in_parentheses_is_not_a_signature() -> None:
    # frus1902app1 d12, frus1882 d180
    assert not is_signature(one("(Inclosure: Complaint of Capt. G. I. Dahlberg.)"))
    assert not is_signature(one("(Omitted.)"))
    assert is_signature(one("(Seal of the Mushir-ed-Dowlah.)"))  # frus1897 d415
    doc = parse(
        f"{HEAD}Accept, etc.,\n\nRichard Olney.\n\n(Inclosure: Complaint of Capt. Dahlberg.)\n"
    )
    assert tail(doc.blocks, 2) == [
        ("Closer", "Richard Olney."),
        ("Paragraph", "(Inclosure: Complaint of Capt. Dahlberg.)"),
    ]


def test_closes_on_obediently_and_et_cetera() -> None:
    # frus1897 d591, frus1934v05 d132
    assert is_complimentary_close(one("Yours, obediently,"))
    assert is_complimentary_close(one("Accept, Excellency, et cetera."))
    assert not is_signature(one("Accept, Excellency, et cetera."))


def test_names_with_spanish_and_persian_particles_sign() -> None:
    # frus1901 d415, d363
    assert is_signature(one("Isabelo de los Reyes."))
    assert is_signature(one("Mozaffer ed Dine."))


def test_a_line_saying_enclosure_heads_an_attachment_with_its_classification() -> None:
    """frus1944Quebec d13: ``Enclosure`` over ``top secret`` is the head and
    the opener of an attachment (FRUS TEI), not two paragraphs of the text;
    so is ``Enclosure No. 1.`` (frus1864p3 d729)."""
    for label in ("Enclosure", "Enclosure No. 1."):
        doc = parse(
            HEAD + f"I have the honor.\n\n{label}\n\ntop secret\n\nI. Following is the text."
        )
        enclosure = doc.blocks[-1]
        assert isinstance(enclosure, Attachment)
        heading, opener = enclosure.blocks[:2]
        assert isinstance(heading, Heading) and plain(heading.content) == label
        assert [plain(line) for line in opener.lines] == ["top secret"]  # type: ignore[union-attr]


def test_a_sentence_about_the_enclosure_stays_text() -> None:
    doc = parse(HEAD + "Enclosure No. 1 is not printed.\n\nI have the honor.")
    assert not any(isinstance(b, Attachment) for b in doc.blocks)


def test_labels_of_parts_and_the_end_of_minutes_never_sign() -> None:
    # frus1882 d190, d391, frus1870 d108, frus1919Parisv11 d106, d120
    for text in (
        "Article II.",
        "Article Third.",
        "Only Article.",
        "OFFICIAL PART.",
        "Case 4.",
        "End of Meeting.",
        "Thereupon, at 3:15 P.M. the meeting adjourned.",
    ):
        assert not is_signature(one(text)), text
    assert is_signature(one("J. Case."))
    doc = parse(f"{HEAD}The articles follow.\n\nArticle II.\n\nThe boundary runs north.\n")
    assert not any(isinstance(b, Closer) for b in doc.blocks)


def test_a_name_left_open_on_a_comma_takes_the_office_under_it() -> None:
    # frus1882 d363: ``R. O. WILLIAMS,`` then ``Vice-Consul-General.``, one closer
    doc = parse(f"{HEAD}I remain, &c.,\n\nR. O. WILLIAMS,\n\nVice-Consul-General.\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    assert plain(last.content) == "R. O. WILLIAMS,\n\nVice-Consul-General."
    assert signed_text(last) == "R. O. WILLIAMS,"


def test_a_name_kept_as_text_after_an_agreements_witness_clause_is_warned_about() -> None:
    # frus1925v02 d335: the signatories of a lease, one block of lines (CC140)
    text = (
        "Agreement\n\nThe Lessee shall pay the rent.\n\n"
        "In Witness Whereof the parties hereto have set their hands and seals.\n\n"
        "For the Government of Liberia\n. . . . . . . . . .\nSecretary of State\n\n"
        "For\nHarvey S. Firestone\n"
    )
    assert codes(text).count("CC140") == 1
    # a treaty whose signers are read as a closer says nothing
    text = (
        "Treaty\n\nThe treaty shall be ratified.\n\n"
        "In witness whereof the plenipotentiaries have signed this treaty.\n\n"
        "[seal]\nFrank B. Kellogg\n\n[seal]\nAusten Chamberlain\n"
    )
    assert "CC140" not in codes(text)


def test_the_deponents_signature_before_the_oath_is_warned_about() -> None:
    # frus1864p3 d811: the deponent signs, then the consul under the oath (CC141)
    text = (
        f"{HEAD}Affiant further swears that he was not indebted to these men.\n\n"
        "R. SCHOYER.\n\nSubscribed and sworn to as above stated.\n\n"
        "GEO. S. FISHER, United States Consul.\n"
    )
    assert codes(text).count("CC141") == 1


def test_the_deponents_name_over_the_certificates_venue_signs_warned() -> None:
    # frus1872p2v5 d82: the deponent's name, then the venue of the clerk's
    # certificate; 6 of 7 such names are the closer (frus1864p3 d653: a
    # paragraph), so the choice is warned (CC141)
    text = (
        f"{HEAD}The Indians always came by the same channel.\n\nCAPT. W. J. WAITT.\n\n"
        "Territory of Washington, County of Thurston, ss:\n\n"
        "Before me came William J. Waitt, who being first duly sworn, did depose.\n\n"
        "JOSEPH H. HOUGHTON, Clerk.\n"
    )
    doc = parse(text)
    assert tail(doc.blocks, 4)[0] == ("Closer", "CAPT. W. J. WAITT.")
    assert codes(text).count("CC141") == 1
    # a line with a date before the colon opens a resolution, not a certificate
    resolution = text.replace(
        "Territory of Washington, County of Thurston, ss:",
        "In the House of Representatives, January 22, 1901:",
    )
    assert tail(parse(resolution).blocks, 4)[0] == ("Paragraph", "CAPT. W. J. WAITT.")


def test_a_firm_signing_in_its_own_name_is_a_closer_nobody_signs() -> None:
    # frus1925v02 d601 ``Blair & Co. Inc.``, frus1901 d379 ``J. C. Ayer Company.``
    for firm in ("Blair & Co. Inc.", "J. C. Ayer Company.", "J. P. Morgan & Co."):
        doc = parse(f"{HEAD}Yours very truly,\n\n{firm}\n")
        last = doc.blocks[-1]
        assert isinstance(last, Closer) and last.parts == (), firm


def test_the_signature_of_a_letter_printed_in_another_is_text() -> None:
    # frus1901 d234: the petitioner's letter, then the minister's close and signature
    doc = parse(
        f"{HEAD}I have, etc.,\n\nLouis Economopoulos.\n\nI am, etc.,\n\nCharles S. Francis.\n"
    )
    assert tail(doc.blocks, 3) == [
        ("Paragraph", "Louis Economopoulos."),
        ("Paragraph", "I am, etc.,"),
        ("Closer", "Charles S. Francis."),
    ]
    # ``Before me,`` opens a notary's act: it is no close
    assert not is_complimentary_close(one("Before me,"))


def test_a_signature_with_a_slip_after_the_close_at_the_end_of_a_letter() -> None:
    # frus1901 d225 ``lvey A. Adee.``, d423 ``Julius g. Lay,``; frus1897 d152, a long office
    for signature in (
        "lvey A. Adee.",
        "Julius g. Lay,\nConsul-General.",
        "G. Von Chauvin,\nRepresentative in America and Chief Engineer of the French Paris "
        "and New York Telegraph Company.",
    ):
        doc = parse(f"{HEAD}I am, etc.,\n\n{signature}\n")
        assert isinstance(doc.blocks[-1], Closer), signature
    # not without the close, nor a phrase
    doc = parse(f"{HEAD}The consul reported it.\n\nlvey A. Adee.\n")
    assert not isinstance(doc.blocks[-1], Closer)


def test_a_seal_or_a_page_turned_after_the_name_leaves_a_signature() -> None:
    # frus1864p3 d662 (the jurors of an inquest), d649
    assert is_signature(one("GEORGE S. PORTER. [seal.]"))
    assert not is_signature(one("[seal.]"))
    doc = parse(f"{HEAD}I pronounce that he was dead.\n\nW. G. HAY, M. D.[Page 395]\n")
    assert isinstance(doc.blocks[-1], Closer)


def test_a_party_signing_by_its_agent_is_one_closer_the_agent_signed() -> None:
    # frus1925v02 d238; frus1934v05 d269 with the agent's office under it
    doc = parse(f"{HEAD}Very respectfully,\n\nUlen & Company\nBy\nThomas S. Shepperd\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and signed_text(last) == "Thomas S. Shepperd"
    doc = parse(
        f"{HEAD}Very respectfully yours,\n\nManufacturers Trust Company, as Fiscal Agent\nBy\n"
        "J. Lawrence Gilson\n\nVice President\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and signed_text(last) == "J. Lawrence Gilson"
    assert plain(last.content).endswith("\n\nVice President")


def test_the_name_over_the_office_that_sent_a_telegram_is_one_closer() -> None:
    # frus1919Parisv11 d198: ``Lansing.`` then ``Am[erican] Mission``
    doc = parse(f"{HEAD}Please see telegrams from Grew.\n\nLansing.\n\nAm[erican] Mission\n")
    last = doc.blocks[-1]
    assert isinstance(last, Closer) and signed_text(last) == "Lansing."
    assert plain(last.content) == "Lansing.\n\nAm[erican] Mission"


def test_a_certifier_in_capitals_with_an_accent_signs_after_the_certificate() -> None:
    # frus1870 d522: ``This is a true copy.`` then ``C. N. RIOTTÉ.``
    doc = parse(
        f"{HEAD}I shall demand redress.\n\nEDWIN CORBET.\n\nThis is a true copy.\n\nC. N. RIOTTÉ.\n"
    )
    assert tail(doc.blocks, 1) == [("Closer", "C. N. RIOTTÉ.")]


def test_the_office_printed_over_the_signers_name_is_text() -> None:
    # frus1870 d11: ``The Minister of Foreign Affairs,`` over ``J. FAVRE.``
    doc = parse(f"{HEAD}Accept, &c.\n\nThe Minister of Foreign Affairs,\n\nJ. FAVRE.\n")
    assert tail(doc.blocks, 2) == [
        ("Paragraph", "The Minister of Foreign Affairs,"),
        ("Closer", "J. FAVRE."),
    ]
    # the office never signs by itself
    assert not is_signature(one("The Minister of Foreign Affairs,"))


def test_the_addressee_after_the_postscript_and_addressees_with_small_words() -> None:
    # frus1870 d241: signature, postscript, then the addressee
    doc = parse(
        f"{HEAD}I hope not to give the legation trouble.\n\nGEO. BANCROFT.\n\n"
        "P. S.—To save time letters will reach you directly.\n\n"
        "His Excellency the Minister of the United States of America.\n"
    )
    assert tail(doc.blocks, 3)[0] == ("Closer", "GEO. BANCROFT.")
    # frus1864p3 d333: the small words of an office are no sentence
    assert is_addressee(
        one("The Commandant of the Land Forces of his Majesty the Emperor of the French.")
    )
    # frus1919Parisv11 d154: a time of day is
    assert not is_addressee(one("The meeting adjourned at 3:10 p.m."))


def test_a_receipt_or_a_deed_under_an_enclosures_note_is_its_text_not_its_title() -> None:
    # frus1882 d134 "Received from J. R. Tinsly …", frus1872p2v5 d143 "We,
    # William, by the grace of God …", frus1882 d321 "Know all men by these
    # presents that I … do hereby appoint …": 128 of 128 such lines paragraphs
    for first in (
        "Received from J. R. Tinsly, esq., forty pounds sterling to reach my home.",
        "We, William, by the grace of God, German Emperor, King of Prussia, &c., &c., &c.",
        "Know all men by these presents that I, the sheriff, do hereby appoint W. J. Ross.",
    ):
        doc = parse(
            f"{HEAD}I am, etc.,\n\nJ. R. LOWELL.\n\n[Inclosure.]\n\n{first}\n\n"
            "The undersigned attests the above.\n\nJohn Rafferty.\n"
        )
        attachment = doc.blocks[-1]
        assert isinstance(attachment, Attachment), first
        assert not any(isinstance(b, Heading) for b in attachment.blocks), first
        assert isinstance(attachment.blocks[1], Paragraph), first
        assert plain(attachment.blocks[1].content) == first


def test_an_articles_number_under_an_enclosures_note_is_its_text_not_its_title() -> None:
    # frus1897 d410: "Article 21." under "[Inclosure in No. 849. Translation.]";
    # FRUS prints an article's number alone on a line as a paragraph (216 of 216)
    doc = parse(
        f"{HEAD}I am, etc.,\n\nLewis Baker.\n\n[Inclosure in No. 849. Translation.]\n\n"
        "Article 21.\n\nIn case of expropriation the company shall be paid.\n\n"
        "Article 22.\n\nIn no case will the company ask diplomatic interference.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert not any(isinstance(b, Heading) for b in attachment.blocks)
    assert isinstance(attachment.blocks[1], Paragraph)
    assert plain(attachment.blocks[1].content) == "Article 21."


UNDATED_HEAD = "M. Le Sourd to Count Bismarck.\n\nThe undersigned has the honor to inform you.\n\n"


def test_a_date_under_the_signature_of_an_undated_paper_is_its_dateline() -> None:
    # frus1870 d267, d103, d498: "LE SOURD." then "Berlin, July 19, 1870.", the
    # paper's only date, in a closer of its own; warned, as frus1864p3 prints
    # such lines as paragraphs (d603, d668)
    text = f"{UNDATED_HEAD}LE SOURD.\n\nBerlin, July 19, 1870.\n"
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    last = converted.document.blocks[-1]
    assert isinstance(last, Closer)
    assert last.signature_parts() == (("dateline", 0, len(last.content)),)
    assert plain(last.content) == "Berlin, July 19, 1870."
    assert [d.code for d in converted.diagnostics] == ["CC129"]
    assert metadata(converted.document).date == "1870-07-19"  # the paper's date


def test_a_date_under_a_signature_stays_text_where_the_paper_is_dated() -> None:
    # frus1882 d69, frus1901 d435: a dateline before the text; frus1925v02 d45:
    # a signature not in capitals
    for text in (
        f"{HEAD}I am, etc.,\n\nLE SOURD.\n\nBerlin, July 19, 1870.\n",
        f"{UNDATED_HEAD}J. C. Ariza\n\nWashington, October 24, 1925.\n",
    ):
        doc = parse(text)
        assert tail(doc.blocks, 1) == [("Paragraph", text.rstrip().rsplit("\n", 1)[1])], text


def test_a_letters_heading_under_a_signature_over_a_dateline_starts_the_next_letter() -> None:
    # frus1901 d265: "Governor Longino to Mr. Hay." after the signature, then its dateline
    doc = parse(
        f"{HEAD}I am, etc.,\n\nJohn Hay.\n\nGovernor Longino to Mr. Hay.\n\n"
        "Executive Department, Jackson, Miss., July 20, 1901.\n\n"
        "Sir: I have the honor to acknowledge your letter.\n\nA. H. Longino.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert isinstance(attachment.blocks[0], Heading)
    assert plain(attachment.blocks[0].content) == "Governor Longino to Mr. Hay."
    assert isinstance(attachment.blocks[1], Dateline)
    # a sentence that names no writer stays the text's (frus1870 d439)
    copy = parse(
        f"{HEAD}I am, etc.,\n\nJohn Hay.\n\n"
        "Copy of a letter from the secretary of state for the colonies to the lords.\n\n"
        "Downing Street, April 12, 1866.\n\nMy Lords: I am directed to say.\n"
    )
    assert not any(isinstance(b, Attachment) for b in copy.blocks)


def test_a_letters_heading_under_a_short_signature_over_a_salutation_starts_it() -> None:
    # frus1897 d230: the telegram signed "Sherman.", then the President's letter
    doc = parse(
        f"{HEAD}Secretary Navy authorizes admiral remain with Brooklyn.\n\nSherman.\n\n"
        "William McKinley, President of the United States of America, to Her Majesty "
        "Victoria, Queen of Great Britain and Ireland.\n\n"
        "Great and Good Friend: In the name of the people I present their felicitations.\n\n"
        "William McKinley.\n"
    )
    assert isinstance(doc.blocks[-2], Closer) and plain(doc.blocks[-2].content) == "Sherman."
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment) and isinstance(attachment.blocks[0], Heading)


def test_a_place_under_the_addressee_over_a_certificate_starts_the_certificate() -> None:
    # frus1902app1 d5-d8: the embassy certifies each copy of the claim's papers
    doc = parse(
        f"{HEAD}I avail myself of this occasion.\n\nGeorge W. Wurts.\n\n"
        "His Excellency M. Chichkine,\nAdjoint, etc.\n\n"
        "Embassy of the United States of America,\nSt. Petersburg, Russia.\n\n"
        "I, Herbert J. Hagerman, second secretary of the embassy, do hereby certify that I "
        "have compared the foregoing copy.\n\nHerbert J. Hagerman.\n"
    )
    certificate = doc.blocks[-1]
    assert isinstance(certificate, Attachment) and isinstance(certificate.blocks[0], Dateline)
    assert plain(certificate.blocks[0].content).startswith("Embassy of the United States")
    # a name over a deposition is no place
    doc = parse(
        f"{HEAD}I avail myself of this occasion.\n\nGeorge W. Wurts.\n\n"
        "Paul Osterhout, M. D.\n\nI, Paul Osterhout, a physician, do certify it.\n"
    )
    assert not any(isinstance(b, Attachment) for b in doc.blocks)


def test_an_addressee_whose_title_is_left_open_on_a_comma_is_a_paragraph() -> None:
    # frus1864p3: a translated note that closes on the person written to
    doc = parse(
        f"{HEAD}This is the object of the present communication.\n\n"
        "His Excellency, Anson Burlingame, United States Minister to China.\n\n"
        "February 11, 1864—Tungchi, 3d year, 1st moon, 4th day.\n"
    )
    assert not any(isinstance(b, Closer) for b in doc.blocks)
    assert is_addressee(one("His Excellency, Anson Burlingame, United States Minister to China."))
    assert not is_addressee(one("Admiral, U. S. Navy"))  # an office under the name


def test_a_speaker_or_a_label_and_what_follows_it_never_signs() -> None:
    # frus1919Parisv11: the minutes' speakers, a list of posts and their holders
    speech = ("Mr. Polk: No.", "M. Clemenceau: agreed.", "Translation Bureau: Mr. Walter Peirce.")
    for line in speech:
        assert not is_signature(one(line)), line
    assert is_signature(one("Lansing."))


def test_initials_after_a_signature_are_more_signers() -> None:
    # frus1864p3: the ministers of the four powers sign by their initials
    doc = parse(
        f"{HEAD}Apprové dans tout son contenu. Yokohama, September 28, 1864.\n\n"
        "LEON ROCHES.\n\nR. A.\n\nR. H. P.\n"
    )
    assert [type(b).__name__ for b in doc.blocks[-3:]] == ["Closer", "Closer", "Closer"]
    # one initial under a postscript is text
    doc = parse(f"{HEAD}I have, &c.,\n\nWM. L. DAYTON.\n\nP. S.—The Kearsarge is at sea.\n\nD.\n")
    assert [type(b).__name__ for b in doc.blocks[-3:]] == ["Closer", "Paragraph", "Paragraph"]


def test_a_name_the_editors_supply_in_brackets_signs() -> None:
    # frus1917Supp02v02 d389: a memorandum signed ``[H. B. Van Sinderen]``
    doc = parse(f"{HEAD}The collectors allow all vessels to bunker.\n\n[H. B. Van Sinderen]\n")
    assert isinstance(doc.blocks[-1], Closer)
    assert not is_signature(one("[Paraphrase]"))


def test_the_officer_who_vouches_for_a_copy_is_in_the_postscript_and_warned() -> None:
    # frus1864p3 d307: the signature, its place and date, then ``Official:``
    text = (
        f"{HEAD}Please to accept, colonel, the assurance of my consideration.\n\n"
        "A. VERON, Commanding French Forces, Bagdad, Mexico.\n\n"
        "Bagdad, Mexico, September 7, 1864.\n\nOfficial:\n\nGEO. B. DRAKE, A. A. G.\n"
    )
    result = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    kinds = [type(b).__name__ for b in result.document.blocks[-4:]]
    assert kinds == ["Closer", "Paragraph", "Paragraph", "Paragraph"]
    codes = [d.code for d in result.diagnostics]
    assert "CC137" in codes and "CC135" not in codes


def test_a_papers_title_with_its_stop_under_a_signature_heads_the_next_paper() -> None:
    # frus1897 d379, frus1882 d280: the head of an attachment 17 times of 18
    doc = parse(
        f"{HEAD}I have, etc.,\n\nRichard Olney.\n\n"
        "Award of arbitrator.\n\nThe undersigned, arbitrator, finds as follows.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment) and isinstance(attachment.blocks[0], Heading)
    assert isinstance(doc.blocks[-2], Closer)
    # an article quoted from a regulation is a line of the text
    quoted = parse(
        f"{HEAD}I have, etc.,\n\nJACOB BALLADUR.\n\n"
        "Article 3 of the regulation of 13th (25th) October, 1873.\n\nArt. 3. All the petroleum.\n"
    )
    assert not any(isinstance(b, Attachment) for b in quoted.blocks)


def test_a_papers_title_over_the_note_of_its_translation_heads_the_next_paper() -> None:
    # frus1897 d566, frus1902app1 d34: ``Memorandum.`` or ``Notice.`` under a
    # signature (and its addressee), then ``[Translation.]``: the head of an
    # attachment, the note its source note (3 of 3); who handed it over, in
    # brackets under that, is the first line of its text
    doc = parse(
        f"{HEAD}I seize this occasion, Mr. Minister.\n\nT. M. C. Asser.\n\n"
        "Mr. Stanford Newel,\nEnvoy Extraordinary and Minister Plenipotentiary.\n\n"
        "[Page 406]\n\nNotice.\n\n[Translation.]\n\n"
        "[Handed to Mr. Adee at the State Department, by Mr. Pla, August 21, 1897.]\n\n"
        "The points in regard to which the arbitrator asks for information.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    head, note, first = attachment.blocks[:3]
    assert isinstance(head, Heading) and plain(head.content) == "Notice."
    assert isinstance(note, SourceNote) and plain(note.content) == "[Translation.]"
    assert isinstance(first, Paragraph) and plain(first.content).startswith("[Handed to")
    assert [plain(b.content) for b in doc.blocks if isinstance(b, Closer)] == ["T. M. C. Asser."]


def test_a_quoted_letters_signature_in_the_text_is_a_line_of_the_quotation() -> None:
    # frus1864p3 d658: a letter quoted in a despatch, which goes on after it
    doc = parse(
        f"{HEAD}“My Dear Sir: Mr. Adkins writes to me on the decrease of rowdyism.\n\n"
        "“Yours, sincerely,\n\n“FREDERICK W. A. BRUCE.”\n\n"
        "The French admiral stated the same thing to me.\n\n"
        "I have the honor to be, sir, your obedient servant,\n\nANSON BURLINGAME.\n"
    )
    closers_ = [plain(b.content) for b in doc.blocks if isinstance(b, Closer)]
    assert closers_ == ["ANSON BURLINGAME."]


def test_for_whom_the_name_signs_on_the_line_under_it_is_part_of_the_closer() -> None:
    # frus1919Parisv11 d278: "James A. Malcolm" then "For the Armenian National Delegation"
    doc = parse(
        f"{HEAD}I have [etc.]\n\nJames A. Malcolm\n\nFor the Armenian National Delegation\n"
    )
    closers_ = [b for b in doc.blocks if isinstance(b, Closer)]
    assert len(closers_) == 1
    assert plain(closers_[0].content).endswith("For the Armenian National Delegation")


def test_a_title_in_sentence_case_under_the_signatures_heads_the_next_paper() -> None:
    # frus1897 d305: the delegates' letter, then the statement they signed
    doc = parse(
        f"{HEAD}Very respectfully, yours,\n\nCharles Sumner Hamlin.\nDavid Starr Jordan.\n\n"
        "Joint statement of conclusions respecting the fur-seal herd frequenting the "
        "Pribilof Islands in Bering Sea.\n\nThe undersigned, duly empowered delegates, met.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment) and isinstance(attachment.blocks[0], Heading)
    assert plain(attachment.blocks[0].content).startswith("Joint statement")
    # a sentence of the text that opens with the kind of paper stays in the postscript
    text = parse(
        f"{HEAD}I have, etc.,\n\nRichard Olney.\n\nThe statement was read to him.\n\nEnd.\n"
    )
    assert not any(isinstance(b, Attachment) for b in text.blocks)


def test_a_label_in_brackets_over_a_title_is_the_source_note_of_its_annex() -> None:
    # frus1917Supp02v02 d17: ``[Annex 1]`` then the annex's title (its head)
    text = (
        f"{HEAD}Respectfully submitted,\n\n[E. E. Pratt]\n\n[Annex 1]\n\n"
        "Memorandum on the Coal Policy at Present Adopted by the British Authorities\n\n"
        "The basis of the coal policy is a prohibition of the export of British coal.\n"
    )
    result = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    attachment = result.document.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks] == ["SourceNote", "Heading", "Paragraph"]
    assert "CC161" in [d.code for d in result.diagnostics]
    # frus1955-57v02 d1: ``[Tab A]`` over a line in capitals is the head itself
    tab = convert_source(
        Source.from_text(
            f"{HEAD}John Foster Dulles\n\n[Tab A]\n\nPARAGRAPH 5–G\n\n(1) Issue a directive.\n",
            "t.txt",
        ),
        stem="t1",
    )
    attachment = tab.document.blocks[-1]
    assert isinstance(attachment, Attachment) and isinstance(attachment.blocks[0], Heading)
    assert plain(attachment.blocks[0].content) == "[Tab A]"
    assert "CC161" not in [d.code for d in tab.diagnostics]


def test_several_signers_in_one_block_each_with_an_office_are_a_list() -> None:
    # frus1897 d589, d587, d85, frus1901 d246, frus1872p2v4 d2: FRUS TEI's
    # closer/signed/list, one item a signer with the office under the name
    for block, items in (
        (
            "Deucher,\nThe President of the Confederation.\n"
            "Riugier,\nThe Chancellor of the Confederation.",
            [
                "Deucher,\nThe President of the Confederation.",
                "Riugier,\nThe Chancellor of the Confederation.",
            ],
        ),
        ("John Hay,\nJ. N. Léger.", ["John Hay,", "J. N. Léger."]),
        (
            "E. A. Alford,\nE. A. Probts,\nF. Anderson,\nMembers Sectional Committee.",
            ["E. A. Alford,", "E. A. Probts,", "F. Anderson,\nMembers Sectional Committee."],
        ),
    ):
        last = parse(f"{HEAD}Receive, etc.,\n\n{block}\n").blocks[-1]
        assert isinstance(last, ListBlock) and last.role == "signers", block
        assert [plain(item) for item in last.items if isinstance(item, tuple)] == items
    # under a name left open on a comma, two words are its office (frus1897
    # d18 ``Ira E. Robinson,⏎Prosecuting Attorney.``, frus1901 d324)
    for block in ("Ira E. Robinson,\nProsecuting Attorney.", "Busca,\nThe Collector-General."):
        assert isinstance(parse(f"{HEAD}I am, etc.,\n\n{block}\n").blocks[-1], Closer), block


def test_for_whom_the_name_under_it_signs_on_a_stop_is_a_paragraph() -> None:
    # frus1882 d32 ``For the Governor José Ma Tuz.`` over ``SALVADOR PERERA.``,
    # frus1872p2v5 d134 ``For the Chancellor of the Empire.``: 9 of 9 such
    # lines a paragraph; on a colon the line is the closer's (frus1934v05)
    for line in ("For the Governor José Ma Tuz.", "For the Chancellor of the Empire."):
        doc = parse(f"{HEAD}This is all I have to report.\n\n{line}\n\nSALVADOR PERERA.\n")
        assert tail(doc.blocks, 2) == [("Paragraph", line), ("Closer", "SALVADOR PERERA.")]
    assert not is_signature(one("(In the absence of Earl Granville)."))
    assert is_signature(one("Fornandez Gomez."))


def test_signers_each_with_the_office_on_the_names_line_are_a_list() -> None:
    # frus1894Nicaragua d97: ``J. S. Lampton, Planter.⏎Geo. B. Wiltbank, Planter.``
    block = "J. S. Lampton, Planter.\nGeo. B. Wiltbank, Planter."
    last = parse(f"{HEAD}We are, etc.,\n\n{block}\n").blocks[-1]
    assert isinstance(last, ListBlock) and last.role == "signers"
    assert [plain(item) for item in last.items if isinstance(item, tuple)] == block.split("\n")


def test_a_signature_over_an_editors_note_of_several_paragraphs_signs() -> None:
    # frus1917Supp02v02 d287: ``Sharp`` over ``[Regarding the negotiations
    # …:`` … ``… post, page 1185.]``, the note's bracket closed only on its
    # last paragraph; no CC136 (the text does not go on, the editors' note does)
    note = (
        "[Regarding the negotiations with the Swiss representatives at Washington, "
        "the following statement was made by Dr. A. E. Taylor:\n\n"
        "When the Swiss Minister expressed the desire, the delegates of the [War Trade] "
        "Board decided.\n\nOn October 26, 1917, the Board presented a memorandum.]\n"
    )
    text = f"{HEAD}The Foreign Office adds nothing.\n\nSharp\n\n{note}"
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    closers_ = [b for b in converted.document.blocks if isinstance(b, Closer)]
    assert [plain(c.content) for c in closers_] == ["Sharp"]
    assert "CC136" not in [d.code for d in converted.diagnostics]
    # closed on its first paragraph, the note is one of several paragraphs after
    # the name, which then does not sign
    closed = note.replace("Taylor:", "Taylor.]").replace("1917, the Board", "1917, [the Board")
    doc = parse(f"{HEAD}The Foreign Office adds nothing.\n\nSharp\n\n{closed}")
    assert not [b for b in doc.blocks if isinstance(b, Closer)]


def test_a_name_with_its_surname_in_lower_case_under_for_whom_it_signs_signs() -> None:
    # frus1934v05 d33: ``For the Ambassador:⏎Robert M. scotten⏎Counselor of
    # Embassy``, one closer, the name (as typed) signed, not the office
    text = (
        f"{HEAD}Respectfully yours,\n\nFor the Ambassador:\n\nRobert M. scotten\n\n"
        "Counselor of Embassy\n"
    )
    last = parse(text).blocks[-1]
    assert isinstance(last, Closer)
    assert plain(last.content).startswith("For the Ambassador:")
    assert [plain(last.content[s:e]) for _, s, e in last.parts] == ["Robert M. scotten"]


def test_a_seal_over_a_name_signs_in_the_middle_of_the_papers() -> None:
    # frus1882 d355, frus1897 d167, frus1902app1: a block that opens with the
    # mark of a seal (``[seal.]``, ``[Seal of …]``, ``(Signed)``) over a name
    # and its offices is a closer wherever it stands (98 of 98 in the corpus)
    text = (
        f"{HEAD}I hereby protest against the payment.\n\n[seal.]\nHENRY BESTE.\n\n"
        "Done and protested at the city of New York, before me.\n\n"
        "[Seal of the Department of State,\nUnited States of America.]\nJohn Hay.\n\n"
        "(Signed)\nM. Webber, Collector. [seal.]\n\n"
        "City and County of New York, ss:\n\nI do certify the foregoing.\n"
    )
    doc = parse(text)
    closed = [plain(b.content) for b in doc.blocks if isinstance(b, Closer)]
    assert closed == [
        "[seal.]\nHENRY BESTE.",
        "[Seal of the Department of State,\nUnited States of America.]\nJohn Hay.",
        "(Signed)\nM. Webber, Collector. [seal.]",
    ]
    signed = [b for b in doc.blocks if isinstance(b, Closer)][1]
    (part,) = signed.signature_parts()
    assert plain(signed.content[part[1] : part[2]]) == "John Hay."
    # a seal is the officer's, no guess: neither CC136 nor CC141 is said
    assert not {"CC136", "CC141"} & set(codes(text))
    # a seal over a sentence is no signature
    broken = parse(text.replace("HENRY BESTE.", "The seal is broken."))
    assert "[seal.]\nThe seal is broken." not in [
        plain(b.content) for b in broken.blocks if isinstance(b, Closer)
    ]


def test_a_name_by_a_formula_of_the_papers_of_a_suit_signs() -> None:
    # frus1902app1 d16, d5: the oath over the deponent's name, the clerk's
    # filing note under or over a signature, the jurat under the deponent's
    # name or over the officer's: the name is a closer where it stands
    text = (
        f"{HEAD}The cargo is truly intended to be used in whaling. So help me God.\n\n"
        "Thomas Scullun, Master.\n\nSworn to before me this 7th day of December, 1891.\n\n"
        "W. P. Saxe, Bond Clerk.\n\nThe libellant prays for a warrant.\n\n"
        "C. S. Mereiwether, Proctor for Libellant.\n\nFiled February 18, 1896.\n\n"
        "L. B. Moseley, Clerk,\nPer C. Phelps, Deputy Clerk.\n\nThe marshal made his return.\n"
    )
    doc = parse(text)
    closed = [plain(b.content) for b in doc.blocks if isinstance(b, Closer)]
    assert closed == [
        "Thomas Scullun, Master.",
        "W. P. Saxe, Bond Clerk.",
        "C. S. Mereiwether, Proctor for Libellant.",
        "L. B. Moseley, Clerk,\nPer C. Phelps, Deputy Clerk.",
    ]
    # the officer's name under the jurat is a guess (12 of 15): CC138
    assert codes(text).count("CC138") == 1
    # with no formula beside it the name is a line of the text
    plain_text = text.replace("Filed February 18, 1896.", "The court granted it.")
    assert "C. S. Mereiwether, Proctor for Libellant." not in [
        plain(b.content) for b in parse(plain_text).blocks if isinstance(b, Closer)
    ]


def test_a_name_under_the_teste_or_the_date_of_a_paper_of_a_suit_signs() -> None:
    # frus1902app1 d11, d16: the clause of an officer's hand or the teste of
    # a writ over the name, the paragraph ending on the day the paper is made
    # (a marshal's return), the note that a writ was received on its date
    text = (
        f"{HEAD}The deponent claims damages.\n\n"
        "Witness my signature at my office in Mississippi City, Miss., the 19th day of "
        "February, A. D. 1896.\n\nT. V. Noland, Attorney at Law.\n\n"
        "The court ordered the arrest.\n\n"
        "Witness the Hon. H. C. Niles, judge of said court, and in the one hundred and "
        "twentieth year of the independence of the United States.\n\n"
        "L. B. Moseley, Clerk,\nPer C. Phelps, Deputy Clerk.\n\n"
        "Executed by arresting the within named G. I. Dahlberg, this 10th day of "
        "February, A. D. 1896.\n\nJ. S. McNeily, United States Marshal.\n\n"
        "Received February 18, 1896.\n\nE. Sugden, Deputy Marshal.\n\n"
        "The marshal made his return.\n"
    )
    closed = [plain(b.content) for b in parse(text).blocks if isinstance(b, Closer)]
    assert closed == [
        "T. V. Noland, Attorney at Law.",
        "L. B. Moseley, Clerk,\nPer C. Phelps, Deputy Clerk.",
        "J. S. McNeily, United States Marshal.",
        "E. Sugden, Deputy Marshal.",
    ]
    # ``Witness:`` over a name, a date not of the day a paper is made: text
    other = (
        text.replace("Witness my signature at", "Witnesses:")
        .replace("this 10th day of February, A. D. 1896.", "on February 10.")
        .replace("Received February 18, 1896.", "The writ was received.")
    )
    closed = [plain(b.content) for b in parse(other).blocks if isinstance(b, Closer)]
    assert "T. V. Noland, Attorney at Law." not in closed
    assert "J. S. McNeily, United States Marshal." not in closed


def test_the_dateline_of_the_next_letter_under_a_signature_starts_it() -> None:
    # frus1902app1 d23: a letter printed under the signature of the one
    # before, with its place and date and no note: an attachment, warned (CC139)
    text = (
        f"{HEAD}Very respectfully,\n\nHolmes Conrad, Acting Attorney-General.\n\n"
        "Mississippi City, Miss., May 16, 1896.\n\nSir: Referring to your instructions.\n\n"
        "Very respectfully,\n\nWilloughby Newton,\nExaminer, Department of Justice.\n"
    )
    doc = parse(text)
    (att,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert isinstance(att.blocks[0], Dateline)
    assert plain(att.blocks[0].content) == "Mississippi City, Miss., May 16, 1896."
    assert codes(text).count("CC139") == 1
    # under a title the place and date are a paragraph of the letter before
    title = "Copy of a letter from the secretary to the lords."
    titled = text.replace("Mississippi City,", f"{title}\n\nMississippi City,")
    assert not any(isinstance(b, Attachment) for b in parse(titled).blocks)


def test_names_over_offices_after_a_comma_sign() -> None:
    """The office printed on the line after the name, from its comma
    (frus1925v02 d5): one closer, each name signed."""
    doc = parse(
        f"{HEAD}Resolved, That the Senate advise and consent.\n\nAttest:\n\n"
        "George A. Sanderson\n, Secretary\nBy\nH. W. Craven\n, Chief Clerk\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    assert [plain(last.content[s:e]) for _, s, e in last.signature_parts()] == [
        "George A. Sanderson",
        "H. W. Craven",
    ]


def test_a_name_under_the_clause_that_signs_the_paper_is_a_closer() -> None:
    """``Signed and delivered …`` over a name: the name signs, even with
    more text after it (frus1925v02 d593, a procès-verbal signed twice)."""
    doc = parse(
        f"{HEAD}All the said archives are transferred.\n\n"
        "Signed and delivered in two copies whereof each of the parties have kept one.—\n\n"
        "Mark L. Bristol\n\nConstantinople, July 16, 1925.\n\n"
        "Signed at the Swedish Legation at Constantinople July 18th 1925\n\n"
        "G. O. Wallenberg\n"
    )
    closers = [b for b in doc.blocks if isinstance(b, Closer)]
    assert [signed_text(b) for b in closers] == ["Mark L. Bristol", "G. O. Wallenberg"]


def test_a_name_in_capitals_signs_with_the_etceteras_of_its_titles() -> None:
    """``&c., &c., &c.`` ends a complimentary close, and the titles of a
    signer whose name is in capitals too (frus1864p3 d597)."""
    doc = parse(
        f"{HEAD}The consul avails himself of this opportunity, &c., &c., &c.\n\n"
        "PERRY, American Consul, &c., &c., &c.\n\n"
        "Yoke, Imperial Collector of Customs, &c., &c.\n"
    )
    closers = [b for b in doc.blocks if isinstance(b, Closer)]
    assert [plain(b.content) for b in closers] == ["PERRY, American Consul, &c., &c., &c."]
    assert isinstance(doc.blocks[-1], Paragraph)


def test_initials_under_a_true_copy_sign_and_are_no_addressee() -> None:
    """``M. C. Matus.`` is a name's initials, not ``M.`` (Monsieur) before a
    surname: under the true copy after the signature it signs
    (frus1894Nicaragua d31)."""
    doc = parse(
        f"{HEAD}With grief the executive power has been informed of the wound.\n\n"
        "The Minister of the Interior by the law,\n\nMatus.\n\n"
        "This is a true copy. Managua, April 3, 1894.\n\nM. C. Matus.\n"
    )
    assert [plain(b.content) for b in doc.blocks if isinstance(b, Closer)] == [
        "Matus.",
        "M. C. Matus.",
    ]
    assert is_addressee(one("M. Romero, Minister of Mexico."))
    assert not is_addressee(one("M. C. Matus."))


def test_the_parties_and_their_plenipotentiaries_pair_into_items() -> None:
    """A treaty's preamble: each party over the plenipotentiary it names,
    both lines left open on a colon; one item a pair (frus1925v02 d172)."""
    doc = parse(
        f"{HEAD}The President and His Britannic Majesty have named as their plenipotentiaries:—\n\n"
        "The President of the United States of America:\n"
        "His Excellency the Honourable Frank B. Kellogg, Ambassador at London:\n"
        "His Majesty the King of the United Kingdom:\n"
        "The Right Honourable Joseph Austen Chamberlain, M. P., Secretary of State:\n\n"
        "who have agreed as follows:\n"
    )
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(items.items) == 2
    assert plain(items.items[1]).startswith("His Majesty the King of the United Kingdom:\n")


def test_a_lead_over_the_name_in_one_block_is_the_closer_the_rest_signed() -> None:
    """``Attest:`` (frus1882 d117), ``By order of:`` (frus1894Nicaragua d38)
    on the signature's first line: one closer, the lead not signed."""
    doc = parse(
        f"{HEAD}Resolved, That the President be requested.\n\nAttest:\nEdward McPHERSON,\nClerk.\n"
    )
    last = doc.blocks[-1]
    assert isinstance(last, Closer)
    assert signed_text(last) == "Edward McPHERSON,\nClerk."
    assert plain(last.content).startswith("Attest:\n")
    doc = parse(f"{HEAD}Attest:\nthe minutes of the meeting.\n")
    assert not isinstance(doc.blocks[-1], Closer)


def test_sealed_signatories_of_a_treaty_in_the_text_are_paragraphs() -> None:
    """A treaty printed in its proclamation: the names with ``[seal.]``
    under the clause that signs it are paragraphs when the proclamation
    goes on after them (frus1902app1 d10), closers when the paper ends
    there (frus1864p3 d662)."""
    treaty = (
        f"{HEAD}The agreement shall remain in force.\n\n"
        "Signed and sealed in duplicate at Washington, this fifteenth day of June 1891.\n\n"
        "William F. Wharton [seal.]\n\nJulian Pauncefote [seal.]\n\n"
    )
    doc = parse(treaty + "Now, therefore, be it known that I have caused it to be made public.\n")
    assert not [b for b in doc.blocks if isinstance(b, Closer)]
    doc = parse(treaty)
    assert signed_text(next(b for b in doc.blocks if isinstance(b, Closer))) == (
        "William F. Wharton [seal.]"
    )


def test_a_list_under_the_date_after_a_signature_is_the_next_paper() -> None:
    """``List of papers.`` under a signature and the place and date of the
    paper (frus1902app1 d10): the head of the next paper."""
    doc = parse(
        f"{HEAD}The case should be submitted to Congress.\n\nRespectfully submitted.\n\n"
        "John Sherman.\n\nDepartment of State,\nWashington, April 25, 1898.\n\n"
        "List of papers.\n\n"
        "Memorandum filed by Russian legation, March 16, 1896.\n"
        "Mr. Olney to Mr. Harmon, March 17, 1896.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert plain(attachment.blocks[0].content) == "List of papers."


def test_a_name_over_the_next_exhibit_s_label_in_capitals_signs() -> None:
    """``Foster.`` over ``EXHIBIT C C.`` (frus1902app1 d33): the label in
    capitals heads the next paper, it is no cosigner, so the name signs."""
    doc = parse(
        f"{HEAD}EXHIBIT B B.\n\nTelegram of Mr. John W. Foster to Mr. White.\n\n"
        "We have learned with deepest disappointment of the proposals.\n\nFoster.\n\n"
        "EXHIBIT C C.\n\nNote of the Russian Minister.\n\nThe text.\n"
    )
    first = doc.blocks[-2]
    assert isinstance(first, Attachment)
    assert isinstance(first.blocks[-1], Closer)
    assert plain(first.blocks[-1].content) == "Foster."
    assert not is_cosigner(one("EXHIBIT C C."))


def test_a_place_and_date_run_on_into_the_addressee_is_a_paragraph() -> None:
    """``Department of State, Washington, March 30, 1894. Andrew D. White,
    Esq., etc., St. Petersburg.`` under an exhibit's label (frus1902app1
    d33): a paragraph, not the paper's dateline."""
    doc = parse(
        f"{HEAD}EXHIBIT G G.\n\n"
        "Department of State, Washington, March 30, 1894. Andrew D. White, Esq., etc., "
        "St. Petersburg.\n\nOn the 9th instant I answered your dispatch.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert not [b for b in attachment.blocks if isinstance(b, Dateline)]
    assert plain(attachment.blocks[1].content).startswith("Department of State, Washington,")


def test_the_clause_that_signs_over_the_seal_and_the_name_is_one_closer() -> None:
    """``Given under my hand and official seal.⏎[seal.]⏎James C. Hitch,⏎
    Deputy Collector.`` (frus1902app1 d3): one closer, the name signed."""
    doc = parse(
        f"{HEAD}The vessel is owned as above.\n\n"
        "Given under my hand and official seal.\n[seal.]\nJames C. Hitch,\nDeputy Collector.\n\n"
        "EXHIBIT B.\n\nCopy of certificate of registry.\n\nThe text.\n"
    )
    (closer,) = [b for b in doc.blocks if isinstance(b, Closer)]
    assert signed_text(closer) == "James C. Hitch,\nDeputy Collector."


def test_under_an_exhibit_s_label_only_a_note_of_the_kind_of_copy_is_its_source() -> None:
    """``[Translation.]`` under ``EXHIBIT I.`` is the exhibit's source
    note; ``[Temporary register No. 34.—Official number: …]`` under
    ``EXHIBIT B.`` is the paper's own line, a paragraph (frus1902app1 d3)."""
    for note, kind in (
        ("[Translation.]", SourceNote),
        ("[Temporary register No. 34.—Official number: Numerals 46 14: letters H. D.]", Paragraph),
    ):
        doc = parse(
            f"{HEAD}EXHIBIT B.\n\n{note}\n\nCopy of certificate of registry.\n\nThe text.\n"
        )
        attachment = doc.blocks[-1]
        assert isinstance(attachment, Attachment)
        assert isinstance(attachment.blocks[1], kind), note


OATH = (
    f"{HEAD}I, Thomas Scullan, master of the said bark, do solemnly swear that the within "
    "list contains the names of all the crew.\n\n"
)


def test_the_officer_under_the_jurat_signs_though_he_reads_as_an_addressee() -> None:
    """``M. Webber,⏎Deputy Collector.`` under ``Sworn to and subscribed …``
    (frus1902app1 d3): ``M.`` is no Monsieur here, the officer signs."""
    doc = parse(
        f"{OATH}Thomas Scullun, Master.\n\n"
        "Sworn to and subscribed this 7th day of December, 1891, before me.\n\n"
        "M. Webber,\nDeputy Collector.\n\n[General customs regulations of 1884, art. 192.]\n\n"
        "I do certify that the within is a true copy.\n"
    )
    signed = [plain(b.content) for b in doc.blocks if isinstance(b, Closer)]
    assert signed == ["Thomas Scullun, Master.", "M. Webber,\nDeputy Collector."]


def test_the_port_under_the_master_s_name_over_the_jurat_is_in_his_closer() -> None:
    """``Thomas Scullun, Master.`` then ``Port of San Francisco.`` then the
    jurat (frus1902app1 d3): one closer, the name signed."""
    doc = parse(
        f"{OATH}Thomas Scullun, Master.\n\nPort of San Francisco.\n\n"
        "Sworn to and subscribed this 7th day of December, 1891, before me.\n\n"
        "M. Webber,\nDeputy Collector.\n"
    )
    first = next(b for b in doc.blocks if isinstance(b, Closer))
    assert plain(first.content) == "Thomas Scullun, Master.\n\nPort of San Francisco."
    assert signed_text(first) == "Thomas Scullun, Master."


def test_initials_under_a_signature_close_it_with_the_next_paper_under_them() -> None:
    """``M. Webber, Deputy Collector.`` then ``(Initialed.)⏎A. W. B.`` then
    the master's oath (frus1902app1 d3, d5): one closer, though text follows."""
    doc = parse(
        f"{HEAD}I hereby certify the above to be a true copy of the original.\n\n"
        "M. Webber, Deputy Collector.\n\n(Initialed.)\nA. W. B.\n\n"
        "I, Thomas Scullan, master of the said bark, do solemnly swear to the list.\n\n"
        "Thomas Scullun, Master.\n"
    )
    first = next(b for b in doc.blocks if isinstance(b, Closer))
    assert plain(first.content) == "M. Webber, Deputy Collector.\n\n(Initialed.)\nA. W. B."


def test_a_second_seal_alone_over_signers_joins_the_sealed_signature() -> None:
    """``[Place for seal of naval officer.]⏎Stuart Taylor.``, ``[Place for
    seal of collector.]``, then two names over their offices (frus1902app1
    d3, a certificate of registry): one closer."""
    doc = parse(
        f"{HEAD}Given under my hand and seal at the port of San Francisco this 30th day.\n\n"
        "[Place for seal of naval officer.]\nStuart Taylor.\n\n[Place for seal of collector.]\n\n"
        "Jno. S. Hager,\nCollector of Customs.\nCharles B. Morton,\nCommissioner of Navigation.\n\n"
        "[Seal of the United States Treasury.]\n\nI certify the above to be a true copy.\n"
    )
    closer = next(b for b in doc.blocks if isinstance(b, Closer))
    assert plain(closer.content).startswith("[Place for seal of naval officer.]\nStuart Taylor.")
    assert plain(closer.content).endswith("Charles B. Morton,\nCommissioner of Navigation.")
