"""ProperDocs, the maintained continuation of MkDocs 1.6, as a tested runner: `make properdocs`
builds the same mkdocs.yml (Material, mkdocs-macros and our hook) in its own venv from
requirements/properdocs.lock, and writes the site `mkdocs build` writes, byte for byte apart
from the generator tag: the security policy, the search words, every letter and poster."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from macros.steps.finished import missing_steps
from macros.steps.search_terms import MKDOCS_INDEX
from tests.helpers import PROJECT, html_pages

# The pages docs/ holds (the site adds a 404 page): counted, so a new page does not break these tests.
PAGES = sum(1 for _ in (PROJECT / "docs").rglob("*.md"))

PROPERDOCS_SITE = PROJECT / "site-properdocs"
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


@pytest.fixture(scope="module")
def properdocs_site():
    result = subprocess.run(["make", "properdocs"], cwd=PROJECT, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"markup fixes and security policy on {PAGES} pages and the 404 page" in result.stdout + result.stderr, "the hook ran"
    return PROPERDOCS_SITE


def files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def without_generator(path):
    data = path.read_bytes()
    return GENERATOR.sub("", data.decode("utf-8")) if path.suffix == ".html" else data


def test_properdocs_wrote_it(properdocs_site):
    generators = {GENERATOR.search((properdocs_site / page).read_text(encoding="utf-8")).group(1) for page in html_pages(properdocs_site)}
    assert len(generators) == 1 and "ProperDocs" in generators.pop()


def test_the_properdocs_build_is_the_mkdocs_build_page_for_page(properdocs_site, site_dir):
    assert files(properdocs_site) == files(site_dir)
    differ = [name for name in files(site_dir) if without_generator(properdocs_site / name) != without_generator(site_dir / name)]
    assert not differ, differ


def test_the_properdocs_build_is_finished(properdocs_site):
    """The same build steps ran from the hook: policy on every page, search words, markup fixes."""
    assert missing_steps(properdocs_site) == []
    index = json.loads((properdocs_site / MKDOCS_INDEX).read_text(encoding="utf-8"))["docs"]
    keywords = {entry["location"]: entry.get("keywords", "").split() for entry in index}
    assert "DNA" in keywords["letters/dna-discharge.html"] and "MED3" in keywords["letters/sick-notes.html"]
    for page in ("letters/sick-notes.html", "posters/nhs-and-fees.html", "guidance/firearms.html"):
        html = (properdocs_site / page).read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
    assert 'class="swp-letter"' in (properdocs_site / "letters/sick-notes.html").read_text(encoding="utf-8")
    assert 'class="swp-poster swp-poster--' in (properdocs_site / "posters/nhs-and-fees.html").read_text(encoding="utf-8")
