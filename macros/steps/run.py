"""Build steps run on the finished site, whichever generator wrote it (MkDocs or Zensical).

In order:
1. two fixes to Material's markup that the W3C checker rejects (an empty
   `tabindex=""` on navigation labels; a contents label pointing at a toggle the
   page does not have);
2. the clinicians' search words go into the generator's search index
   (macros/steps/search_terms.py);
3. for MkDocs' index, every entry's words counted for the site's search worker
   (macros/steps/search_prebuilt.py), so a page's search is ready at once;
4. every page gets its Content Security Policy <meta> (macros/steps/csp.py).

Every MkDocs (or ProperDocs) command that writes a site runs them from the hook's
`on_post_build` (macros/steps/hooks.py): `mkdocs build`, `mkdocs gh-deploy`, and
`mkdocs serve` after each rebuild. Zensical runs no hooks, so `make zensical` runs
`python -m macros.steps SITE_DIR` after it. The steps read only the built site and
the project's own files, and are idempotent: running them again on a finished site
changes nothing. macros/steps/finished.py tells whether a site has had them.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from macros.steps.csp import UnknownInlineScript, add_policy_meta
from macros.steps.search_prebuilt import PrebuildError, write_counts
from macros.steps.search_terms import MKDOCS_INDEX, add_search_words

PROJECT = Path(__file__).resolve().parents[2]


# Material 9.x writes tabindex="" on section labels in the navigation (partials/nav-item.html);
# the W3C checker rejects it, browsers ignore it. Dropping it changes nothing a reader sees.
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')


# On a section's index page (navigation.indexes) Material writes the contents' label for="__toc"
# but not the __toc toggle it points to; the label works the same without `for`.
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def fix_theme_markup(html: str) -> str:
    """Theme markup the HTML checker rejects, made valid without changing behaviour."""
    html = EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def add_policies(site_dir: Path) -> list[str]:
    """Fix the theme's markup and add the security policy to every HTML page; return the pages, relative to the site."""
    pages = []
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        with_policy = add_policy_meta(fix_theme_markup(html), page=str(page))
        if with_policy != html:
            page.write_text(with_policy, encoding="utf-8")
        pages.append(page.relative_to(site_dir).as_posix())
    return pages


def counted(pages: list[str]) -> str:
    """"63 pages and the 404 page": counted as `make check` counts docs/ pages, the generator's 404 page apart."""
    extra = [page for page in pages if page == "404.html"]
    text = f"{len(pages) - len(extra)} pages"
    return text + (" and the 404 page" if extra else "")


def run_steps(site_dir: Path, docs_dir: Path = PROJECT / "docs") -> list[str]:
    """Every step, in order, on a built site; return one line per step saying what it did."""
    site_dir = Path(site_dir)
    index = add_search_words(site_dir, docs_dir)
    done = [f"search words in {index}" if index else "no search index found: search words not added"]
    if index == MKDOCS_INDEX:
        counts = write_counts(site_dir, json.loads((site_dir / index).read_text(encoding="utf-8")))
        done.append(f"search index's words counted in {counts.relative_to(site_dir).as_posix()}")
    done.append(f"markup fixes and security policy on {counted(add_policies(site_dir))}")
    return done


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    if not site.is_dir():
        print(f"{site} is not a built site: build it first", file=sys.stderr)
        return 2
    try:
        for line in run_steps(site):
            print(f"{site}: {line}")
    except (UnknownInlineScript, PrebuildError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
