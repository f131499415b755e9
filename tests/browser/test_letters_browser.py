"""Letters in a real browser: fill in, copy, copy for the LMC, safety, print."""
import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def letter_page(clipboard_page):
    """The DNA letter over http, with clipboard access granted."""
    return clipboard_page("letters/dna-discharge.html")


def slot_texts(page, name):
    return page.locator(f'.swp-letter .swp-slot[data-field="{name}"]').all_text_contents()


def clipboard(page, kind="text/plain"):
    return page.evaluate(
        """async (kind) => {
            const items = await navigator.clipboard.read();
            for (const item of items) {
                if (item.types.includes(kind)) return await (await item.getType(kind)).text();
            }
            return null;
        }""",
        kind,
    )


def test_typing_fills_the_letter_and_empty_fields_stay_labels(letter_page):
    assert slot_texts(letter_page, "patient_name")[0] == "[Patient name]"
    letter_page.fill("#field-patient_name", "Jane Doe")
    assert set(slot_texts(letter_page, "patient_name")) == {"Jane Doe"}
    letter_page.fill("#field-patient_name", "")
    assert set(slot_texts(letter_page, "patient_name")) == {"[Patient name]"}
    assert slot_texts(letter_page, "nhs_number") == ["[NHS number]"]


def test_date_defaults_to_today(letter_page):
    today = letter_page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert slot_texts(letter_page, "date") == [today]


def test_copy_letter_puts_the_filled_text_on_the_clipboard(letter_page):
    letter_page.fill("#field-patient_name", "Jane Doe")
    letter_page.fill("#field-organisation", "St Elsewhere NHS Trust")
    letter_page.click("button[data-action=copy]")
    letter_page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('copied')")
    text = clipboard(letter_page)
    assert "Jane Doe" in text and "St Elsewhere NHS Trust" in text
    assert "Dear " in text and "\n\n" in text and "<" not in text
    rich = clipboard(letter_page, "text/html")
    assert "Jane Doe" in rich and "<p>" in rich and "swp-slot" not in rich


def test_copy_for_the_lmc_removes_patient_identifiers(letter_page):
    letter_page.fill("#field-patient_name", "Jane Doe")
    letter_page.fill("#field-nhs_number", "943 476 5919")
    letter_page.fill("#field-date_of_birth", "1 April 1970")
    letter_page.fill("#field-organisation", "St Elsewhere NHS Trust")
    letter_page.click("button[data-action=copy-lmc]")
    letter_page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('LMC')")
    text = clipboard(letter_page)
    for identifier in ("Jane Doe", "943 476 5919", "1 April 1970"):
        assert identifier not in text
    assert "[removed]" in text and "St Elsewhere NHS Trust" in text
    # the letter on screen keeps the details
    assert "Jane Doe" in letter_page.locator(".swp-letter").inner_text()


def test_markup_typed_into_a_field_stays_text(letter_page):
    letter_page.fill("#field-patient_name", XSS)
    assert set(slot_texts(letter_page, "patient_name")) == {XSS}
    assert letter_page.locator(".swp-letter img").count() == 0
    letter_page.wait_for_timeout(200)
    assert letter_page.dialogs == []


def test_nothing_typed_is_stored_or_put_in_the_url(letter_page):
    url = letter_page.url
    letter_page.fill("#field-patient_name", "Jane Doe")
    letter_page.keyboard.press("Enter")
    letter_page.click("button[data-action=copy]")
    # Material keeps only its palette choice in localStorage; nothing typed may be stored.
    stored = letter_page.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )
    assert "Jane" not in stored, stored
    assert letter_page.evaluate("document.cookie") == ""
    assert letter_page.url == url and "Jane" not in letter_page.url


def test_task_link_ticks_only_that_task(browser, site_urls):
    page = browser.new_page()
    page.goto(site_urls["http"] + "letters/trust-tasks.html#task-fit-note")
    assert page.is_checked("#tick-fit-note")
    assert not page.is_checked("#tick-results")
    letter = page.locator(".swp-letter").inner_text()
    assert "fit note" in letter and "results of tests" not in letter
    page.check("#tick-results")
    assert "results of tests" in page.locator(".swp-letter").inner_text()
    page.close()


@pytest.mark.parametrize("mode", ["http", "file"])
def test_printing_a_letter_gives_one_or_two_a4_pages_with_only_the_letter(mode, browser, site_urls):
    page = browser.new_page()
    page.goto(site_urls[mode] + "letters/trust-tasks.html")
    for box in page.locator("input[data-variant]").all():
        box.check()
    page.fill("#field-patient_name", "Jane Doe")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Jane Doe" in text and "Yours sincerely" in text
    for chrome in ("Fill in the letter", "Copy for the LMC", "Template letters", "Search", "Last reviewed", "Before you send it"):
        assert chrome not in text, chrome
    # The letter's own sources print at its foot, with their addresses and without the page's notes.
    assert "Sources" in text and "https://www.lincslmc.co.uk/primarysecondarycareinterface" in text.replace("\n", "")
    page.close()
