"""The workshop pack in a real browser: the invitation fills in and copies;
the workbook prints to its known number of A4 pages with no site chrome."""
import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser
WORKBOOK_PAGES = 5  # a cover page, then one page per exercise


@pytest.fixture
def invitation(clipboard_page):
    return clipboard_page("patients/invitation-template.html")


def test_invitation_fills_in_and_copies(invitation):
    invitation.fill("#field-practice_name", "Riverside Surgery")
    invitation.fill("#field-venue", "the community hall")
    invitation.fill("#field-group", "parents of young children")
    letter = invitation.locator(".swp-letter").inner_text()
    assert "Riverside Surgery" in letter and "the community hall" in letter and "[Date and time]" in letter
    invitation.click("button[data-action=copy]")
    invitation.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('copied')")
    text = invitation.evaluate("navigator.clipboard.readText()")
    assert "parents of young children" in text and "the community hall" in text


def test_text_message_version_fills_in_and_copies(invitation):
    invitation.fill("#field-practice_name", "Riverside Surgery")
    invitation.click("button[data-action=copy-sms]")
    invitation.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('Text message')")
    text = invitation.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Riverside Surgery") and "[Venue]" in text and "\n" not in text


@pytest.mark.parametrize("mode", ["http", "file"])
def test_workbook_prints_to_its_known_page_count_without_chrome(mode, browser, site_urls):
    page = browser.new_page()
    page.goto(site_urls[mode] + "patients/workbook.html")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == WORKBOOK_PAGES
    texts = [p.extract_text() for p in pdf.pages]
    for number, text in enumerate(texts[1:], start=1):
        assert f"Exercise {number}" in text
    everything = "\n".join(texts)
    for chrome in ("Safe working pack", "Working with patients", "Search", "Sources", "Last reviewed", "Previous", "Next"):
        assert chrome not in everything, chrome
    page.close()
