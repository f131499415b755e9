"""Printing as a user does: `chromium --headless --print-to-pdf` keeps the browser's
default header and footer settings (date, page title, address, page numbers).

The site's print stylesheet defines @page margin boxes, which make Chromium
leave its own header and footer out: a letter posted to a council or a poster
on a waiting-room wall never shows the intranet's address. The margins stay
right on every page, the letter's second page included.
"""
from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_patients_browser import WORKBOOK_PAGES

pytestmark = pytest.mark.browser
MM = 72 / 25.4  # PDF points per millimetre
# (page, allowed page counts, margin in mm at the top and left of every page)
PRINTED = {
    "letters/trust-tasks.html": (range(1, 3), 18, 20),
    "posters/hospital.html": (range(1, 2), 12, 12),
    "patients/workbook.html": (range(WORKBOOK_PAGES, WORKBOOK_PAGES + 1), 18, 20),
    # Before any report is chosen the combine page prints as a page (its one-page summary, once
    # reports are read, is printed in tests/browser/test_combine_browser.py): no address either way.
    "support/combine-reports.html": (range(1, 6), 18, 20),
}
DATE_STAMP = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\s?[AP]M\b")


def print_to_pdf(url: str, target, profile) -> PdfReader:
    subprocess.run(
        [CHROMIUM, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}", url],
        check=True, capture_output=True, timeout=120,
    )
    return PdfReader(str(target))


def text_boxes(page) -> list[tuple[float, float]]:
    """(x, y) of every piece of text on a PDF page, in points from the bottom left."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("mode", ["http", "file"])
@pytest.mark.parametrize("path", sorted(PRINTED))
def test_default_print_shows_no_address_date_or_title_and_keeps_its_margins(path, mode, site_urls, tmp_path):
    pages, top, left = PRINTED[path]
    url = site_urls[mode] + path
    pdf = print_to_pdf(url, tmp_path / "printed.pdf", tmp_path / "profile")
    assert len(pdf.pages) in pages, f"{path}: {len(pdf.pages)} pages"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert url not in text and "127.0.0.1" not in text and "file:" not in text and ".html" not in text
    assert not DATE_STAMP.search(text), DATE_STAMP.search(text).group(0)
    assert not re.search(r"\b1/\d\b", text), "no page numbers"
    for number, page in enumerate(pdf.pages, start=1):
        height = float(page.mediabox.height)
        boxes = text_boxes(page)
        assert boxes, f"{path}: page {number} is empty"
        highest = max(y for _, y in boxes)
        leftmost = min(x for x, _ in boxes)
        assert height - highest >= (top - 1) * MM, f"{path}: page {number} text starts {(height - highest) / MM:.0f} mm from the top"
        assert leftmost >= (left - 1) * MM, f"{path}: page {number} text starts {leftmost / MM:.0f} mm from the left"
