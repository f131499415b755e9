"""Build tests: the strict build's HTML, inspected."""
import re
from pathlib import Path

from macros.content.directory import load_directory
from tests.helpers import PROJECT, mkdocs_config, nav_files


def test_every_nav_page_is_built(site_dir):
    files = nav_files(mkdocs_config()["nav"])
    assert len(files) >= 15
    for name in files:
        built = site_dir / name.replace(".md", ".html")
        assert built.is_file(), f"{name} was not built"
        assert "<h1" in built.read_text(), f"{name} has no heading"


def test_every_page_shows_its_review_date(site_dir):
    for path in site_dir.rglob("*.html"):
        if path.name == "404.html" or "assets" in path.parts:
            continue
        assert 'class="swp-dates"' in path.read_text(), path


def test_directory_lists_every_borough_from_the_data(site_dir):
    html = (site_dir / "support" / "raising-local-issues.html").read_text()
    directory = load_directory()
    for icb in directory.icbs:
        assert f">{icb.name}</h2>" in html
        for borough in icb.boroughs:
            assert f'<th scope="row">{borough.name.replace("&", "&amp;")}</th>' in html


def test_unconfigured_contacts_show_no_invented_detail(site_dir):
    for page in ("about.html", "support/index.html", "support/raising-local-issues.html"):
        html = (site_dir / page).read_text()
        assert "mailto:" not in html, page
        assert "tel:" not in html, page
        assert not re.search(r"\b0\d{2,4}[ ]?\d{3,4}[ ]?\d{3,4}\b", html), page
    about = (site_dir / "about.html").read_text()
    assert "Not set up on this copy of the pack: ask Londonwide LMCs." in about


def test_no_page_loads_anything_from_another_origin(site_dir):
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I)
    for path in site_dir.rglob("*.html"):
        html = path.read_text()
        assert not pattern.search(html), f"{path} loads from another origin"
        assert "fonts.googleapis" not in html and "unpkg.com" not in html


def test_search_works_offline_with_the_shipped_shim(site_dir):
    assert (site_dir / "search" / "search_index.js").is_file()
    assert (site_dir / "assets" / "javascripts" / "iframe-worker-csp.js").is_file()
    home = (site_dir / "index.html").read_text()
    assert 'src="assets/javascripts/iframe-worker-csp.js"' in home and "unpkg" not in home


def test_links_are_relative_for_file_urls(site_dir):
    html = (site_dir / "support" / "gpas.html").read_text()
    assert 'href="../index.html"' in html or 'href="../"' not in html
    assert 'href="/' not in html


def test_raw_yaml_is_not_published(site_dir):
    assert not list(site_dir.rglob("*.yml"))


def test_whats_changed_lists_pages_by_review_date(site_dir):
    html = (site_dir / "changes.html").read_text()
    assert "23 November 2026" in html
    assert 'href="letters/housing.html"' in html and 'href="guidance/dental.html"' in html
