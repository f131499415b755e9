"""Longevity: the same project built with Zensical (`make zensical`), compared
with the MkDocs build. Known gaps are expected failures, each with its reason."""
import json
import subprocess

import pytest

from macros.letters import load_letters
from macros.posters import load_posters
from tests.helpers import PROJECT, html_pages

ZENSICAL_SITE = PROJECT / "site-zensical"


@pytest.fixture(scope="module")
def zensical_site():
    result = subprocess.run(["make", "zensical"], cwd=PROJECT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return ZENSICAL_SITE


def test_the_same_pages_come_out(site_dir, zensical_site):
    assert set(html_pages(zensical_site)) == set(html_pages(site_dir))


def test_every_letter_and_poster_renders(zensical_site):
    for letter in load_letters():
        html = (zensical_site / "letters" / f"{letter}.html").read_text()
        assert 'class="swp-letter"' in html and "data-field-input" in html, letter
    for poster in load_posters():
        assert 'class="swp-poster swp-poster--a4"' in (zensical_site / "posters" / f"{poster}.html").read_text(), poster


def test_directory_and_guidance_render(zensical_site):
    assert "Kingston and Richmond" in (zensical_site / "support" / "raising-local-issues.html").read_text()
    assert "Last reviewed" in (zensical_site / "guidance" / "dental.html").read_text()


def test_word_downloads(zensical_site):
    """Word files are made in the page, so the Zensical build has them too."""
    assert 'data-action="word"' in (zensical_site / "letters" / "dna-discharge.html").read_text()
    assert (zensical_site / "assets" / "javascripts" / "word.js").is_file()
    assert (zensical_site / "assets" / "vendor" / "fflate" / "fflate.min.js").is_file()


def test_content_security_policy_on_every_page(zensical_site):
    """The policy is a build step on the finished site (macros/site_steps.py), so Zensical's pages get it too."""
    for page in html_pages(zensical_site):
        html = (zensical_site / page).read_text()
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page


@pytest.mark.xfail(strict=True, reason="Zensical writes its own index (search.json: location, title, text, path, tags) and "
                   "has no field for hidden search words; ours are added by a MkDocs hook to MkDocs' index")
def test_search_keywords(zensical_site):
    index = json.loads((zensical_site / "search.json").read_text())
    assert any("keywords" in item for item in index["items"])
