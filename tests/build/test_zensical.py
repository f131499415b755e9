"""Longevity: the same project built with Zensical (`make zensical`), compared with
the MkDocs build, page by page and search query by search query.

What still differs is a strict expected failure whose reason is its real cause
(DIFFERENCES), so the test fails the day Zensical closes a gap. The README's
Zensical table is written from what this module measures: the last test fails if
the README says otherwise; `make zensical-table` rewrites it.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess

import pytest

from macros.content.letters import load_letters
from macros.content.posters import load_posters
from macros.steps.search_terms import HIDDEN_WORDS, MKDOCS_INDEX, ZENSICAL_INDEX
from tests.browser.search import QUERIES, misses, rate, top_three, zensical_search
from tests.conftest import serve
from tests.helpers import PROJECT, docx_text, download_word, html_pages

pytestmark = pytest.mark.xdist_group("search")

ZENSICAL_SITE = PROJECT / "site-zensical"
ZENSICAL_PYTHON = PROJECT / ".venv-zensical" / "bin" / "python"
README = PROJECT / "README.md"
TABLE_START = "<!-- zensical-table: written by tests/build/test_zensical.py (make zensical-table); do not edit by hand -->"
TABLE_END = "<!-- end zensical-table -->"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
REVIEWED = re.compile(r"Last reviewed\s*<time[^>]*>([^<]*)</time>")

# What still differs, and why. Each is a strict expected failure below.
DIFFERENCES = {
    "Search ranking": "Zensical lists only pages holding every word of a query, and ignores the search boosts in "
               "mkdocs.yml (titles, search words, a page's `search.boost`), so some of the evaluation's "
               "queries rank their page lower or find nothing",
    "Search words shown": "Zensical's index has no hidden field, so the search words are part of the page entry's text, "
                   "and its result excerpts show them",
    "Inline styles": "Zensical's search dialog writes its own `<style>` element, so its pages' policy allows "
                     "inline styles (`style-src 'unsafe-inline'`); scripts stay as strict as with MkDocs",
}


@pytest.fixture(scope="module")
def zensical_site():
    result = subprocess.run(["make", "zensical"], cwd=PROJECT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return ZENSICAL_SITE


@pytest.fixture(scope="module")
def zensical_search_results(browser, zensical_site):
    server = serve(zensical_site)
    yield top_three(browser, f"http://127.0.0.1:{server.server_port}/", zensical_search)
    server.shutdown()


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def letter_pages(site):
    """Letter pages a GP can fill in, copy, print and download as Word."""
    return [f"letters/{letter}.html" for letter in load_letters()
            if all(mark in read(site, f"letters/{letter}.html") for mark in ('class="swp-letter"', "data-field-input", 'data-action="word"'))]


def poster_pages(site):
    return [f"posters/{poster}.html" for poster in load_posters() if 'class="swp-poster swp-poster--' in read(site, f"posters/{poster}.html")]


def policies(site):
    """Each page's security policy (None where it has none)."""
    found = {}
    for page in html_pages(site):
        match = POLICY.findall(read(site, page))
        found[page] = match[0] if len(match) == 1 else None
    return found


def pages_with_search_words(site):
    if (site / MKDOCS_INDEX).is_file():
        return [d["location"] for d in json.loads(read(site, MKDOCS_INDEX))["docs"] if d.get("keywords")]
    return [i["location"] for i in json.loads(read(site, ZENSICAL_INDEX))["items"] if HIDDEN_WORDS in i["text"]]


def review_date(site):
    return REVIEWED.search(read(site, "guidance/dental.html")).group(1)


# --- the same site ---------------------------------------------------------------------------

def test_the_same_pages_come_out(site_dir, zensical_site):
    assert set(html_pages(zensical_site)) == set(html_pages(site_dir))


def test_every_letter_has_its_form_and_word_download(site_dir, zensical_site):
    assert letter_pages(zensical_site) == letter_pages(site_dir) == [f"letters/{letter}.html" for letter in load_letters()]
    for script in ("word.js", "letter.js", "fill-in.js", "save-file.js"):
        assert (zensical_site / "assets" / "javascripts" / script).is_file(), script
    assert (zensical_site / "assets" / "vendor" / "fflate" / "fflate.min.js").is_file()


def test_every_poster_renders(site_dir, zensical_site):
    assert poster_pages(zensical_site) == poster_pages(site_dir) == [f"posters/{poster}.html" for poster in load_posters()]


def test_directory_and_guidance_render(zensical_site):
    assert "Kingston and Richmond" in read(zensical_site, "support/raising-local-issues.html")
    assert "Last reviewed" in read(zensical_site, "guidance/dental.html")


def test_review_dates_read_the_same(site_dir, zensical_site):
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", review_date(site_dir))
    assert review_date(zensical_site) == review_date(site_dir)


def test_security_policy_on_every_page(zensical_site):
    """The policy is a build step on the finished site (macros/steps/run.py), so Zensical's pages get it too."""
    missing = [page for page, policy in policies(zensical_site).items() if policy is None]
    assert not missing, missing
    for policy in policies(zensical_site).values():
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "connect-src 'self'" in policy and "form-action 'none'" in policy


@pytest.mark.xfail(strict=True, reason=DIFFERENCES["Inline styles"])
def test_the_same_security_policy(zensical_site):
    assert not any("'unsafe-inline'" in policy for policy in policies(zensical_site).values())


def test_search_words_are_in_zensicals_index(site_dir, zensical_site):
    """The search-words step (macros/steps/search_terms.py) runs on either generator's index."""
    assert pages_with_search_words(zensical_site) == pages_with_search_words(site_dir)
    assert "letters/sick-notes.html" in pages_with_search_words(zensical_site)
    inline = read(zensical_site, "search.js")
    assert inline.startswith("var __index = ") and HIDDEN_WORDS.replace('"', '\\"') in inline


@pytest.mark.browser
def test_a_gp_can_fill_in_and_download_a_letter(browser, zensical_site):
    """Under Zensical's theme and the policy the build step wrote: the form fills the letter, and
    Download Word gives a file with what was typed; no script is blocked, nothing is requested elsewhere."""
    server = serve(zensical_site)
    base = f"http://127.0.0.1:{server.server_port}/"
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors, requests = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(base + "letters/dna-discharge.html")
        page.fill("#field-patient_name", "Jane Doe")
        assert "Jane Doe" in page.locator(".swp-letter").inner_text()
        assert "Jane Doe" in docx_text(download_word(page).path())
    finally:
        context.close()
        server.shutdown()
    assert errors == []
    assert [url for url in requests if not url.startswith((base, "blob:", "data:"))] == []


# --- search, as a reader uses it --------------------------------------------------------------

@pytest.mark.browser
def test_zensical_search_finds_most_pages(zensical_search_results, search_results, record_property):
    """A floor, not parity: Zensical's search box works, and finds most of the evaluation's pages."""
    (zensical, total), (mkdocs, _) = rate(zensical_search_results), rate(search_results["http"])
    record_property("search evaluation, top-3, MkDocs against Zensical (http)",
                    f"MkDocs {mkdocs}/{total} = {mkdocs / total:.0%}, Zensical {zensical}/{total} = {zensical / total:.0%}")
    assert zensical >= 0.8 * total, "\n".join(misses(zensical_search_results))


@pytest.mark.browser
@pytest.mark.xfail(strict=True, reason=DIFFERENCES["Search ranking"])
def test_zensical_search_finds_every_page(zensical_search_results):
    assert not misses(zensical_search_results), "\n".join(misses(zensical_search_results))


@pytest.mark.browser
def test_zensical_search_works_from_a_shared_drive(browser, zensical_site):
    """Opened as file://, Zensical's search reads the inlined index (search.js)."""
    page = browser.new_page()
    page.goto(zensical_site.as_uri() + "/index.html")
    found = [href.replace(zensical_site.as_uri() + "/", "") for href in zensical_search(page, "sicknote")]
    page.close()
    assert "letters/sick-notes.html" in found[:3], found


@pytest.mark.browser
@pytest.mark.xfail(strict=True, reason=DIFFERENCES["Search words shown"])
def test_search_words_are_not_shown_in_results(browser, zensical_site):
    server = serve(zensical_site)
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{server.server_port}/index.html")
    zensical_search(page, "sicknote")
    excerpts = page.locator("dialog ol[role=listbox] a[role=option]").all_inner_texts()
    page.close()
    server.shutdown()
    assert excerpts and not any("self cert" in text for text in excerpts)


# --- the README's table, from the measurements above -------------------------------------------

def zensical_version() -> str:
    code = "import importlib.metadata as m; print(m.version('zensical'))"
    return subprocess.run([str(ZENSICAL_PYTHON), "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def table(site_dir, zensical_site, search_results, zensical_search_results) -> str:
    """The README's comparison, measured."""
    mkdocs_pages, zensical_pages = html_pages(site_dir), html_pages(zensical_site)
    same = "the same set" if set(mkdocs_pages) == set(zensical_pages) else "NOT the same set"
    mkdocs_top, total = rate(search_results["http"])
    zensical_top, _ = rate(zensical_search_results)
    with_policy = lambda site: sum(policy is not None for policy in policies(site).values())  # noqa: E731
    rows = [
        ("pages", len(mkdocs_pages), f"{len(zensical_pages)}, {same}"),
        ("letters a GP can fill in, copy, print and download as Word", len(letter_pages(site_dir)), len(letter_pages(zensical_site))),
        ("posters", len(poster_pages(site_dir)), len(poster_pages(zensical_site))),
        ("review dates, e.g.", review_date(site_dir), review_date(zensical_site)),
        ("pages with the security policy `<meta>`", with_policy(site_dir), with_policy(zensical_site)),
        ("pages whose search words are in the index", len(pages_with_search_words(site_dir)), len(pages_with_search_words(zensical_site))),
        (f"search evaluation: of {total} queries, how many find their page in the top three",
         f"{mkdocs_top} ({mkdocs_top / total:.0%})", f"{zensical_top} ({zensical_top / total:.0%})"),
    ]
    lines = [
        TABLE_START,
        f"| | MkDocs {importlib.metadata.version('mkdocs')}, Material {importlib.metadata.version('mkdocs-material')} | Zensical {zensical_version()} |",
        "| --- | --- | --- |",
        *(f"| {what} | {mkdocs} | {zensical} |" for what, mkdocs, zensical in rows),
        "",
        "What still differs, and why:",
        "",
        *(f"- **{name}.** {reason}." for name, reason in DIFFERENCES.items()),
        TABLE_END,
    ]
    return "\n".join(lines)


@pytest.mark.browser
def test_the_readme_table_is_what_was_measured(site_dir, zensical_site, search_results, zensical_search_results):
    measured = table(site_dir, zensical_site, search_results, zensical_search_results)
    readme = README.read_text(encoding="utf-8")
    if os.environ.get("SWP_WRITE_README") == "1":
        start, end = readme.index(TABLE_START), readme.index(TABLE_END) + len(TABLE_END)
        readme = readme[:start] + measured + readme[end:]
        README.write_text(readme, encoding="utf-8")
    start, end = readme.index(TABLE_START), readme.index(TABLE_END) + len(TABLE_END)
    assert readme[start:end] == measured, f"the README's Zensical table is out of date: run `make zensical-table`\n{measured}"
