"""The Content Security Policy computed for each built page."""
import base64
import hashlib

from macros.steps.csp import add_policy_meta, policy, script_hashes

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var a = 1;</script>
<script id="__config" type="application/json">{"x": 1}</script>
<script src="assets/bundle.js"></script>
</head><body><script>var a = 1;</script><script>console.log(2)</script></body></html>"""


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hashes_cover_inline_javascript_only_once_each():
    assert script_hashes(PAGE) == [sha("var a = 1;"), sha("console.log(2)")]


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
    assert sha("console.log(2)") in once


def test_header_policy_unions_every_page(tmp_path):
    from macros.steps.csp import site_header_policy

    (tmp_path / "a.html").write_text("<head><script>one()</script></head>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(add_policy_meta("<head><script>two()</script></head>"))
    header = site_header_policy(tmp_path)
    assert sha("one()") in header and sha("two()") in header and "frame-ancestors 'none'" in header


CONTENT_PAGE = """<!doctype html><html><head><script>theme()</script></head><body>
<div class="md-content"><article class="md-content__inner md-typeset">
<p>text</p><article class="swp-letter"><p>letter</p></article>
<script>alert('written in Markdown')</script>
</article></div>
<script>var target = 1;</script>
</body></html>"""


def test_scripts_written_into_the_content_are_never_hashed():
    assert script_hashes(CONTENT_PAGE) == [sha("theme()"), sha("var target = 1;")]
    assert sha("alert('written in Markdown')") not in add_policy_meta(CONTENT_PAGE)


def test_only_zensicals_pages_allow_inline_styles_and_scripts_stay_strict():
    mkdocs = '<html><head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1"></head><body></body></html>'
    zensical = '<html><head><meta name="generator" content="zensical-0.0.73"></head><body><script>z()</script></body></html>'
    assert "style-src 'self';" in add_policy_meta(mkdocs)
    with_policy = add_policy_meta(zensical)
    assert "style-src 'self' 'unsafe-inline';" in with_policy
    assert f"script-src 'self' {sha('z()')};" in with_policy and "'unsafe-inline'" not in with_policy.split("script-src")[1].split(";")[0]
