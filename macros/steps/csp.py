"""Content Security Policy for the built pages.

Material puts a few small inline scripts in every page, and their text varies
with the page's depth, so the policy is computed per page after the build:
it allows the site's own files plus the exact hashes of the theme's inline
scripts, and nothing else. Only scripts outside the page's content (the
`md-content__inner` article, where Markdown and data are rendered) are the
theme's: a script written into content is never hashed, so the policy blocks
it even if it got past `make check`, which refuses it at the source. `connect-src 'self'` and `form-action 'none'` mean nothing
typed into a page (a patient's name in a letter) can be sent anywhere.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NOT_JAVASCRIPT = re.compile(r"""type\s*=\s*["']?(application/json|application/ld\+json|text/template)""", re.I)

# Zensical's search dialog styles itself with a <style> element its script writes at run time,
# so on pages Zensical generated, inline styles are allowed (scripts stay as strict).
ZENSICAL = re.compile(r'<meta name="generator" content="zensical', re.I)

# Directives browsers ignore in a <meta> policy; they belong in server headers.
HEADER_ONLY = ["frame-ancestors 'none'"]


CONTENT_START = re.compile(r'<article[^>]*class="md-content__inner', re.I)
ARTICLE_TAG = re.compile(r"<(/?)article\b", re.I)


def content_span(html: str) -> tuple[int, int]:
    """Where the page's content (rendered Markdown and data) starts and ends; (0, 0) if it has none."""
    start = CONTENT_START.search(html)
    if not start:
        return (0, 0)
    depth = 0
    for tag in ARTICLE_TAG.finditer(html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return (start.start(), tag.end())
    return (start.start(), len(html))


def script_hashes(html: str) -> list[str]:
    """CSP hashes ('sha256-…') of the theme's inline JavaScript (never content's), in page order."""
    hashes = []
    content_start, content_end = content_span(html)
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or NOT_JAVASCRIPT.search(attrs) or content_start <= match.start() < content_end:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode()}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(hashes: list[str], header: bool = False, inline_styles: bool = False) -> str:
    """The policy text; `header=True` adds the directives a <meta> cannot carry;
    `inline_styles=True` (Zensical's pages only) lets the theme's script add <style> elements."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'" if inline_styles else "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
    ]
    if header:
        directives += HEADER_ONLY
    return "; ".join(directives)


def add_policy_meta(html: str) -> str:
    """Insert the page's policy as the first element of <head>."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html), inline_styles=bool(ZENSICAL.search(html)))}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1, flags=re.I)


def site_header_policy(site_dir) -> str:
    """One policy for a server header: every page's inline-script hashes, plus frame-ancestors."""
    from pathlib import Path

    hashes: list[str] = []
    zensical = False
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
        zensical = zensical or bool(ZENSICAL.search(html))
        for token in script_hashes(html):
            if token not in hashes:
                hashes.append(token)
    return policy(hashes, header=True, inline_styles=zensical)


if __name__ == "__main__":
    import sys

    print(site_header_policy(sys.argv[1] if len(sys.argv) > 1 else "site"))
