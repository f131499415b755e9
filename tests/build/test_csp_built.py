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
