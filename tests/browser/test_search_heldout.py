"""Held-out search queries (tests/search_heldout.yml): plain and colloquial asks, kept out of the
evaluation file that the search words are tuned against, each finding its page in the top three
of the MkDocs build's real search box in Chromium."""
from pathlib import Path

import pytest
import yaml

from tests.browser.search import QUERIES, search

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("search")]
HELD_OUT = yaml.safe_load((Path(__file__).resolve().parents[1] / "search_heldout.yml").read_text())


def test_held_out_queries_are_not_in_the_evaluation_file(site_dir):
    assert len(HELD_OUT) >= 10
    evaluated = {q["query"].lower() for q in QUERIES}
    for item in HELD_OUT:
        assert item["query"].lower() not in evaluated, item
        assert (site_dir / item["expect"]).is_file(), item


def test_every_held_out_query_finds_its_page_in_the_top_three(browser, site_urls, record_property):
    base = site_urls["http"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "index.html")
    missed, found = [], 0
    for item in HELD_OUT:
        pages = []
        for href in search(page, item["query"]):
            url = href.replace(base, "").split("#")[0]
            if url not in pages:
                pages.append(url)
        if item["expect"] in pages[:3]:
            found += 1
        else:
            missed.append(f"{item['query']!r} -> {pages[:3]} (want {item['expect']})")
    page.close()
    record_property("search, held-out queries, MkDocs (http)", f"top-3 {found}/{len(HELD_OUT)}")
    assert not missed, "\n".join(missed)
