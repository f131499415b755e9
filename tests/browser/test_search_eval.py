"""Search evaluation: the words a GP or receptionist types find the right page.

Each query in tests/search_queries.yml is typed into the real search box in
Chromium. The expected page must be in the top three results over http; a sample
of them (tests/conftest.py: search_results) under a sub-path and from file://,
with the same results as over http.
"""
import pytest

from tests.browser.search import QUERIES, misses, rate

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("search")]
MODES = ["http", "subpath", "file"]


def test_the_query_set_is_big_enough_and_points_at_real_pages(site_dir):
    assert len(QUERIES) >= 60
    for item in QUERIES:
        assert (site_dir / item["expect"]).is_file(), item


@pytest.mark.parametrize("mode", MODES)
def test_every_query_finds_its_page_in_the_top_three(mode, search_results, record_property):
    found = search_results[mode]
    (top1, total), (top3, _) = rate(found, 1), rate(found, 3)
    record_property(f"search evaluation, MkDocs ({mode})", f"top-1 {top1}/{total} = {top1 / total:.0%}, top-3 {top3}/{total} = {top3 / total:.0%}")
    assert not misses(found), "\n".join(misses(found))


def test_results_are_the_same_however_the_site_is_opened(search_results):
    sampled = search_results["file"].keys()
    assert len(sampled) >= 20 and sampled == search_results["subpath"].keys()
    over_http = {query: search_results["http"][query] for query in sampled}
    assert over_http == search_results["subpath"] == search_results["file"]
