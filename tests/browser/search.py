"""Driving the search box in Chromium, as a reader does: Material's, and Zensical's."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from playwright.sync_api import expect

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


# In the page: the result links once the list has held still for 150 ms (null if none show in
# 1.5 s). One call per query, where polling from Python cost a round trip every 50 ms.
SETTLED = """async (selector) => {
    const read = () => [...document.querySelectorAll(selector)].map(a => a.href);
    const start = performance.now();
    let last = '', since = start;
    for (;;) {
        const now = read().join('\\n');
        const t = performance.now();
        if (now !== last) { last = now; since = t; }
        else if (now && t - since >= 150) return read();
        if (!now && t - start > 1500) return null;
        if (t - start > 10000) return read();
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}"""


def search(page, query: str) -> list[str]:
    """Type the query into the real search box; return result page URLs, best first.

    Material searches on each key press. The box is cleared first (so no stale
    results linger), the query typed, and the result list read once it stops
    changing. The index loads in a worker after the page, so a query typed
    before it is ready is typed again.
    """
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(30):
        box.fill("")
        box.press("End")
        page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length === 0")
        box.fill(query)
        box.press("End")
        hrefs = page.evaluate(SETTLED, RESULT_LINKS)
        if hrefs is not None:
            return hrefs
    return []


# Zensical replaces Material's search with its own dialog (in a shadow root, which
# Playwright's locators pierce); a status line says "N results" or "No results".
ZENSICAL_OPENER = "button.md-search__button"
ZENSICAL_BOX = "dialog input[role=combobox]"
ZENSICAL_STATUS = "dialog [role=status]"
ZENSICAL_RESULT_LINKS = "dialog ol[role=listbox] a[role=option]"
ZENSICAL_PAGE_SIZE = 10  # it lists results ten at a time


def zensical_search(page, query: str) -> list[str]:
    """Type the query into Zensical's search dialog; return result page URLs, best first, once each.

    The box is cleared (the status line empties), the query typed, and the results
    read once the status line's count and the list agree (all of them, or whole
    pages of ten) and neither has changed for three reads in a row. Zensical
    lists a page's sections as separate results: their anchors are dropped and each
    page counted once, at its best place.
    """
    box = page.locator(ZENSICAL_BOX)
    if not box.is_visible():
        page.locator(ZENSICAL_OPENER).click()
    status = page.locator(ZENSICAL_STATUS)
    box.fill("")
    expect(status).to_have_text("")
    box.fill(query)
    items = page.locator(ZENSICAL_RESULT_LINKS)
    hrefs, seen, stable = None, None, 0
    # "No results" can show for a moment while the index loads: trust it only once it has held for 1 s.
    for _ in range(500):  # 15 s
        if stable >= (33 if seen == "No results" else 3):
            break
        page.wait_for_timeout(30)
        text = status.inner_text()
        now = items.evaluate_all("links => links.map(a => a.href)")
        count = re.match(r"(\d+) results?$", text)
        listed, total = len(now), int(count.group(1)) if count else 0
        agrees = (text == "No results" and not now) or (0 < listed <= total and (listed == total or listed % ZENSICAL_PAGE_SIZE == 0))
        stable = stable + 1 if agrees and (text, now) == (seen, hrefs) else 0
        seen, hrefs = text, now
    else:
        raise AssertionError(f"Zensical's search for {query!r} never settled: status {seen!r}, {len(hrefs or [])} results listed")
    pages: list[str] = []
    for href in hrefs:
        url = href.split("#")[0]
        if url not in pages:
            pages.append(url)
    return pages


QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search_queries.yml").read_text())


def top_three(browser, base: str, search_with=search, every: int = 1) -> dict[str, list[str]]:
    """The evaluation's queries (every `every`-th of them) typed into a site's search box: each query's top three pages."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "index.html")
    found = {q["query"]: [href.replace(base, "") for href in search_with(page, q["query"])[:3]] for q in QUERIES[::every]}
    page.close()
    return found


def misses(found: dict[str, list[str]]) -> list[str]:
    """The queries typed whose expected page is not in their top three, one line each."""
    return [f"{q['query']!r} -> {found[q['query']]} (want {q['expect']})" for q in QUERIES
            if q["query"] in found and q["expect"] not in found[q["query"]]]


def rate(found: dict[str, list[str]], top: int = 3) -> tuple[int, int]:
    """(queries typed whose expected page is in the top `top`, queries typed)."""
    typed = [q for q in QUERIES if q["query"] in found]
    return sum(q["expect"] in found[q["query"]][:top] for q in typed), len(typed)
