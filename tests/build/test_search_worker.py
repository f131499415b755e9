"""The site's search worker (assets/javascripts/search-worker.js) answers exactly as Material's
did, from the words the build counted (macros/steps/search_prebuilt.py)."""
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.steps.search_prebuilt import PrebuildError, check_config, count_words, words, js_separator

TESTS = Path(__file__).resolve().parents[1]
COMPARE = Path(__file__).with_name("compare_search_workers.js")

# Beyond the evaluation's: what Material's query syntax allows and readers type half-way.
SYNTAX = ['sick n', 're-refer', '"fit note"', '-hospital note', 'fit~', 'title:fit', 'note^2', '*note',
          'keywords:med3', 'a', 'GP', '111', 'fit-to-fly', 'Calpol school', 'DNA discharge', '']


def queries() -> list[str]:
    found = []
    for name in ("search_queries.yml", "search_heldout.yml"):
        found += [entry["query"] for entry in yaml.safe_load((TESTS / name).read_text(encoding="utf-8"))]
    return found + SYNTAX


@pytest.fixture(scope="module")
def compared(site_dir):
    result = subprocess.run(["node", str(COMPARE), str(site_dir)], input=json.dumps(queries()),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_query_gets_materials_results(compared):
    assert compared["setup"] == [1, 1]
    assert compared["results"] > 1000 and compared["highlights"] > 1000, "the queries must find and highlight"
    assert [d["query"] for d in compared["different"]] == []


def test_the_build_counts_words_as_lunr_does_in_the_browser(compared):
    assert compared["counts_used"], "search_counts.js must be made for the index's entries"
    assert compared["counts_equal"]
    assert compared["index_equal"], "the index built from the counts must be lunr's own"


def test_every_page_names_the_sites_worker(site_dir):
    for page in site_dir.rglob("*.html"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
        worker = json.loads(config.group(1))["search"]
        assert worker.endswith("assets/javascripts/search-worker.js"), page
        if not worker.startswith("/"):  # the 404 page's addresses are from the site's root
            assert (page.parent / worker).resolve() == site_dir / "assets" / "javascripts" / "search-worker.js"
    for name in ("assets/vendor/lunr/lunr.min.js", "search/search_counts.js"):
        assert (site_dir / name).is_file(), name


def test_counts_file_is_a_script_the_worker_loads(site_dir):
    text = (site_dir / "search" / "search_counts.js").read_text(encoding="utf-8")
    assert text.startswith("self.swpSearchCounts = {")
    counts = json.loads(text.removeprefix("self.swpSearchCounts = ").rstrip().rstrip(";"))
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert counts["locations"] == [doc["location"] for doc in index["docs"]]
    assert "prebuilt" not in index, "Material's page sends the worker only config and docs"


def test_words_are_the_text_between_tags_lower_cased():
    separator = js_separator(r"[\s\-]+")
    assert words('<p>Sick <a href="x-y">notes</a> re-refer</p>', separator) == ["sick", "notes", "re", "refer"]
    assert words(["Fit Note", "GP"], separator) == ["fit", "note", "gp"]
    assert words(None, separator) == []
    assert words("a <br/> b", separator) == ["a", "b"]


def test_stop_words_are_not_counted():
    index = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                        "fields": {"title": {}, "text": {}}},
             "docs": [{"location": "a.html", "title": "The note", "text": "<p>a note for the GP</p>"}]}
    counts = count_words(index)
    assert counts["terms"] == ["note", "gp"]
    assert counts["counts"] == [[[0, 1], [0, 1, 1, 1]]]


@pytest.mark.parametrize("config", [
    {"lang": ["en", "fr"], "pipeline": ["stopWordFilter"]},
    {"lang": ["en"], "pipeline": ["stopWordFilter", "stemmer"]},
])
def test_another_language_or_pipeline_stops_the_build_with_a_reason(config):
    with pytest.raises(PrebuildError, match="mkdocs.yml's search plugin has lang"):
        check_config(config)
