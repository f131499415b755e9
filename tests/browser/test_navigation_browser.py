"""Where am I, on a desktop and a phone: the publisher in view, at most about twenty links in
the sidebar, nothing listed twice, touch targets of at least 24 × 24 px (WCAG 2.2, 2.5.8), and
pages that still read, without their buttons, when JavaScript is off."""
from __future__ import annotations

import pytest

from tests.helpers import html_pages

pytestmark = pytest.mark.browser
MAX_SIDEBAR_LINKS = 20
VISIBLE_LINKS = """(selector) => [...document.querySelectorAll(selector)]
    .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                    return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth && s.visibility !== 'hidden' && el.closest('[hidden]') === null; })
    .map(el => { const r = el.getBoundingClientRect(); return {text: el.innerText.trim(), width: r.width, height: r.height}; })"""


def test_the_sidebar_shows_only_the_current_section(site_dir, site_urls, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    too_many, repeated = {}, {}
    for name in html_pages(site_dir):
        page.goto(site_urls["http"] + name)
        links = page.evaluate(VISIBLE_LINKS, ".md-sidebar--primary a.md-nav__link")
        texts = [link["text"] for link in links if link["text"]]
        if len(texts) > MAX_SIDEBAR_LINKS:
            too_many[name] = len(texts)
        doubles = {t for t in texts if texts.count(t) > 1}
        if doubles:
            repeated[name] = doubles
    page.close()
    assert too_many == {}, too_many
    assert repeated == {}, repeated


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["index.html", "letters/trust-tasks.html", "posters/dental.html", "support/report-a-transfer.html"])
def test_touch_targets_are_at_least_24_px_and_the_publisher_is_in_view(size, path, site_urls, browser):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(site_urls["http"] + path)
    publisher = page.locator(".swp-header-title__publisher")
    assert publisher.is_visible() and publisher.inner_text() == "Londonwide LMCs"
    selectors = ".md-tabs__link, .md-path__link, .md-sidebar a.md-nav__link, .md-header__button"
    if size[0] < 600:
        page.click(".md-header label[for='__drawer']")
        page.wait_for_timeout(400)
    small = [link for link in page.evaluate(VISIBLE_LINKS, selectors) if link["height"] < 24 or link["width"] < 24]
    page.close()
    assert small == [], small


def test_the_phone_menu_opens_on_the_current_section_alone(site_urls, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_urls["http"] + "letters/trust-tasks.html")
    page.click(".md-header label[for='__drawer']")
    page.wait_for_timeout(400)
    # The deepest open panel of the sliding menu: its own links, not the current page's contents.
    links = page.evaluate("""() => {
        const open = [...document.querySelectorAll('.md-sidebar--primary input.md-nav__toggle:checked')];
        const panel = open[open.length - 1].parentElement.querySelector(':scope > nav.md-nav');
        return [...panel.querySelectorAll(':scope > ul > li > a.md-nav__link')].map(a => a.innerText.trim());
    }""")
    title = page.locator(".md-sidebar--primary nav.md-nav[data-md-level='1'] > .md-nav__title").first.inner_text()
    page.close()
    assert title.strip() == "Letters"
    assert "Trust request for non-contractual tasks" in links and "Posters" not in links
    assert len(links) <= MAX_SIDEBAR_LINKS, links


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_without_javascript_a_letter_reads_in_full_and_shows_no_dead_buttons(no_js_page, site_urls):
    no_js_page.goto(site_urls["http"] + "letters/sick-notes.html")
    assert no_js_page.locator(".swp-letter").is_visible()
    assert "[Patient name]" in no_js_page.inner_text(".swp-letter") or "[" in no_js_page.inner_text(".swp-letter")
    assert not no_js_page.locator("button[data-action=copy]").is_visible()


def test_without_javascript_the_report_says_how_to_report_by_hand(no_js_page, site_urls):
    no_js_page.goto(site_urls["http"] + "support/report-a-transfer.html")
    assert "This form needs JavaScript" in no_js_page.inner_text("article")
    assert not no_js_page.locator("#report-organisation").is_visible()
    assert not no_js_page.locator("button[data-action=csv]").is_visible()


def test_with_javascript_nothing_moves_as_the_letter_tools_appear(site_urls, browser):
    """The letter's toolbar is there from the first paint (no layout shift when scripts run)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_urls["http"] + "letters/trust-tasks.html")
    assert page.locator("button[data-action=copy]").is_visible()
    assert page.evaluate("() => document.querySelectorAll('[data-needs-js][hidden]').length") == 0
    page.close()
