"""Posters in a real browser: exactly one page at A4 and A3, practice name as text."""
import io

import pytest
from pypdf import PdfReader

from macros.content.posters import load_posters
from tests.helpers import PROJECT, build_site

pytestmark = pytest.mark.browser
SIZES = {"a4": (210, 297), "a3": (297, 420)}


@pytest.fixture(scope="module")
def site_with_qr(tmp_path_factory):
    """Posters are printed with their QR code, the tallest case."""
    target = tmp_path_factory.mktemp("site-qr")
    result = build_site(PROJECT, target, env={"SITE_URL": "https://intranet.example.nhs.uk/safe-working/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def pdf_of(page):
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


@pytest.mark.parametrize("poster_id", sorted(load_posters()))
def test_poster_prints_on_exactly_one_page_at_a4_and_a3(poster_id, site_with_qr, browser):
    page = browser.new_page()
    page.goto((site_with_qr / "posters" / f"{poster_id}.html").as_uri())
    # Each version has its own sheet; only the chosen one (English here) is shown and printed.
    assert page.locator(".swp-poster:not([hidden]) .swp-poster__qr svg").count() == 1
    for size, millimetres in SIZES.items():
        page.check(f"#paper-{size}-{poster_id}")
        pdf = pdf_of(page)
        assert len(pdf.pages) == 1, f"{poster_id} at {size.upper()}: {len(pdf.pages)} pages"
        box = pdf.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == millimetres
        text = pdf.pages[0].extract_text()
        assert load_posters()[poster_id].call_to_action.split()[0] in text
        for chrome in ("Paper size", "Print poster", "Safe working pack", "Sources", "Last reviewed"):
            assert chrome not in text, f"{poster_id} at {size}: {chrome}"
    page.close()


def test_poster_type_is_large_enough_at_a4(site_urls, browser):
    page = browser.new_page()
    page.goto(site_urls["http"] + "posters/self-certify.html")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => ['.swp-poster__title', '.swp-poster__message', '.swp-poster__points li']
            .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize) * 0.75)"""
    )
    title, message, point = sizes
    assert title >= 59 and message >= 24 and point >= 24, sizes
    page.close()


def test_practice_name_is_inserted_as_text(site_urls, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site_urls["http"] + "posters/dental.html")
    typed = "<img src=x onerror=alert(1)> Riverside Surgery"
    page.fill("#field-practice_name", typed)
    for practice in page.locator(".swp-poster__practice").all():
        assert practice.inner_text() == typed
    assert page.locator(".swp-poster img").count() == 0
    assert dialogs == []
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert "Riverside" not in stored
    page.close()


CONTRAST = """(selector) => {
    const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const el = document.querySelector(selector);
    let bg = el, colour = getComputedStyle(el).backgroundColor;
    while (colour === 'rgba(0, 0, 0, 0)' && bg.parentElement) { bg = bg.parentElement; colour = getComputedStyle(bg).backgroundColor; }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(colour))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_poster_text_has_at_least_7_to_1_contrast(scheme, site_urls, browser):
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_urls["http"] + "posters/safe-care.html")
    page.fill("#field-practice_name", "Riverside Surgery")
    for selector in (".swp-poster__practice", ".swp-poster__title", ".swp-poster__message", ".swp-poster__points li", ".swp-poster__cta"):
        ratio = page.evaluate(CONTRAST, selector)
        assert ratio >= 7, f"{selector}: {ratio:.2f}:1"
    page.close()
