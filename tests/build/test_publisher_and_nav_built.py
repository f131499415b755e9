"""Whose pack, and where am I: the publisher on every page (from extra.lmc), a navigation a GP
can scan (one tab per section, no prefixes or repeated names), breadcrumbs, and an about page."""
from __future__ import annotations

import re

import yaml

from tests.helpers import PROJECT, build_site, copy_project, html_pages

CONFIG = yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # BaseLoader: !ENV tags stay text
LMC = CONFIG["extra"]["lmc"]
SITE_NAME = CONFIG["site_name"]


def header(html: str) -> str:
    return html[html.index('<header class="md-header'):html.index("</header>")]


def footer(html: str) -> str:
    return html[html.index('<footer class="md-footer"'):html.rindex("</footer>")]


def test_every_page_names_its_publisher_in_the_header_and_footer(site_dir):
    for name in html_pages(site_dir) + ["404.html"]:
        html = (site_dir / name).read_text(encoding="utf-8")
        assert f'<span class="md-ellipsis swp-header-title__publisher">{LMC["name"]}</span>' in header(html), name
        foot = footer(html)
        assert "published by" in foot and f'<a href="{LMC["website"]}">{LMC["name"]}</a>' in foot, name
        assert re.search(r'<a href="(\.\./)*/?about\.html">Who made this pack and how it is kept up to date</a>', foot), name
        assert "Made with" not in foot and "squidfunk" not in foot


def test_the_default_mark_is_neutral_text_not_an_image(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    logo = html[html.index('class="md-header__button md-logo"'):]
    logo = logo[: logo.index("</a>")]
    assert '<span class="swp-mark" aria-hidden="true">LMC</span>' in logo
    assert "<img" not in logo and "<svg" not in logo
    assert f'aria-label="{LMC["name"]}: {SITE_NAME}, home page"' in logo


def test_nav_titles_have_no_prefixes_and_there_is_one_tab_per_section(site_dir):
    html = (site_dir / "letters" / "trust-tasks.html").read_text(encoding="utf-8")
    primary = html[html.index("md-nav--primary"):]
    labels = [re.sub(r"\s+", " ", label).strip() for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', primary, re.S)]
    assert labels and not [label for label in labels if label.lower().startswith(("poster:", "letter:"))]
    tabs = re.findall(r'class="md-tabs__link">\s*(.*?)\s*</a>', html, re.S)
    assert tabs == ["Home", "Letters", "Posters", "Guidance", "Patient workshop", "LMC support", "About"]


def test_every_page_but_home_has_breadcrumbs_naming_its_section(site_dir):
    for name in html_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        if name == "index.html":
            assert 'class="md-path"' not in html
            continue
        path = re.search(r'<nav class="md-path"[^>]*>(.*?)</nav>', html, re.S)
        assert path, f"{name} has no breadcrumbs"
        assert "Home" in path.group(1), name


def test_the_about_page_says_who_publishes_the_pack_and_how_it_is_kept_current(site_dir):
    html = (site_dir / "about.html").read_text(encoding="utf-8")
    assert "Who made this pack and how it is kept up to date" in html
    assert f"<strong>{LMC['name']}</strong>" in html and LMC["website"] in html
    for point in ("Every claim has a source", "last reviewed", "contract year", "Where sources disagree"):
        assert point in html


def test_another_lmc_rebrands_header_footer_and_about_in_one_place(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "assets" / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>', encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(f"    name: {LMC['name']}\n", "    name: Example Borough LMC\n", 1)
    text = text.replace(f"    website: {LMC['website']}\n", "    website: https://lmc.example\n", 1)
    text = text.replace('    logo: ""\n', "    logo: assets/images/logo.svg\n", 1)
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    for name in ("index.html", "letters/trust-tasks.html", "about.html"):
        html = (site / name).read_text(encoding="utf-8")
        assert "Example Borough LMC" in header(html) and 'src="' in header(html) and "logo.svg" in header(html)
        assert '<a href="https://lmc.example">Example Borough LMC</a>' in footer(html)
        assert LMC["name"] not in header(html) + footer(html)
    assert "<strong>Example Borough LMC</strong>" in (site / "about.html").read_text(encoding="utf-8")
