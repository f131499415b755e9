"""Under the site's Content Security Policy, every page type loads with no
violation, and search and the letters still work (http and file://)."""
import re
import shutil

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


INJECTED = """<script>window.__injected = 'script';</script>
<button id="swp-injected" onclick="window.__injected = 'handler'">Injected</button>
<a id="swp-injected-link" href="javascript:window.__injected='link'">Injected link</a>"""


def test_a_script_written_into_a_page_does_not_run(browser, site_dir, tmp_path):
    """As if a script got past `make check`: the policy computed for the page still blocks it."""
    from macros.steps.csp import add_policy_meta

    built = (site_dir / "about.html").read_text()
    built = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", built)
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in built
    target = tmp_path / "site"
    shutil.copytree(site_dir, target)
    (target / "about.html").write_text(add_policy_meta(built.replace(marker, marker + INJECTED, 1)))
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto((target / "about.html").as_uri())
    page.click("#swp-injected")
    page.click("#swp-injected-link")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("typeof __md_get") == "function", "the theme's own inline scripts still run"
    blocked = page.evaluate("window.__violations")
    assert len([v for v in blocked if v.startswith("script-src")]) == 3, blocked
    context.close()
