"""The Content Security Policy computed for each built page: only the theme's own inline
scripts (those its templates write) are hashed; any other inline script stops the step."""
import base64
import hashlib
import re
from pathlib import Path

import pytest

from macros.steps.csp import (
    UnknownInlineScript, add_policy_meta, is_theme_script, policy, script_hashes, script_pattern, template_dirs,
    unknown_scripts,
)

MATERIAL = next(d for d in template_dirs() if d.parent.name == "material")


def material_script(template: str, value: str = "") -> str:
    """An inline script from Material's templates, as a page carries it (its template value filled in)."""
    text = (MATERIAL / template).read_text()
    body = re.search(r"<script>(.*?)</script>", text, re.S).group(1)
    return re.sub(r"\{\{.*?\}\}", value, body)


BASE = material_script("partials/javascripts/base.html", "..")  # {{ config.extra.scope | d(base_url) }}
PALETTE = material_script("partials/javascripts/palette.html")
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<script>{BASE}</script>
<script id="__config" type="application/json">{{"x": 1}}</script>
<script src="assets/bundle.js"></script>
</head><body><script>{PALETTE}</script><script>{BASE}</script></body></html>"""


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_themes_scripts_are_hashed_once_each_and_data_and_files_not_at_all():
    assert script_hashes(PAGE) == [sha(BASE), sha(PALETTE)]
    assert unknown_scripts(PAGE) == []


def test_the_theme_scripts_come_from_materials_templates_with_the_page_depth_filled_in():
    assert MATERIAL.is_dir() and (MATERIAL / "base.html").is_file()
    for depth in (".", "..", "../..", "/safe-working/"):
        assert is_theme_script(material_script("partials/javascripts/base.html", depth))
    assert is_theme_script(PALETTE)
    assert not is_theme_script(PALETTE + ";alert(1)")
    assert not is_theme_script("alert(1)")


def test_a_template_value_cannot_close_its_javascript_string():
    pattern = script_pattern('var base=new URL("{{ base_url }}");done()')
    assert pattern.fullmatch('var base=new URL("../..");done()')
    assert not pattern.fullmatch('var base=new URL("");alert(1);("");done()')
    assert not pattern.fullmatch('var base=new URL("\\");alert(1);//");done()')
    assert not pattern.fullmatch('var base=new URL("</script><script>alert(1)");done()')
    unquoted = script_pattern("go({{ where }})")
    assert unquoted.fullmatch("go(../x)") and not unquoted.fullmatch("go(1);alert(1)")


def test_policy_allows_only_self_and_the_hashes():
    text = policy([sha("x")])
    assert "default-src 'self'" in text
    assert f"script-src 'self' {sha('x')}" in text
    assert "connect-src 'self'" in text and "form-action 'none'" in text and "base-uri 'none'" in text
    assert "unsafe-inline" not in text and "unsafe-eval" not in text
    assert "frame-ancestors" not in text  # ignored in <meta>; sent as a header instead
    assert "frame-ancestors 'none'" in policy([], header=True)


def test_meta_is_first_in_head_and_added_once():
    once = add_policy_meta(PAGE)
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<meta charset")
    assert add_policy_meta(once) == once
    assert sha(PALETTE) in once


def test_a_policy_further_down_the_page_does_not_pass_for_ours():
    """Content that writes its own policy <meta> cannot make the step skip the page."""
    planted = PAGE.replace("<body>", '<body><meta http-equiv="Content-Security-Policy" content="script-src *">')
    with_policy = add_policy_meta(planted)
    assert re.search(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="default-src', with_policy)


def test_header_policy_unions_every_page(tmp_path):
    from macros.steps.csp import site_header_policy

    other = material_script("partials/javascripts/content.html")
    (tmp_path / "a.html").write_text(f"<head><script>{PALETTE}</script></head>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(add_policy_meta(f"<head><script>{other}</script></head>"))
    header = site_header_policy(tmp_path)
    assert sha(PALETTE) in header and sha(other) in header and "frame-ancestors 'none'" in header


@pytest.mark.parametrize("where", ["head", "header", "content"])
def test_any_other_inline_script_stops_the_step_naming_the_page(where):
    """Wherever it sits (the <title>, the header the theme prints a title into, the article), a script
    the theme's templates do not write is never hashed, and the step refuses the page."""
    injected = "<script>window.__marker = 'ran'</script>"
    page = {
        "head": PAGE.replace("<meta charset", injected + "<meta charset"),
        "header": PAGE.replace("<body>", f'<body><header class="md-header"><span>{injected}</span></header>'),
        "content": PAGE.replace("<body>", f'<body><article class="md-content__inner">{injected}</article>'),
    }[where]
    assert script_hashes(page) == [sha(BASE), sha(PALETTE)]
    assert unknown_scripts(page) == ["window.__marker = 'ran'"]
    with pytest.raises(UnknownInlineScript) as caught:
        add_policy_meta(page, "site/about.html")
    said = str(caught.value)
    assert said.startswith("site/about.html: has an inline script the theme does not write")
    assert "<script>window.__marker = 'ran'</script>" in said and "make check names the file and field" in said


def test_the_step_refuses_with_one_line_and_no_traceback(tmp_path):
    import subprocess
    import sys

    (tmp_path / "about.html").write_text(PAGE.replace("<body>", "<body><script>alert(1)</script>"))
    result = subprocess.run([sys.executable, "-m", "macros.steps", str(tmp_path)], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 1
    assert f"{tmp_path}/about.html: has an inline script the theme does not write" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Content-Security-Policy" not in (tmp_path / "about.html").read_text(), "no policy allowing it was written"


def test_only_zensicals_pages_allow_inline_styles_and_scripts_stay_strict():
    mkdocs = '<html><head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1"></head><body></body></html>'
    zensical = f'<html><head><meta name="generator" content="zensical-0.0.73"></head><body><script>{PALETTE}</script></body></html>'
    assert "style-src 'self';" in add_policy_meta(mkdocs)
    with_policy = add_policy_meta(zensical)
    assert "style-src 'self' 'unsafe-inline';" in with_policy
    assert f"script-src 'self' {sha(PALETTE)};" in with_policy and "'unsafe-inline'" not in with_policy.split("script-src")[1].split(";")[0]
