"""Search terms: gathered per page, added to the index as a hidden field."""
from macros.letters import load_letters
from macros.posters import load_posters
from macros.search_terms import add_keywords, page_terms

LETTERS = load_letters()
POSTERS = load_posters()


def test_letter_page_gets_its_letter_and_variant_terms():
    terms = page_terms("letters/trust-tasks.md", ["extra"], LETTERS, POSTERS)
    assert terms[0] == "extra"
    assert "MED3" in terms and "chase results" in terms and "post op" in terms
    assert len(terms) == len(set(terms))


def test_poster_page_gets_its_poster_terms():
    assert "toothache" in page_terms("posters/dental.md", [], LETTERS, POSTERS)


def test_other_pages_keep_their_front_matter_terms_only():
    assert page_terms("guidance/dols.md", ["DoLS", " DoLS ", ""], LETTERS, POSTERS) == ["DoLS"]
    assert page_terms("letters/index.md", [], LETTERS, POSTERS) == []


def test_keywords_go_on_the_page_entry_not_its_sections():
    index = {"docs": [{"location": "a.html", "title": "A"}, {"location": "a.html#part", "title": "Part"}]}
    add_keywords(index, {"a.html": ["sick note", "MED3"]})
    assert index["docs"][0]["keywords"] == "sick note MED3"
    assert "keywords" not in index["docs"][1]
