"""MkDocs hooks: generated Word files, and search keywords.

- Word files join MkDocs' own file collection (File.generated), so strict
  link validation sees them and nothing is written behind its back.
- Every page gets a Content Security Policy <meta>, computed after the
  build because Material's inline scripts differ from page to page.
- Each page's search terms are added to the search index as a hidden,
  boosted `keywords` field, after the search plugin writes the index and
  before the offline plugin inlines it for file:// use.

Zensical ignores MkDocs hooks: there, these three are missing (see README).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs loads hooks by file path: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.csp import add_policy_meta  # noqa: E402
from macros.letters import INVITATIONS_DIR, downloads, load_letters
from macros.posters import load_posters
from macros.search_terms import add_keywords, page_terms
from macros.word import letter_docx

_terms_by_url: dict[str, list[str]] = {}
_sources: dict = {}


def on_pre_build(config):
    """Load the letters and posters once per build (they were validated by define_env)."""
    _terms_by_url.clear()
    _sources["letters"] = load_letters()
    _sources["posters"] = load_posters()


def on_files(files, config):
    """Add every letter's Word files to the build."""
    every = {**_sources["letters"], **load_letters(INVITATIONS_DIR)}
    for letter in every.values():
        for path, ticked in downloads(letter):
            files.append(File.generated(config, path, content=letter_docx(letter, ticked)))
    return files


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
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(add_policy_meta(html), encoding="utf-8")
