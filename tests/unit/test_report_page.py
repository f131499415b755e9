"""Which pages end with "Something wrong or out of date on this page?" (macros/pages/report_page.py)."""
from datetime import date

from macros.content.front_matter import PageMeta, read_all_pages
from macros.content.letters import load_letters
from macros.content.posters import load_posters
from macros.pages.report_page import report_page_urls
from tests.helpers import PROJECT


def meta(**extra) -> PageMeta:
    return PageMeta(title="T", description="D", last_reviewed=date(2026, 1, 1), **extra)


def test_guidance_and_pages_that_show_a_letter_or_poster_and_nothing_else():
    pages = {
        "guidance/a.md": (meta(type="guidance"), "# A\n"),
        "safety/index.md": (meta(type="guidance"), "# S\n"),
        "letters/b.md": (meta(render_macros=True), '# B\n\n{{ letter("b") }}\n'),
        "patients/invite.md": (meta(render_macros=True), "# I\n\n{{letter('invitation')}}\n"),
        "posters/c.md": (meta(render_macros=True), '# C\n\n{{- poster("c") }}\n'),
        "letters/index.md": (meta(render_macros=True), "# Letters\n\n{{ letters_index() }}\n"),
        "posters/index.md": (meta(render_macros=True), "# Posters\n\n{{ poster_gallery() }}\n"),
        "patients/workbook.md": (meta(type="workbook"), "# W\n"),
        "about.md": (meta(), "A letter (like this one) is not a call.\n"),
    }
    assert report_page_urls(pages) == [
        "guidance/a.html", "letters/b.html", "patients/invite.html", "posters/c.html", "safety/index.html",
    ]


def test_every_real_letter_poster_and_guidance_page_is_listed():
    pages = read_all_pages(PROJECT / "docs")
    urls = set(report_page_urls(pages))
    assert {f"letters/{letter_id}.html" for letter_id in load_letters()} <= urls
    assert {f"posters/{poster_id}.html" for poster_id in load_posters()} <= urls
    assert {path.replace(".md", ".html") for path, (page, _) in pages.items() if page.type == "guidance"} <= urls
    assert "patients/invitation-template.html" in urls
    assert not {"index.html", "letters/index.html", "posters/index.html", "about.html", "changes.html"} & urls
