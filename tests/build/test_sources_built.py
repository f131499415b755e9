"""Every source on the built site is a link with its publisher and a date;
guidance and letter pages say which contract year they are correct for, and
say "check" once that year has ended."""
import html
import re

import pytest

from macros.content.load import load_content
from macros.tools.check import mkdocs_extra
from tests.helpers import PROJECT, build_site, html_pages

CONTENT = load_content(PROJECT / "docs", mkdocs_extra(PROJECT / "mkdocs.yml"))
DATE = re.compile(r", (published|updated|accessed) (\d{1,2} )?([A-Z][a-z]+ )?(19|20)\d\d\b")
CONTRACT_PAGES = sorted(
    [p for p, (m, _) in CONTENT.pages.items() if m.type == "guidance"] + [f"letters/{i}.md" for i in CONTENT.letters]
)


def sources_items(built: str) -> list[str]:
    """The <li> items of every Sources list on a page."""
    lists = re.findall(r'<ul class="swp-sources">(.*?)</ul>', built, re.S)
    return [item for block in lists for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_every_source_on_every_page_is_a_dated_https_link(site_dir):
    counted = 0
    for name in html_pages(site_dir):
        built = (site_dir / name).read_text()
        if 'id="sources"' not in built:
            continue
        items = sources_items(built)
        assert items, f"{name}: a Sources heading with no sources"
        for item in items:
            assert re.search(r'<a href="https://[^"\s]+">', item) or "Not online:" in item, f"{name}: {item}"
            assert DATE.search(re.sub(r"<[^>]+>", "", item)), f"{name}: no date in {item}"
            counted += 1
    assert counted > 100


def test_pages_with_a_sources_section(site_dir):
    """Every guidance page, letter and poster shows its sources; no page has two Sources sections."""
    for name in html_pages(site_dir):
        built = (site_dir / name).read_text()
        assert built.count('id="sources"') <= 1, name
    for path in CONTRACT_PAGES + [f"posters/{i}.md" for i in CONTENT.posters]:
        assert 'id="sources"' in (site_dir / path.replace(".md", ".html")).read_text(), path


def test_a_letter_prints_its_sources_with_full_addresses(site_dir):
    for letter_id, letter in CONTENT.letters.items():
        built = (site_dir / "letters" / f"{letter_id}.html").read_text()
        start = built.index('class="swp-letter"')
        article = built[start:built.index("</article>", start)]
        for source in letter.sources:
            url = html.escape(source.url)
            assert f'<a href="{url}">{url}</a>' in article, f"{letter_id}: {source.url}"


@pytest.mark.parametrize("path", CONTRACT_PAGES)
def test_guidance_and_letter_pages_show_their_contract_year(site_dir, path):
    built = (site_dir / path.replace(".md", ".html")).read_text()
    year = CONTENT.pages[path][0].contract_year
    assert year and f'Correct for the <span class="swp-contract-year">{year}</span> GP contract year' in built
    assert "swp-contract-check" not in built


def test_once_the_year_has_passed_pages_say_check(tmp_path):
    """Built as if on 2 April 2027, every page for 2026/27 carries the check note; others do not."""
    result = build_site(PROJECT, tmp_path / "site", env={"SWP_TODAY": "2027-04-02"})
    assert result.returncode == 0, result.stderr[-2000:]
    for path in CONTRACT_PAGES:
        built = (tmp_path / "site" / path.replace(".md", ".html")).read_text()
        if CONTENT.pages[path][0].contract_year == "2026/27":
            assert "written for the 2026/27 GP contract, and the 2027/28" in built, path
    assert "swp-contract-check" not in (tmp_path / "site" / "index.html").read_text()
