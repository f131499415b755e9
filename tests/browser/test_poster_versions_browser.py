"""Every poster version (English, easy read, each translation) in a real browser:
exactly one page at A4 and at A3, the band on unchecked translations, the English
title for staff, glyphs drawn from a real font (no fallback boxes), and a clean
default print (no address) of an easy-read and a right-to-left poster."""
import io

import pytest
from pypdf import PdfReader

from macros.content.posters import load_posters
from macros.pages.posters import poster_versions
from tests.browser.test_print_cli import print_to_pdf
from tests.helpers import PROJECT, build_site

pytestmark = pytest.mark.browser
POSTERS = load_posters()
SIZES = {"a4": (210, 297), "a3": (297, 420)}
VERSIONS = [(pid, version["key"]) for pid, poster in POSTERS.items() for version in poster_versions(poster)[1:]]
BAND = "Translation not yet checked"


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def site_with_qr(tmp_path_factory):
    """Posters printed with their QR code, the tallest case."""
    target = tmp_path_factory.mktemp("site-qr-versions")
    result = build_site(PROJECT, target, env={"SITE_URL": "https://intranet.example.nhs.uk/safe-working/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.mark.parametrize("poster_id,key", VERSIONS)
def test_each_version_prints_alone_on_exactly_one_page_at_a4_and_a3(poster_id, key, site_with_qr, browser):
    poster = POSTERS[poster_id]
    version = next(v for v in poster_versions(poster) if v["key"] == key)
    page = browser.new_page()
    page.goto((site_with_qr / "posters" / f"{poster_id}.html").as_uri() + f"#version-{key}")
    assert page.locator(".swp-poster:not([hidden])").count() == 1
    shown = page.locator(".swp-poster:not([hidden])")
    assert shown.get_attribute("lang") == version["lang"] and shown.get_attribute("dir") == version["dir"]
    for size, millimetres in SIZES.items():
        page.check(f"#paper-{size}-{poster_id}")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert len(pdf.pages) == 1, f"{poster_id} {key} at {size.upper()}: {len(pdf.pages)} pages"
        box = pdf.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == millimetres
        # Text from mixed fonts comes out with stray spaces: compare without any.
        text = squeezed(pdf.pages[0].extract_text())
        assert (squeezed(BAND) in text) == (not version["checked"]), f"{poster_id} {key}: band"
        if version["english_title"]:
            assert squeezed(version["english_title"]) in text
        for chrome in ("Paper size", "Print poster", "Version to print", "Sources"):
            assert squeezed(chrome) not in text, f"{poster_id} {key} at {size}: {chrome}"
    page.close()


@pytest.mark.parametrize("key", ["easy-read", "ar"])
def test_default_print_of_easy_read_and_right_to_left_has_one_page_and_no_address(key, site_urls, tmp_path):
    url = site_urls["file"] + f"posters/hospital.html#version-{key}"
    pdf = print_to_pdf(url, tmp_path / "printed.pdf", tmp_path / "profile")
    assert len(pdf.pages) == 1
    text = squeezed(pdf.pages[0].extract_text())
    assert "file:" not in text and ".html" not in text
    assert (squeezed(BAND) in text) == (key == "ar")


GLYPH_WIDTHS = """(selector) => {
    // Each distinct letter of the title, drawn alone in the title's own font: fallback boxes
    // (tofu) are all one width, real letters are not.
    const title = document.querySelector(selector);
    const style = getComputedStyle(title);
    const letters = [...new Set([...title.textContent].filter(c => c.trim() && c.charCodeAt(0) > 0x2FF))];
    const widths = letters.map(c => {
        const span = document.createElement('span');
        span.textContent = c;
        span.style.font = style.font;
        span.style.position = 'absolute';
        document.body.appendChild(span);
        const w = span.getBoundingClientRect().width.toFixed(1);
        span.remove();
        return w;
    });
    return {letters: letters.length, widths: new Set(widths).size};
}"""


@pytest.mark.parametrize("key", ["bn", "ar"])
def test_script_glyphs_render_from_a_real_font(key, site_urls, browser):
    page = browser.new_page()
    page.goto(site_urls["http"] + f"posters/nhs-and-fees.html#version-{key}")
    found = page.evaluate(GLYPH_WIDTHS, f"#version-{key} .swp-poster__title")
    assert found["letters"] >= 8 and found["widths"] >= 4, found
    page.close()


def test_version_menu_changes_the_poster_without_leaving_the_page(site_urls, browser):
    page = browser.new_page()
    page.goto(site_urls["http"] + "posters/nhs-and-fees.html")
    assert page.locator(".swp-poster:not([hidden])").get_attribute("id") == "version-english"
    page.locator('a[data-version-link="bn"]').click()
    assert page.locator(".swp-poster:not([hidden])").get_attribute("id") == "version-bn"
    assert page.locator('a[data-version-link="bn"]').get_attribute("aria-current") == "true"
    assert page.url.endswith("#version-bn")
    page.go_back()
    assert page.locator(".swp-poster:not([hidden])").get_attribute("id") == "version-english"
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_easy_read_and_translated_versions(scheme, site_urls, browser):
    from tests.browser.test_accessibility import COLOUR_RULES, violations
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    for path in ("posters/hospital.html#version-easy-read", "posters/hospital.html#version-ar", "posters/nhs-and-fees.html#version-bn", "posters/index.html"):
        page.goto(site_urls["http"] + path)
        problems = violations(page, COLOUR_RULES if scheme == "dark" else None)  # as test_accessibility
        if problems:
            found[path] = problems
    page.close()
    assert found == {}, found


def test_without_javascript_the_address_still_chooses_the_one_version_shown(site_urls, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    shown = """() => [...document.querySelectorAll('.swp-poster-sheets > .swp-poster')]
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.id)"""
    page.goto(site_urls["http"] + "posters/nhs-and-fees.html")
    assert page.evaluate(shown) == ["version-english"]
    page.goto(site_urls["http"] + "posters/nhs-and-fees.html#version-bn")
    assert page.evaluate(shown) == ["version-bn"]
    context.close()
