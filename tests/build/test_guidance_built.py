"""Built guidance pages: every section, sources, dates and working next steps."""
import re
from pathlib import PurePosixPath

from macros.content.guidance import SECTIONS
from macros.pages.guidance import guidance_pages
from macros.content.front_matter import read_all_pages
from tests.helpers import PROJECT, mkdocs_config, nav_files

PAGES = guidance_pages(read_all_pages(PROJECT / "docs"))


def slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def section_html(built: str, heading: str) -> str:
    start = built.index(f'id="{slug(heading)}"')
    end = built.find("<h2", start)
    return built[start:end if end != -1 else len(built)]


def test_guidance_means_type_guidance_and_every_such_page_is_in_the_nav():
    """No hand-kept list: a page is guidance by its front matter. Every page in docs/guidance/ but
    the index is one, and every guidance page, wherever it sits, is in the nav."""
    paths = {path for path, _ in PAGES}
    folder = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs" / "guidance").glob("*.md")}
    assert folder - {"guidance/index.md"} <= paths
    assert paths <= set(nav_files(mkdocs_config()["nav"]))
    assert len(paths) >= 10


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
