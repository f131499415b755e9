"""The words readers search with, fed into the search index as a hidden field.

Each page's `search_terms` (front matter), and for letter and poster pages the
terms in their data, become a `keywords` field on the page's entry in the
search index. The field is searched (with its own boost, set in mkdocs.yml)
but never shown, so synonyms and misspellings help search without cluttering
the page.
"""
from __future__ import annotations

import posixpath


def page_terms(src_uri: str, front_matter_terms: list[str], letters: dict, posters: dict) -> list[str]:
    """Search terms for one page: its own, plus those of the letter or poster it shows."""
    terms = list(front_matter_terms)
    folder, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    if folder == "letters" and stem in letters:
        letter = letters[stem]
        terms += letter.search_terms
        for variant in letter.variants:
            terms += variant.search_terms
    if folder == "posters" and stem in posters:
        terms += posters[stem].search_terms
    seen: dict[str, None] = {}
    for term in terms:
        seen.setdefault(term.strip(), None)
    return [t for t in seen if t]


def add_keywords(index: dict, terms_by_url: dict[str, list[str]]) -> dict:
    """Add a `keywords` field to each page's own entry (not its sections)."""
    for entry in index.get("docs", []):
        terms = terms_by_url.get(entry["location"])
        if terms:
            entry["keywords"] = " ".join(terms)
    return index
