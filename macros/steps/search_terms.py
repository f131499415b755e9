"""The words readers search with, added to the finished site's search index.

Each page's `search_terms` (front matter), and for letter and poster pages the
terms in their data, are added to the page's own entry in the search index that
the generator wrote. This is a build step on the built site (run by
macros/steps/run.py), so it reads the pages and data itself and works the same
whichever generator wrote the index:

- MkDocs with Material writes `search/search_index.json`: the words become a
  `keywords` field, searched with its own boost (set in mkdocs.yml) and never
  shown. Then every entry's words are counted for the site's search worker
  (macros/steps/search_prebuilt.py), so a page's search is ready at once.
- Zensical writes `search.json`, which has no field for them and ignores boosts:
  the words are added to the page entry's `text` inside an element marked
  `hidden`, so they are searched like the page's own words.

Where the generator also inlined the index into a script for file:// use
(`search_index.js`, `search.js`: `var __index = {...}`), that copy is rewritten
too. Running the step twice changes nothing.
"""
from __future__ import annotations

import json
import posixpath
from pathlib import Path

from macros.content.letters import load_letters
from macros.content.front_matter import read_all_pages
from macros.content.posters import load_posters
from macros.steps.search_prebuilt import write_counts

# The index each generator writes, relative to the site root.
MKDOCS_INDEX = "search/search_index.json"
ZENSICAL_INDEX = "search.json"
INLINE_PREFIX = "var __index = "
# Marks the words added to a Zensical entry's text, so a second run finds them.
HIDDEN_WORDS = '<p hidden class="swp-search-words">'


# Every poster is one a receptionist prints for the waiting room or the front desk: a poster page
# is found by the words for that, with whatever subject the reader types beside them.
POSTER_TERMS = ["poster", "noticeboard", "notice board"]


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
        terms += posters[stem].search_terms + POSTER_TERMS
    seen: dict[str, None] = {}
    for term in terms:
        seen.setdefault(term.strip(), None)
    return [t for t in seen if t]


def page_location(src_uri: str) -> str:
    """A page's address in the index: `letters/fit-notes.md` -> `letters/fit-notes.html`
    (the site is built with use_directory_urls: false, for file://)."""
    return posixpath.splitext(src_uri)[0] + ".html"


def terms_by_location(docs_dir: Path) -> dict[str, list[str]]:
    """Every page's search terms, keyed by its address in the index."""
    letters, posters = load_letters(), load_posters()
    found = {}
    for src_uri, (meta, _body) in read_all_pages(docs_dir).items():
        terms = page_terms(src_uri, meta.search_terms, letters, posters)
        if terms:
            found[page_location(src_uri)] = terms
    return found


def add_keywords(index: dict, terms: dict[str, list[str]]) -> dict:
    """MkDocs' index: a `keywords` field on each page's own entry (not its sections)."""
    for entry in index.get("docs", []):
        words = terms.get(entry["location"])
        if words:
            entry["keywords"] = " ".join(words)
    return index


def add_hidden_text(index: dict, terms: dict[str, list[str]]) -> dict:
    """Zensical's index: the words in a hidden paragraph at the end of each page's own entry's text."""
    for item in index.get("items", []):
        words = terms.get(item["location"])
        if not words:
            continue
        text = item.get("text", "").split(HIDDEN_WORDS)[0].rstrip()
        item["text"] = f"{text} {HIDDEN_WORDS}{escape(' '.join(words))}</p>"
    return index


def escape(text: str) -> str:
    """Text for the index's HTML `text` field."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add_search_words(site_dir: Path, docs_dir: Path) -> str | None:
    """Add the search words to whichever index the site has; return its path, or None if it has none."""
    terms = terms_by_location(docs_dir)
    for name, add in ((MKDOCS_INDEX, add_keywords), (ZENSICAL_INDEX, add_hidden_text)):
        index_file = Path(site_dir) / name
        if not index_file.is_file():
            continue
        data = json.dumps(add(json.loads(index_file.read_text(encoding="utf-8")), terms), ensure_ascii=False, separators=(",", ":"))
        index_file.write_text(data, encoding="utf-8")
        inline = index_file.with_suffix(".js")
        if inline.is_file():
            inline.write_text(INLINE_PREFIX + data, encoding="utf-8")
        return name
    return None
