"""Has a built site had its build steps? `python -m macros.steps.finished SITE_DIR`.

A generator that runs no hooks (Zensical, or one the project does not know), or a
mkdocs.yml whose `hooks:` lost macros/steps/hooks.py, writes a site that looks whole
but lacks the security policy, the clinicians' search words and the markup fixes.
`missing_steps` names what is missing, so `make check`, `make dist` and the tests
refuse such a site instead of passing it as finished.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.steps.csp import HAS_POLICY
from macros.steps.run import EMPTY_TABINDEX, PROJECT, TOC_LABEL
from macros.steps.search_terms import HIDDEN_WORDS, INLINE_PREFIX, MKDOCS_INDEX, ZENSICAL_INDEX, terms_by_location

HOW_TO_FINISH = (
    "MkDocs and ProperDocs run the build steps from the hook in mkdocs.yml (`hooks: - macros/steps/hooks.py`): "
    "put it back if it was removed; after any other generator run `python -m macros.steps SITE_DIR`"
)


def _some(pages: list[str]) -> str:
    shown = ", ".join(pages[:3])
    return shown + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def missing_policy(site: Path) -> list[str]:
    pages = _pages(site)
    without = [p.relative_to(site).as_posix() for p in pages if not HAS_POLICY.search(p.read_text(encoding="utf-8"))]
    if without:
        return [f"the security policy <meta>: {len(without)} of {len(pages)} pages have none ({_some(without)})"]
    return []


def missing_markup_fixes(site: Path) -> list[str]:
    left = []
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        if EMPTY_TABINDEX.search(html) or (TOC_LABEL in html and 'id="__toc"' not in html):
            left.append(page.relative_to(site).as_posix())
    return [f"the theme's markup fixes (tabindex=\"\", a contents label without its toggle): {len(left)} pages still have them ({_some(left)})"] if left else []


def _index_entries(site: Path) -> tuple[str, dict[str, str]] | None:
    """The site's search index and, per page location, the words the steps add ("" where none)."""
    if (site / MKDOCS_INDEX).is_file():
        docs = json.loads((site / MKDOCS_INDEX).read_text(encoding="utf-8")).get("docs", [])
        return MKDOCS_INDEX, {d["location"]: d.get("keywords", "") for d in docs if "#" not in d["location"]}
    if (site / ZENSICAL_INDEX).is_file():
        items = json.loads((site / ZENSICAL_INDEX).read_text(encoding="utf-8")).get("items", [])
        return ZENSICAL_INDEX, {i["location"]: i.get("text", "") if HIDDEN_WORDS in i.get("text", "") else "" for i in items if "#" not in i["location"]}
    return None


def missing_search_words(site: Path, docs_dir: Path) -> list[str]:
    found = _index_entries(site)
    if found is None:
        return [f"a search index: neither {MKDOCS_INDEX} (MkDocs) nor {ZENSICAL_INDEX} (Zensical) is in the site"]
    name, entries = found
    wanted = [location for location in terms_by_location(docs_dir) if location in entries]
    without = [location for location in wanted if not entries[location]]
    problems = [f"the clinicians' search words in {name}: {len(without)} of {len(wanted)} pages lack them ({_some(without)})"] if without else []
    inline = (site / name).with_suffix(".js")
    if inline.is_file() and inline.read_text(encoding="utf-8") != INLINE_PREFIX + (site / name).read_text(encoding="utf-8"):
        problems.append(f"the search words in {inline.relative_to(site).as_posix()} (the copy searched from file://): it differs from {name}")
    return problems


def missing_steps(site_dir: Path, docs_dir: Path = PROJECT / "docs") -> list[str]:
    """What the build steps add that the site lacks; empty when the site is finished."""
    site = Path(site_dir)
    return missing_policy(site) + missing_search_words(site, Path(docs_dir)) + missing_markup_fixes(site)


def report(site_dir: Path, missing: list[str]) -> str:
    """The message a command prints for an unfinished site."""
    lines = [f"{site_dir} is not a finished site: the build steps did not run. It lacks:"]
    lines += [f"  - {item}" for item in missing]
    return "\n".join(lines + [HOW_TO_FINISH + "."])


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    if not site.is_dir():
        print(f"{site} is not a built site: build it first", file=sys.stderr)
        return 2
    missing = missing_steps(site)
    if missing:
        print(report(site, missing), file=sys.stderr)
        return 1
    print(f"{site}: finished (security policy, search words and markup fixes all there)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
