"""Every page loads cleanly, makes no outside request, and search works:
over http, under a sub-path, and from file:// with no network."""
from urllib.parse import urlsplit

import pytest

from tests.browser.search import search
from tests.helpers import html_pages

MODES = ["http", "subpath", "file"]
pytestmark = pytest.mark.browser


def same_origin(url: str, base: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    target, home = urlsplit(url), urlsplit(base)
    if home.scheme == "file":
        return target.scheme == "file"
    return (target.scheme, target.netloc) == (home.scheme, home.netloc)


@pytest.mark.parametrize("mode", MODES)
def test_every_page_loads_without_errors_or_outside_requests(mode, site_dir, site_urls, page, watch):
    base = site_urls[mode]
    pages = html_pages(site_dir)
    assert len(pages) >= 15
    for name in pages:
        response = page.goto(base + name, wait_until="load")
        if mode != "file":
            assert response is not None and response.ok, name
        assert page.locator("h1").count() >= 1, name
    outside = [url for url in watch.requests if not same_origin(url, base)]
    assert outside == [], f"requests outside the site: {outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


QUERIES = {
    "alert state": "support/gpas.html",
    "committee liaison executive": "support/raising-local-issues.html",
    "Croydon": "support/raising-local-issues.html",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("query, expected", QUERIES.items())
def test_search_finds_the_page(mode, query, expected, site_urls, page, watch):
    page.goto(site_urls[mode] + "index.html")
    hrefs = search(page, query)
    assert any(expected in href for href in hrefs[:3]), f"{query!r}: {hrefs[:3]}"
    assert "?h=" not in page.url and query not in page.url
    assert watch.errors == []
