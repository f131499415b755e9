"""Built guidance pages: every section, sources, dates and working next steps."""
import re
from pathlib import PurePosixPath

from macros.content.guidance import SECTIONS
from macros.pages.guidance import guidance_pages
from macros.content.front_matter import read_all_pages
from tests.helpers import PROJECT

PAGES = guidance_pages(read_all_pages(PROJECT / "docs"))
EXPECTED = {
    "guidance/shared-care.md", "guidance/advice-and-guidance.md", "guidance/core-hours.md",
    "guidance/dental.md", "guidance/record-access.md", "guidance/records-after-death.md",
    "guidance/dols.md", "guidance/police-requests.md", "guidance/firearms.md",
    "access/index.md", "safety/index.md",
}


def slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def section_html(built: str, heading: str) -> str:
    start = built.index(f'id="{slug(heading)}"')
    end = built.find("<h2", start)
    return built[start:end if end != -1 else len(built)]


def test_all_eleven_guidance_pages_exist():
    assert {path for path, _ in PAGES} == EXPECTED


def test_each_page_has_every_section_sources_and_dates(site_dir):
    for path, meta in PAGES:
        built = (site_dir / path.replace(".md", ".html")).read_text()
        positions = [built.index(f'<h2 id="{slug(h)}"') for h in SECTIONS]
        assert positions == sorted(positions), path
        assert section_html(built, "Sources").count("<li>") >= 1, path
        assert "Last reviewed" in built and "Next review due" in built, path
        assert meta.review_due.strftime("%-d %B %Y") in built


def test_what_to_do_next_links_resolve(site_dir):
    for path, _ in PAGES:
        built = (site_dir / path.replace(".md", ".html")).read_text()
        links = re.findall(r'href="([^"#]+\.html)(?:#([^"]+))?"', section_html(built, "What to do next"))
        assert links, path
        for href, anchor in links:
            target = site_dir / PurePosixPath(path).parent / href
            assert target.resolve().is_file(), f"{path}: {href}"
            if anchor:
                assert f'id="{anchor}"' in target.read_text(), f"{path}: {href}#{anchor}"


def test_guidance_index_lists_every_topic_with_its_answer(site_dir):
    built = (site_dir / "guidance" / "index.html").read_text()
    for path, meta in PAGES:
        assert meta.title.replace("&", "&amp;") in built, path
