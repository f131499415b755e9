"""Every letter, in Chromium: the whole journey a GP makes, for each of the sixteen.

Fill every field (one with markup in it), tick every task, copy the letter,
copy it for the LMC, and print it: the typed values reach the letter and the
clipboard as text, identifying fields become [removed] in the LMC copy, no
field is left as a [Label], and the letter prints on one or two A4 pages.
"""
import io

import pytest
from pypdf import PdfReader

from macros.letters import letter_fields, load_letters, standard_fields

pytestmark = pytest.mark.browser
LETTERS = load_letters()
MARKUP = "<b>Jo</b> & <img src=x onerror=alert(1)>"


def values(letter):
    """A distinct value for every field of the letter; the first text field carries markup."""
    fields = [f for f in letter_fields(letter, letter.id, standard_fields()) if f.name != "date"]
    typed = {f.name: f"{f.label} {i} value" for i, f in enumerate(fields)}
    if fields:
        typed[fields[0].name] = MARKUP
    return typed


def clipboard_text(page):
    return page.evaluate(
        """async () => {
            for (const item of await navigator.clipboard.read()) {
                if (item.types.includes('text/plain')) return await (await item.getType('text/plain')).text();
            }
            return null;
        }"""
    )


@pytest.mark.parametrize("letter_id", sorted(LETTERS))
def test_fill_copy_copy_for_the_lmc_and_print(clipboard_page, letter_id):
    letter = LETTERS[letter_id]
    page = clipboard_page(f"letters/{letter_id}.html")
    for box in page.locator("input[data-variant]").all():
        box.check()
    typed = values(letter)
    for name, value in typed.items():
        page.fill(f"#field-{name}", value)
    sheet = page.locator(".swp-letter")
    text = sheet.inner_text()
    for value in typed.values():
        assert value in text, f"{letter_id}: {value!r} missing from the letter"
    assert sheet.locator("img, b").count() == 0 and page.dialogs == []
    leftover = [f.label for f in letter_fields(letter, letter_id, standard_fields()) if f"[{f.label}]" in text]
    assert not leftover, f"{letter_id}: still shows {leftover}"

    page.click("button[data-action=copy]")
    page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('copied')")
    copied = clipboard_text(page)
    assert all(value in copied for value in typed.values()), letter_id
    identifying = {f.name for f in letter_fields(letter, letter_id, standard_fields()) if f.identifying}
    if identifying:
        page.click("button[data-action=copy-lmc]")
        page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('LMC')")
        for_lmc = clipboard_text(page)
        for name in identifying:
            assert typed[name] not in for_lmc, f"{letter_id}: {name} reached the LMC copy"
        assert "[removed]" in for_lmc
    else:
        assert page.locator("button[data-action=copy-lmc]").count() == 0

    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2, f"{letter_id}: {len(pdf.pages)} pages"
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert "Fill in the letter" not in printed and letter.closing in printed
