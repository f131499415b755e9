"""Every letter, in Chromium: the whole journey a GP makes, for each of the sixteen.

Fill every field (one with markup in it), tick every task, copy the letter,
copy it for the LMC, download it as Word, and print it: the typed values reach
the letter, the clipboard and the Word file as text, identifying fields become
[removed] in the LMC copy, no field is left as a [Label], the Word file says
what the page says (and ends with the sources as links), and the letter prints
on one or two A4 pages.
"""
import io

from docx import Document

import pytest
from pypdf import PdfReader

from macros.content.letters import letter_fields, load_letters, standard_fields
from tests.helpers import SCREEN_LETTER_TEXT, docx_text, download_word, words

pytestmark = pytest.mark.browser
LETTERS = load_letters()
MARKUP = "<b>Jo</b> & <img src=x onerror=alert(1)>"


def values(letter):
    """A distinct value for every field of the letter; the first text field carries markup."""
    fields = [f for f in letter_fields(letter, letter.id, standard_fields()) if f.name != "date"]
    typed = {f.name: f"{f.label} {i} value" for i, f in enumerate(fields)}
    for field in fields:
        if field.multiline:
            typed[field.name] = f"{field.label} line one\n{field.label} line two"
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
        for line in value.splitlines():
            assert line in text, f"{letter_id}: {line!r} missing from the letter"
    assert sheet.locator("img, b").count() == 0 and page.dialogs == []
    leftover = [f.label for f in letter_fields(letter, letter_id, standard_fields()) if f"[{f.label}]" in text]
    assert not leftover, f"{letter_id}: still shows {leftover}"

    page.click("button[data-action=copy]")
    page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('copied')")
    copied = clipboard_text(page)
    assert all(line in copied for value in typed.values() for line in value.splitlines()), letter_id
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

    download = download_word(page)
    in_word = docx_text(download.path())
    assert words(in_word) == words(page.evaluate(SCREEN_LETTER_TEXT)), f"{letter_id}: the Word file differs from the page"
    assert not [f.label for f in letter_fields(letter, letter_id, standard_fields()) if f"[{f.label}]" in in_word]
    document = Document(str(download.path()))
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    for source in letter.sources:
        assert source.citation(with_note=False) in in_word, f"{letter_id}: {source.title}"
        assert not source.note or source.note not in in_word, f"{letter_id}: notes are for the page, not the letter"
        assert source.url in links, f"{letter_id}: {source.url} is not a link"
    labels = [v.label for v in letter.variants]
    assert document.core_properties.title == letter.title + (": " + "; ".join(labels) if labels else "")
    assert document.core_properties.author == typed.get("practice_name", "Safe working pack")

    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2, f"{letter_id}: {len(pdf.pages)} pages"
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert "Fill in the letter" not in printed and letter.closing in printed
