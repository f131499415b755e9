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


def with_theme_policy(html: str) -> str:
    """The page with the policy the step computes (the theme's scripts' hashes only) written in,
    skipping the step's refusal: as if a script had got past `make check` and the step both."""
    from macros.steps.csp import policy, script_hashes

    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)


def test_a_script_written_into_a_page_does_not_run(browser, site_dir, tmp_path):
    """As if a script got past `make check`: the step refuses the page, and the policy computed for
    it (the theme's scripts only) still blocks the script, the handler and the link."""
    from macros.steps.csp import UnknownInlineScript, add_policy_meta

    built = (site_dir / "about.html").read_text()
    built = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", built)
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in built
    injected = built.replace(marker, marker + INJECTED, 1)
    with pytest.raises(UnknownInlineScript):
        add_policy_meta(injected, "about.html")
    target = tmp_path / "site"
    shutil.copytree(site_dir, target)
    (target / "about.html").write_text(with_theme_policy(injected))
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


@pytest.fixture(scope="module")
def slipped_past(tmp_path_factory):
    """A build whose guidance/dental.md title carries a script, with the checks off (tests/helpers.py)."""
    from tests.helpers import build_with_checks_off

    site, result = build_with_checks_off(tmp_path_factory.mktemp("checks-off"))
    assert "has an inline script the theme does not write" in result.stdout + result.stderr
    return site


@pytest.mark.parametrize("policy_written", [False, True], ids=["no policy (the script runs)", "the theme's policy"])
def test_a_script_in_a_page_title_sets_no_marker_under_the_policy(browser, slipped_past, policy_written):
    """Issue 26, finding 1, in Chromium: Material's menu prints the title as it is. Without a policy the
    script runs (so this test can tell); under the policy the step computes, it is blocked."""
    page_file = slipped_past / "guidance" / "dental.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_file.read_text())
    assert "<script>window.__marker = 'title'</script>" in html
    page_file.write_text(with_theme_policy(html) if policy_written else html)
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_timeout(200)
    if policy_written:
        assert page.evaluate("window.__marker") is None
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
        assert page.evaluate("typeof __md_get") == "function", "the theme's own inline scripts still run"
        assert "<script>window.__marker" in page.locator(".md-header__topic").last.inner_text(), "our header shows it as text"
    else:
        assert page.evaluate("window.__marker") == "title"
    context.close()
