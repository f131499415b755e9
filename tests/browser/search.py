"""Driving Material's search box in Chromium, as a reader does."""
from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


def search(page, query: str) -> list[str]:
    """Type the query into the real search box; return result page URLs, best first.

    Material searches on each key press. The box is cleared first (so no stale
    results linger), the query typed, and the result list read once it stops
    changing. The index loads in a worker after the page, so a query typed
    before it is ready is typed again.
    """
    box = page.locator("input.md-search__input")
    items = page.locator(RESULT_LINKS)
    box.click()
    for _ in range(30):
        box.fill("")
        box.press("End")
        page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length === 0")
        box.fill(query)
        box.press("End")
        try:
            items.first.wait_for(timeout=1000)
        except PlaywrightTimeout:
            continue
        previous = None
        for _ in range(40):
            hrefs = items.evaluate_all("links => links.map(a => a.href)")
            if hrefs == previous:
                return hrefs
            previous = hrefs
            page.wait_for_timeout(50)
        return previous
    return []
