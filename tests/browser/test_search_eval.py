"""Search evaluation: the words a GP or receptionist types find the right page.

Each query in tests/search_queries.yml is typed into the real search box in
Chromium. The expected page must be in the top three results, over http, under
a sub-path and from file://, with the same results in each.
"""
from pathlib import Path

import pytest
import yaml

from tests.browser.search import search

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search_queries.yml").read_text())
MODES = ["http", "subpath", "file"]


def test_the_query_set_is_big_enough_and_points_at_real_pages(site_dir):
    assert len(QUERIES) >= 60
    for item in QUERIES:
        assert (site_dir / item["expect"]).is_file(), item


@pytest.fixture(scope="module")
def results(browser, site_urls):
    """Top-three result pages for every query, in every mode."""
    found = {}
    for mode in MODES:
        base = site_urls[mode]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "index.html")
        found[mode] = {q["query"]: [h.replace(base, "") for h in search(page, q["query"])[:3]] for q in QUERIES}
        page.close()
    return found


@pytest.mark.parametrize("mode", MODES)
def test_every_query_finds_its_page_in_the_top_three(mode, results, capsys):
    top1 = sum(results[mode][q["query"]][:1] == [q["expect"]] for q in QUERIES)
    top3 = sum(q["expect"] in results[mode][q["query"]] for q in QUERIES)
    misses = [f"{q['query']!r} -> {results[mode][q['query']]} (want {q['expect']})" for q in QUERIES if q["expect"] not in results[mode][q["query"]]]
    with capsys.disabled():
        print(f"\nsearch evaluation ({mode}): top-1 {top1}/{len(QUERIES)} = {top1 / len(QUERIES):.0%}, "
              f"top-3 {top3}/{len(QUERIES)} = {top3 / len(QUERIES):.0%}")
    assert not misses, "\n".join(misses)


def test_results_are_the_same_however_the_site_is_opened(results):
    assert results["http"] == results["subpath"] == results["file"]
