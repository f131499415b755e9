"""Every built page carries its own Content Security Policy."""
import re

from macros.steps.csp import script_hashes

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_has_a_policy_covering_its_inline_scripts(site_dir):
    pages = [p for p in site_dir.rglob("*.html")]
    assert len(pages) > 40
    for path in pages:
        html = path.read_text()
        match = META.search(html)
        assert match, path
        assert html.index(match.group(0)) < html.index("<script"), path
        without_meta = html.replace(match.group(0), "")
        for token in script_hashes(without_meta):
            assert token in match.group(1), f"{path}: {token}"
        assert "connect-src 'self'" in match.group(1) and "form-action 'none'" in match.group(1)


def test_no_page_carries_an_inline_script_the_theme_does_not_write(site_dir):
    from macros.steps.csp import unknown_scripts

    for path in site_dir.rglob("*.html"):
        assert unknown_scripts(path.read_text()) == [], path


# Issue 26, finding 1: a script in a page's title or the LMC's name. `make check` refuses it
# (tests/build/test_failures.py); here the check is turned off in a copy, to test the layers after it.
import pytest

from tests.helpers import LMC_SCRIPT, TITLE_SCRIPT, build_with_checks_off


@pytest.fixture(scope="module")
def slipped_past(tmp_path_factory):
    return build_with_checks_off(tmp_path_factory.mktemp("checks-off"))


def test_if_a_script_slips_past_the_checks_the_policy_step_fails_the_build_naming_the_page(slipped_past):
    site, result = slipped_past
    log = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed with a script the theme does not write"
    assert re.search(r"site/\S+\.html: has an inline script the theme does not write, which the security policy will not allow: "
                     + re.escape(TITLE_SCRIPT), log), log[-2000:]
    assert "Traceback" not in log


def test_our_templates_print_the_values_as_text(slipped_past):
    """The escaping layer: the page's <title>, our header and footer, and pages' {{ lmc.name }} print
    the script as text; only Material's own menus print the title as it is (which the step refuses)."""
    site, _ = slipped_past
    html = (site / "guidance" / "dental.html").read_text()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("&lt;script&gt;window.__marker = &#39;title&#39;&lt;/script&gt;Patients presenting")
    header = re.search(r'<header class="md-header".*?</header>', html, re.S).group(0)
    footer = re.search(r'<div class="md-copyright swp-publisher">.*?</div>', html, re.S).group(0)
    for part in (header, footer):
        assert "<script>window.__marker" not in part and "&lt;script&gt;window.__marker = &#39;lmc&#39;" in part, part
    assert "&lt;script&gt;window.__marker = &#39;title&#39;" in header
    everywhere = "".join(page.read_text() for page in site.rglob("*.html"))
    assert LMC_SCRIPT not in everywhere, "extra.lmc reaches no page as markup: our templates and pages escape it"
    assert TITLE_SCRIPT in everywhere, "Material's menus print a page title as it is: the policy step is what stops it"
