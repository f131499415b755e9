"""Under the site's Content Security Policy, every page type loads with no
violation, and search and the letters still work (http and file://)."""
import pytest

from tests.browser.search import search

pytestmark = pytest.mark.browser
LISTEN = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))"
PAGE_TYPES = [
    "index.html", "letters/index.html", "letters/trust-tasks.html", "guidance/dental.html",
    "posters/index.html", "posters/dental.html", "patients/invitation-template.html",
    "patients/workbook.html", "support/raising-local-issues.html", "topics.html",
]


@pytest.mark.parametrize("mode", ["http", "file"])
def test_no_policy_violation_with_search_and_letters_working(mode, browser, site_urls):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    base = site_urls[mode]
    for name in PAGE_TYPES:
        page.goto(base + name)
        assert 'http-equiv="Content-Security-Policy"' in page.content()
        if name == "letters/trust-tasks.html":
            page.fill("#field-patient_name", "Jane Doe")
            page.check("#tick-fit-note")
            assert "Jane Doe" in page.locator(".swp-letter").inner_text()
            assert "Jane Doe" in page.evaluate("window.swpLetter.plainText(false)")
        if name == "index.html":
            assert any("letters/sick-notes.html" in href for href in search(page, "sick note")[:3])
        assert page.evaluate("window.__violations") == [], name
    assert errors == []
    context.close()
