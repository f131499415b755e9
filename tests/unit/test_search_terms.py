"""Search terms: gathered per page, added to either generator's index by a build step."""
import json

from macros.content.letters import load_letters
from macros.content.posters import load_posters
from macros.steps.search_terms import HIDDEN_WORDS, add_hidden_text, add_keywords, add_search_words, page_location, page_terms, terms_by_location
from tests.helpers import PROJECT

LETTERS = load_letters()
POSTERS = load_posters()


def test_letter_page_gets_its_letter_and_variant_terms():
    terms = page_terms("letters/trust-tasks.md", ["extra"], LETTERS, POSTERS)
    assert terms[0] == "extra"
    assert "MED3" in terms and "chase results" in terms and "post op" in terms
    assert len(terms) == len(set(terms))


def test_poster_page_gets_its_poster_terms():
    terms = page_terms("posters/dental.md", [], LETTERS, POSTERS)
    assert "toothache" in terms and "poster" in terms
    assert "poster" not in page_terms("guidance/dental.md", [], LETTERS, POSTERS)


def test_other_pages_keep_their_front_matter_terms_only():
    assert page_terms("guidance/dols.md", ["DoLS", " DoLS ", ""], LETTERS, POSTERS) == ["DoLS"]
    assert page_terms("letters/index.md", [], LETTERS, POSTERS) == []


def test_pages_are_found_at_their_built_address():
    assert page_location("letters/sick-notes.md") == "letters/sick-notes.html"
    assert page_location("index.md") == "index.html"
    terms = terms_by_location(PROJECT / "docs")
    assert "sicknote" in terms["letters/sick-notes.html"]
    assert "depravation of liberty" in terms["guidance/dols.html"]


def test_keywords_go_on_the_page_entry_not_its_sections():
    index = {"docs": [{"location": "a.html", "title": "A"}, {"location": "a.html#part", "title": "Part"}]}
    add_keywords(index, {"a.html": ["sick note", "MED3"]})
    assert index["docs"][0]["keywords"] == "sick note MED3"
    assert "keywords" not in index["docs"][1]


def test_zensical_entries_get_the_words_as_hidden_escaped_text_once():
    index = {"items": [{"location": "a.html", "text": "<p>Body</p>"}, {"location": "a.html#part", "text": "<p>Part</p>"}]}
    add_hidden_text(index, {"a.html": ["sick note", "A&E <urgent>"]})
    add_hidden_text(index, {"a.html": ["sick note", "A&E <urgent>"]})
    assert index["items"][0]["text"] == f"<p>Body</p> {HIDDEN_WORDS}sick note A&amp;E &lt;urgent&gt;</p>"
    assert index["items"][1]["text"] == "<p>Part</p>"


def test_the_step_rewrites_the_index_and_its_inline_copy_and_can_run_twice(tmp_path):
    for name, key, entry in (("search/search_index.json", "docs", "keywords"), ("search.json", "items", "text")):
        site = tmp_path / key
        index_file = site / name
        index_file.parent.mkdir(parents=True)
        index_file.write_text(json.dumps({key: [{"location": "letters/sick-notes.html", "text": ""}]}))
        index_file.with_suffix(".js").write_text("var __index = {}")
        assert add_search_words(site, PROJECT / "docs") == name
        once = index_file.read_text()
        assert add_search_words(site, PROJECT / "docs") == name
        assert index_file.read_text() == once
        assert "sicknote" in json.loads(once)[key][0][entry]
        assert index_file.with_suffix(".js").read_text() == "var __index = " + once


def test_a_site_without_an_index_is_left_alone(tmp_path):
    assert add_search_words(tmp_path, PROJECT / "docs") is None
