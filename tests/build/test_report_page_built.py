""""Something wrong or out of date on this page?" under every guidance, letter and poster page
(overrides/swp/report-page.html): the borough directory when no LMC email is configured (the
default mkdocs.yml), an email to the LMC when one is, and nowhere else.

Which pages need it is found here from the built pages themselves (a guidance page's front
matter, the letter or poster tool in the markup), not from the module that decides it."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import PurePosixPath
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from macros.content.front_matter import read_all_pages
from macros.content.letters import load_letters
from macros.content.posters import load_posters
from tests.build.test_html_valid import check, known
from tests.helpers import PROJECT, build_site, copy_project, html_pages

PAGES = read_all_pages(PROJECT / "docs")
EMAIL = "reports@lmc.example"
# A name that must stay text: an ampersand and an apostrophe (angle brackets are refused outright,
# see the failure table in tests/build/test_failures.py).
NAME = "North & South's LMCs"
SITE_URL = "https://intranet.example/safe-working/"
REPORT = re.compile(r'<p class="swp-report-page">(.*?)</p>', re.DOTALL)
QUESTION = "Something wrong or out of date on this page?"


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def needing(site) -> list[str]:
    """Guidance pages (front matter), and pages that show a letter or a poster (their markup)."""
    guidance = {path.replace(".md", ".html") for path, (meta, _) in PAGES.items() if meta.type == "guidance"}
    shown = {path for path in html_pages(site)
             if 'class="swp-letter-tool"' in read(site, path) or 'class="swp-poster-tool"' in read(site, path)}
    return sorted(guidance | shown)


def reports(site, path: str) -> list[str]:
    return REPORT.findall(read(site, path))


def link(paragraph: str) -> str:
    hrefs = re.findall(r'href="([^"]*)"', paragraph)
    assert len(hrefs) == 1, paragraph
    return html.unescape(hrefs[0])


def test_the_pages_that_need_the_link_are_every_guidance_letter_and_poster_page(site_dir):
    pages = needing(site_dir)
    assert {f"letters/{letter_id}.html" for letter_id in load_letters()} <= set(pages)
    assert {f"posters/{poster_id}.html" for poster_id in load_posters()} <= set(pages)
    assert "patients/invitation-template.html" in pages
    assert len(pages) >= 16 + 10 + 11


def test_without_an_email_every_such_page_points_to_the_borough_directory(site_dir):
    for path in needing(site_dir):
        found = reports(site_dir, path)
        assert len(found) == 1, f"{path}: {len(found)} report links"
        paragraph = found[0]
        assert QUESTION in paragraph and "Tell your borough's LMC" in paragraph
        href = link(paragraph)
        assert not href.startswith(("mailto:", "http:", "https:", "/")), href
        target, anchor = href.split("#")
        assert anchor == "borough-lmcs-in-london"
        resolved = (site_dir / PurePosixPath(path).parent / target).resolve()
        assert resolved == (site_dir / "support" / "raising-local-issues.html").resolve(), f"{path}: {href}"
        assert f'id="{anchor}"' in resolved.read_text(encoding="utf-8")


def test_the_link_is_last_on_the_page_after_the_review_dates(site_dir):
    for path in needing(site_dir):
        built = read(site_dir, path)
        article = built[:built.rindex("</article>")]
        assert article.rindex('class="swp-dates"') < article.rindex('class="swp-report-page"'), path
        assert not re.search(r"<(?:p|h2|ul|div)\b", article[article.rindex('class="swp-report-page"'):].split("</p>", 1)[1]), path


def test_no_other_page_has_it(site_dir):
    others = sorted(set(html_pages(site_dir)) - set(needing(site_dir)))
    assert {"index.html", "letters/index.html", "posters/index.html", "about.html", "support/index.html"} <= set(others)
    assert [path for path in others if "swp-report-page" in read(site_dir, path)] == []


def test_it_makes_no_request_and_prints_nowhere(site_dir):
    for path in needing(site_dir):
        paragraph = reports(site_dir, path)[0]
        assert not re.search(r"<(?:img|script|iframe|form|link|object)\b|\bsrc=", paragraph), path
    print_css = (PROJECT / "docs/assets/stylesheets/print.css").read_text()
    hidden = print_css[:print_css.index("display: none !important")]
    assert ".swp-report-page" in hidden


@pytest.fixture(scope="module", params=["path", "site_url"])
def site_with_email(request, tmp_path_factory):
    """The site built with `extra.lmc.email` set (and an LMC name to escape), without and with SITE_URL."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert '    email: ""' in text and "    name: Londonwide LMCs" in text
    text = text.replace('    email: ""', f"    email: {EMAIL}", 1).replace("    name: Londonwide LMCs", f'    name: "{NAME}"', 1)
    config.write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("site-email")
    env = {"SITE_URL": SITE_URL} if request.param == "site_url" else None
    result = build_site(project, target, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return request.param, target


def test_with_an_email_each_page_opens_an_email_naming_the_page_its_address_and_review_date(site_with_email):
    kind, site = site_with_email
    for path in needing(site):
        meta = PAGES[path.removesuffix(".html") + ".md"][0]
        found = reports(site, path)
        assert len(found) == 1, path
        paragraph = found[0]
        assert QUESTION in paragraph
        raw = re.search(r'href="([^"]*)"', paragraph).group(1)
        # RFC 6068: every reserved character in the subject and body is percent-encoded; the two
        # fields are joined by an escaped ampersand in the HTML.
        query = raw.split("?", 1)[1]
        assert re.fullmatch(r"subject=[A-Za-z0-9%._~!$'()*+,;:@-]+&amp;body=[A-Za-z0-9%._~!$'()*+,;:@-]+", query), path
        assert "%0D%0A" in query and "%0A" not in query.replace("%0D%0A", "")
        address = urlsplit(link(paragraph))
        assert address.scheme == "mailto" and unquote(address.path) == EMAIL
        fields = parse_qs(address.query)
        assert fields["subject"] == [f"Safe working pack: something wrong or out of date on \u201c{meta.title}\u201d"], path
        body = fields["body"][0].split("\r\n")
        where = SITE_URL + path if kind == "site_url" else path
        assert body[:3] == [f"Page: {meta.title}", f"Address: {where}", f"Last reviewed: {meta.last_reviewed.isoformat()}"], path
        assert "Please do not include any patient's name, NHS number, date of birth" in body[-1]
        assert "nothing is sent until you send it" in paragraph and "leave out any patient's details" in paragraph


def test_with_an_email_every_value_stays_text(site_with_email):
    _, site = site_with_email
    paragraph = reports(site, "letters/ag-hand-back.html")[0]
    assert re.search(r"Email North &amp; South(&#39;|&#x27;)s LMCs", paragraph), paragraph
    subject = parse_qs(urlsplit(link(paragraph)).query)["subject"][0]
    assert "\u201cAn A&G reply that hands the work back\u201d" in subject


def test_with_an_email_no_other_page_has_it(site_with_email):
    _, site = site_with_email
    others = set(html_pages(site)) - set(needing(site))
    assert [path for path in others if "swp-report-page" in read(site, path)] == []


def test_with_an_email_the_w3c_checker_finds_no_error_in_a_guidance_letter_and_poster_page(site_with_email, tmp_path):
    _, site = site_with_email
    for path in ("guidance/firearms.html", "letters/ag-hand-back.html", "posters/online-record.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / path, tmp_path / path)
    errors = [f"{m['url']}: {m['message']}" for m in check(tmp_path) if m["type"] == "error" and not known(m)]
    assert errors == []
