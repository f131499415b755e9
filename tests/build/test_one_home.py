"""One home for each rule: what is written in one place and shown in several is derived from
that place, and these tests fail when a hand-written copy drifts from it."""
from __future__ import annotations

import re

from macros.content.front_matter import read_all_pages
from macros.content.guidance import MAX_ANSWER_WORDS, SECTIONS
from macros.content.letters import load_letters
from macros.content.posters import MAX_MESSAGE_WORDS, MAX_POINT_WORDS, MAX_TITLE_CHARS
from macros.pages.home import FROM_NHS, FROM_OTHERS
from macros.steps.csp import HEADER_ONLY, policy
from macros.tools.scaffold import GUIDANCE_PAGE, POSTER, guidance_sections
from tests.helpers import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")
PRIVACY = (PROJECT / "overrides" / "swp" / "privacy.html").read_text(encoding="utf-8").split("#}")[-1].strip()


def content(site_dir, page: str) -> str:
    return (site_dir / page).read_text(encoding="utf-8").split('class="md-content"')[1]


def test_the_home_page_lists_every_task_the_letters_and_pages_name(site_dir):
    """A letter's `task` (or its variants') and a page's `tasks:` reach the home page with no second edit."""
    home = content(site_dir, "index.html")
    assert FROM_NHS in home and FROM_OTHERS in home
    for letter_id, letter in load_letters().items():
        if letter.draft:
            continue
        tasks = [(v.task, f"letters/{letter_id}.html#task-{v.id}") for v in letter.variants if v.task]
        for phrase, href in tasks or ([(letter.task, f"letters/{letter_id}.html")] if letter.task else []):
            assert f'<a href="{href}">{phrase.replace("&", "&amp;").replace(chr(39), "&#39;")}</a>' in home, phrase
    named = 0
    for path, (meta, _) in read_all_pages(PROJECT / "docs").items():
        for phrase in meta.tasks:
            named += 1
            assert f'<a href="{path[:-3]}.html">{phrase}</a>' in home, phrase
    assert named >= 5


def test_the_privacy_promise_has_one_home(site_dir):
    """overrides/swp/privacy.html is shown above every form and on the pages that describe them."""
    for page in ("letters/sick-notes.html", "posters/dental.html", "support/report-a-transfer.html", "letters/index.html", "about.html"):
        assert PRIVACY.replace("'", "&#39;") in content(site_dir, page) or PRIVACY in content(site_dir, page), page
    for path in [*(PROJECT / "docs").rglob("*.md"), *(PROJECT / "overrides").rglob("*.html"), *(PROJECT / "macros").rglob("*.py")]:
        if path.name != "privacy.html":
            assert "not sent anywhere" not in path.read_text(encoding="utf-8"), f"{path}: say it with privacy_note() or include swp/privacy.html"


def test_the_placeholder_colour_has_one_home():
    colours = {path.name: re.findall(r"#fff3b0", path.read_text(encoding="utf-8"), re.I) for path in (PROJECT / "docs" / "assets" / "stylesheets").glob("*.css")}
    assert {name: len(found) for name, found in colours.items() if found} == {"base.css": 1}


def test_scaffolds_take_their_limits_and_headings_from_the_code():
    filled = POSTER.format(id="x", today="2026-01-01", day="1 January 2026", max_title=MAX_TITLE_CHARS, max_words=MAX_MESSAGE_WORDS, max_point=MAX_POINT_WORDS)
    assert f"at most {MAX_MESSAGE_WORDS} words" in filled and not re.search(r"at most \d", POSTER)
    assert not re.search(r"at most \d", GUIDANCE_PAGE) and "## " not in GUIDANCE_PAGE
    assert re.findall(r"^## (.+)$", guidance_sections(), re.M) == SECTIONS
    assert str(MAX_ANSWER_WORDS) not in GUIDANCE_PAGE


def test_the_readme_names_every_directive_the_policy_has():
    """The README's policy summary is checked against macros/steps/csp.py, which writes the policy."""
    section = README.split("**Content Security Policy.**")[1].split("```")[0]
    named = set(re.findall(r"`([a-z-]+-(?:src|action|uri|ancestors))[^`]*`", section))
    directives = {directive.split()[0] for directive in policy([]).split("; ") + HEADER_ONLY}
    assert named == directives, f"README names {sorted(named)}; the code writes {sorted(directives)}"
    for directive in policy([]).split("; "):
        if not directive.startswith("script-src"):
            assert f"`{directive}`" in section, directive


def test_the_readme_layout_table_matches_the_tree():
    """Every path the README's layout table names exists, and every folder in macros/ is named."""
    table = README.split("## How the project is laid out")[1].split("\n## ")[0]
    paths = re.findall(r"^\| `([^`]+)`", table, re.M)
    for path in paths:
        assert (PROJECT / path.rstrip("/")).exists(), path
    folders = {f"macros/{p.name}/" for p in (PROJECT / "macros").iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert folders <= set(paths), sorted(folders - set(paths))
