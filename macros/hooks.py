"""MkDocs hooks: the security policy and search keywords.

(Word files are no longer made here: each letter page builds its own, filled
in or blank, in the browser; see docs/assets/javascripts/word.js.)

- Every page gets a Content Security Policy <meta>, computed after the
  build because Material's inline scripts differ from page to page: the
  generator-independent step in macros/site_steps.py, which `make zensical`
  runs on the Zensical build too.
- MkDocs' broken-link warnings are reworded for editors (macros/links.py).
- Each page's search terms are added to the search index as a hidden,
  boosted `keywords` field, after the search plugin writes the index and
  before the offline plugin inlines it for file:// use.

Zensical ignores MkDocs hooks: there, the search keywords are missing (see README).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads hooks by file path: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.letters import load_letters
from macros.links import install as install_link_words
from macros.posters import load_posters
from macros.search_terms import add_keywords, page_terms
from macros.site_steps import add_policies

_terms_by_url: dict[str, list[str]] = {}
_sources: dict = {}


def on_pre_build(config):
    """Load the letters and posters once per build (they were validated by define_env);
    word MkDocs' broken-link warnings for editors."""
    install_link_words(Path(config.docs_dir))
    _terms_by_url.clear()
    _sources["letters"] = load_letters()
    _sources["posters"] = load_posters()


def on_page_context(context, page, config, nav):
    """Remember each page's search terms for the index."""
    terms = page_terms(page.file.src_uri, page.meta.get("search_terms") or [], _sources["letters"], _sources["posters"])
    if terms:
        _terms_by_url[page.url] = terms
    return context


@event_priority(-50)
def on_post_build(config):
    """After the search plugin (0), before the offline plugin inlines the index (-100)."""
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if index_file.is_file():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index_file.write_text(json.dumps(add_keywords(index, _terms_by_url), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    add_policies(site)
