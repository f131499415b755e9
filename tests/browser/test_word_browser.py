"""Word files made in the page: filled in or blank, from every way of opening the site.

Each test clicks the button a GP clicks, captures the download and reads it
with python-docx (and LibreOffice for the real-word-processor check).
"""
from __future__ import annotations

import datetime
import shutil
import subprocess
import zipfile
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from macros.content.letters import INVITATIONS_DIR, letter_fields, load_letters, standard_fields
from macros.pages.letters import FIELD_LIMITS
from tests.helpers import SCREEN_LETTER_TEXT, docx_text, download_word, words

pytestmark = pytest.mark.browser
LETTERS = load_letters()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NASTY = {
    "patient_name": "</w:t><w:t>x",
    "recipient_name": "Dr A & B <Partners>",
    "department": "<img src=x onerror=alert(1)>",
    # as long as a box takes (its maxlength)
    "organisation": ("Trust " + "long " * 399)[: FIELD_LIMITS["line"] - 3] + "end",
}


def open_letter(browser, base: str, letter_id: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.requests = []
    page.dialogs = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base + f"letters/{letter_id}.html")
    return context, page


def document_xml_texts(path) -> list[str]:
    """Every <w:t> of the main document, parsed as XML (a broken file fails here)."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    return [t.text or "" for t in root.iter(W + "t")]


@pytest.mark.parametrize("mode", ["http", "subpath", "file"])
def test_download_word_gives_the_filled_letter_and_nothing_leaves_the_page(mode, browser, site_urls):
    base = site_urls[mode]
    context, page = open_letter(browser, base, "housing")
    assert not [url for url in page.requests if url.endswith(("word.js", "fflate.min.js"))], "loaded before the click"
    typed = {"practice_name": "Riverside Surgery", "patient_name": "Jane Doe", "clinician_name": "Dr Sam Patel"}
    for name, value in typed.items():
        page.fill(f"#field-{name}", value)
    path = download_word(page).path()
    text = docx_text(path)
    for value in typed.values():
        assert value in text
    assert "[Patient name]" not in text and "[Practice name]" not in text
    assert "[Clinician role]" in text, "a field left empty stays as its [Label]"
    assert words(text) == words(page.evaluate(SCREEN_LETTER_TEXT))
    properties = Document(str(path)).core_properties
    assert properties.title == LETTERS["housing"].title
    assert properties.author == "Riverside Surgery" and properties.language == "en-GB"
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((now - properties.created).total_seconds()) < 300 and properties.modified == properties.created
    assert "Word file saved as housing.docx" in page.locator(".swp-status").inner_text()
    assert [url for url in page.requests if url.endswith(("word.js", "fflate.min.js"))], "loaded on the click"
    origin = urlsplit(base)
    outside = [url for url in page.requests if urlsplit(url).scheme not in ("data", "blob") and
               (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)]
    assert outside == []
    # Material keeps only its palette choice in localStorage; nothing typed may be stored.
    stored = page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])")
    assert not [value for value in typed.values() if value in stored], stored
    context.close()


def test_typed_markup_and_xml_stay_literal_text_in_a_valid_file(browser, site_urls):
    context, page = open_letter(browser, site_urls["http"], "trust-tasks")
    for name, value in NASTY.items():
        page.fill(f"#field-{name}", value)
    path = download_word(page).path()
    texts = document_xml_texts(path)
    joined = "".join(texts)
    for name, value in NASTY.items():
        assert value in joined, name
    assert any(t == NASTY["organisation"] for t in texts), "the longest value a box takes is one piece of text"
    text = docx_text(path)
    assert "</w:t><w:t>x" in text and "<img src=x onerror=alert(1)>" in text
    assert page.dialogs == []
    context.close()


def test_several_tasks_ticked_give_their_paragraphs_in_order_and_their_title(browser, site_urls):
    letter = LETTERS["trust-tasks"]
    chosen = [letter.variants[1], letter.variants[4], letter.variants[5]]
    context, page = open_letter(browser, site_urls["http"], "trust-tasks")
    for variant in chosen:
        page.check(f"#tick-{variant.id}")
    download = download_word(page)
    assert download.suggested_filename == "trust-tasks-" + "-".join(v.id for v in chosen) + ".docx"
    text = docx_text(download.path())
    positions = [text.index(v.body[0]) for v in chosen]
    assert positions == sorted(positions)
    for variant in letter.variants:
        if variant not in chosen:
            assert variant.body[0] not in text
    assert words(text) == words(page.evaluate(SCREEN_LETTER_TEXT))
    title = Document(str(download.path())).core_properties.title
    assert title == letter.title + ": " + "; ".join(v.label for v in chosen)
    context.close()


def test_blank_template_keeps_every_field_and_every_task(browser, site_urls):
    letter = LETTERS["trust-tasks"]
    context, page = open_letter(browser, site_urls["http"], "trust-tasks")
    page.fill("#field-patient_name", "Jane Doe")
    page.fill("#field-practice_name", "Riverside Surgery")
    download = download_word(page, "word-blank")
    assert download.suggested_filename == "trust-tasks-blank.docx"
    text = docx_text(download.path())
    assert "Jane Doe" not in text and "Riverside Surgery" not in text
    for field in letter_fields(letter, letter.id, standard_fields()):
        if field.name != "practice_address":
            assert f"[{field.label}]" in text, field.label
    for variant in letter.variants:
        assert variant.body[0] in text
    assert "Tick a box" not in text
    properties = Document(str(download.path())).core_properties
    assert properties.author == "Safe working pack" and properties.title == letter.title
    assert "Blank Word template saved" in page.locator(".swp-status").inner_text()
    context.close()


def test_practice_address_prints_top_right_or_leaves_room_for_letterhead(browser, site_urls):
    context, page = open_letter(browser, site_urls["http"], "sick-notes")
    empty = Document(str(download_word(page).path()))
    assert round(empty.sections[0].top_margin / Mm(1)) == 45
    page.fill("#field-practice_address", "Riverside Surgery\n1 River Road\nLondon E1 1AA")
    block = page.locator(".swp-letter__practice")
    assert block.is_visible() and block.inner_text().splitlines() == ["Riverside Surgery", "1 River Road", "London E1 1AA"]
    date = page.locator(".swp-letter__date")
    assert block.bounding_box()["y"] < date.bounding_box()["y"]
    filled = Document(str(download_word(page).path()))
    first = filled.paragraphs[0]
    assert first.text == "Riverside Surgery\n1 River Road\nLondon E1 1AA" and first.alignment == 2  # right
    assert round(filled.sections[0].top_margin / Mm(1)) == 20
    page.fill("#field-practice_address", "")
    assert not block.is_visible()
    context.close()


def test_the_invitation_downloads_as_word_too(browser, site_urls):
    invitation = load_letters(INVITATIONS_DIR)["invitation"]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site_urls["file"] + "patients/invitation-template.html")
    page.fill("#field-venue", "Riverside Surgery, meeting room")
    download = download_word(page)
    assert download.suggested_filename == "invitation.docx"
    text = docx_text(download.path())
    assert "Riverside Surgery, meeting room" in text and "[Venue]" not in text and "[Date and time]" in text
    assert words(text) == words(page.evaluate(SCREEN_LETTER_TEXT))
    assert Document(str(download.path())).core_properties.title == invitation.title
    assert "Sources" not in text, "an invitation's sources are for the organiser, on the page"
    context.close()


@pytest.fixture(scope="module")
def soffice():
    found = shutil.which("soffice")
    if not found:
        pytest.fail("LibreOffice is missing: run `make test`, which installs Debian's libreoffice-writer-nogui")
    return found


@pytest.mark.parametrize("action", ["word", "word-blank"])
def test_libreoffice_opens_the_word_file(action, browser, site_urls, soffice, tmp_path):
    context, page = open_letter(browser, site_urls["http"], "dna-discharge")
    page.fill("#field-patient_name", "Jane Doe")
    source = tmp_path / f"letter-{action}.docx"
    download_word(page, action).save_as(source)
    context.close()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )
    pdf_path = source.with_suffix(".pdf")
    assert pdf_path.is_file(), result.stdout + result.stderr
    pdf = PdfReader(str(pdf_path))
    assert 1 <= len(pdf.pages) <= 2
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    letter = LETTERS["dna-discharge"]
    assert letter.closing in text and " ".join(letter.body[-1].split()[:6]) in text
    assert ("Jane Doe" in text) == (action == "word") and ("[Patient name]" in text) == (action == "word-blank")


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)])
def test_the_actions_stay_in_reach_while_reading_the_letter(width, height, browser, site_urls):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_urls["http"] + "letters/trust-tasks.html")
    for box in page.locator("input[data-variant]").all():
        box.check()  # the longest letter
    toolbar = page.locator(".swp-toolbar")
    header = page.locator(".md-header").bounding_box()["height"]
    for where in (".swp-letter__subject", ".swp-letter__cc", ".swp-letter__sources li:last-child"):
        page.evaluate(f"document.querySelector('{where}').scrollIntoView({{block: 'end'}})")
        box = toolbar.bounding_box()
        assert header <= box["y"] and box["y"] + box["height"] <= height, (where, box)
        if where != ".swp-letter__subject":  # far down the letter: stuck under the site header
            assert box["y"] <= header + 1 and box["height"] <= height / 5, (where, box)
        for button in toolbar.locator("button").all():
            size = button.bounding_box()
            assert size["width"] >= 24 and size["height"] >= 24
            assert 0 <= size["x"] and size["x"] + size["width"] <= width, "every action is on screen"
    context.close()
