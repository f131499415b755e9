"""The corrected letters as a GP files them: the Word file made in the page carries the
corrections (issue 25, points 2 and 9; issue 32, point 13), and never the wrong wording."""
from __future__ import annotations

import pytest

from tests.browser.test_word_browser import open_letter
from tests.build.test_corrections_built import CLINICIAN_CHECKED
from tests.helpers import docx_text, download_word

pytestmark = pytest.mark.browser

EXPECTED = {
    "record-access": [
        "A test result appears once it has been checked and filed by the practice.",
        "before a doctor or nurse has looked at it",
    ],
    "flying-pregnant": [
        "others require a doctor's signature and medical registration number",
        "Jane Doe should check with the airline who must sign it.",
        "Jane Doe should contact the maternity unit straight away",
        "call 999",
    ],
}


@pytest.mark.parametrize("letter_id", sorted(EXPECTED))
def test_word_file_carries_the_corrected_wording(browser, site_urls, letter_id):
    context, page = open_letter(browser, site_urls["http"], letter_id)
    if page.locator("#field-patient_name").count():
        page.fill("#field-patient_name", "Jane Doe")
    text = " ".join(docx_text(download_word(page).path()).split())
    for phrase in EXPECTED[letter_id]:
        assert phrase in text, phrase
    assert not CLINICIAN_CHECKED.search(text)
    context.close()
