"""Content Security Policy for the built pages.

Material puts a few small inline scripts in every page, and their text varies
with the page's depth, so the policy is computed per page after the build:
it allows the site's own files plus the exact hashes of the theme's inline
scripts, and nothing else. A script counts as the theme's only if it is one its
templates write: each inline <script> in the templates of the installed theme
(Material's, Zensical's when it is installed, and ours in overrides/) becomes a
pattern, in which a template value ({{ base_url }}) may stand only for text that
cannot leave its JavaScript string. Any other inline script (from a page's content,
or from a title or setting printed as it is) is never hashed: the step refuses the
page, naming it, so the build fails loudly instead of allowing the script, and
`make check` refuses such content at its source. `connect-src 'self'` and
`form-action 'none'` mean nothing typed into a page (a patient's name in a letter)
can be sent anywhere.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NOT_JAVASCRIPT = re.compile(r"""type\s*=\s*["']?(application/json|application/ld\+json|text/template)""", re.I)

# Zensical's search dialog styles itself with a <style> element its script writes at run time,
# so on pages Zensical generated, inline styles are allowed (scripts stay as strict).
ZENSICAL = re.compile(r'<meta name="generator" content="zensical', re.I)

# Directives browsers ignore in a <meta> policy; they belong in server headers.
HEADER_ONLY = ["frame-ancestors 'none'"]

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
# The theme packages whose templates may write inline scripts, when installed.
THEME_PACKAGES = ("material", "zensical")
TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)


try:  # under MkDocs, a PluginError: the build stops with the message, not a traceback
    from mkdocs.exceptions import PluginError as _BuildFailure
except ImportError:  # Zensical's environment without MkDocs
    _BuildFailure = ValueError


class UnknownInlineScript(_BuildFailure):
    """A page carries an inline script the theme's templates do not write."""


def is_javascript(attrs: str) -> bool:
    """An inline script the browser runs (not a file, not data such as Material's JSON settings)."""
    return "src=" not in attrs and not NOT_JAVASCRIPT.search(attrs)


def template_dirs() -> list[Path]:
    """Our overrides, and the templates of each installed theme package."""
    found = [OVERRIDES]
    for package in THEME_PACKAGES:
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            if (Path(location) / "templates").is_dir():
                found.append(Path(location) / "templates")
    return found


def script_pattern(body: str) -> re.Pattern:
    """A template's inline script as a pattern: its text exactly, each template value ({{ … }})
    standing for text that cannot end its JavaScript string ("…") or the script (no quote,
    backslash, < or >); a value outside a string may stand only for a plain path or name."""
    parts, last = [], 0
    for value in TEMPLATE_VALUE.finditer(body):
        parts.append(re.escape(body[last:value.start()]))
        quoted = body[:value.start()].endswith('"') and body[value.end():].startswith('"')
        parts.append(r'[^"\\<>\n]*' if quoted else r"[\w./:-]*")
        last = value.end()
    parts.append(re.escape(body[last:]))
    return re.compile("".join(parts), re.S)


@lru_cache(maxsize=1)
def theme_scripts() -> tuple[str, ...]:
    """Every inline script the theme's templates write, as written in the template (see script_pattern)."""
    bodies = []
    for folder in template_dirs():
        for template in sorted(folder.rglob("*.html")):
            text = template.read_text(encoding="utf-8")
            if "<script" not in text:
                continue
            for match in INLINE_SCRIPT.finditer(text):
                if is_javascript(match.group("attrs")):
                    bodies.append(match.group("body"))
    return tuple(bodies)


@lru_cache(maxsize=None)
def theme_script_pattern(template_body: str) -> re.Pattern:
    """script_pattern, made once per build and only for a script that starts as the template's does
    (compiling every theme script's pattern up front was a third of the build steps' time)."""
    return script_pattern(template_body)


def is_theme_script(body: str) -> bool:
    return any(
        body.startswith(TEMPLATE_VALUE.split(template, maxsplit=1)[0]) and theme_script_pattern(template).fullmatch(body)
        for template in theme_scripts()
    )


def inline_scripts(html: str) -> list[str]:
    """The bodies of a page's inline JavaScript, in page order."""
    return [m.group("body") for m in INLINE_SCRIPT.finditer(html) if is_javascript(m.group("attrs"))]


def unknown_scripts(html: str) -> list[str]:
    """The page's inline scripts that the theme does not write: the policy never allows them."""
    return [body for body in inline_scripts(html) if not is_theme_script(body)]


def script_hashes(html: str) -> list[str]:
    """CSP hashes ('sha256-…') of the theme's inline scripts on the page (never any other), in page order."""
    hashes = []
    for body in inline_scripts(html):
        if not is_theme_script(body):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode()}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def refuse_unknown_scripts(html: str, page: str = "the page") -> None:
    """Fail loudly, naming the page and the script, if the page has an inline script the theme does not write."""
    unknown = unknown_scripts(html)
    if unknown:
        shown = " ".join(unknown[0].split())
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        raise UnknownInlineScript(
            f"{page}: has an inline script the theme does not write, which the security policy will not "
            f"allow: <script>{shown}</script>"
            + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else "")
            + ". It came from a page's content or from a value printed as it is (a title, a description, "
            "the site's name, extra.lmc): remove it there (make check names the file and field)"
        )


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


# The policy this step wrote: the first element of <head> (a policy further down was not ours).
HAS_POLICY = re.compile(r'<head>\s*<meta http-equiv="Content-Security-Policy"', re.I)


def add_policy_meta(html: str, page: str = "the page") -> str:
    """Insert the page's policy as the first element of <head>; refuse a page with a script the theme does not write."""
    if HAS_POLICY.search(html):
        return html
    refuse_unknown_scripts(html, page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html), inline_styles=bool(ZENSICAL.search(html)))}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1, flags=re.I)


def site_header_policy(site_dir) -> str:
    """One policy for a server header: every page's theme-script hashes, plus frame-ancestors."""
    hashes: list[str] = []
    zensical = False
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
        refuse_unknown_scripts(html, str(page))
        zensical = zensical or bool(ZENSICAL.search(html))
        for token in script_hashes(html):
            if token not in hashes:
                hashes.append(token)
    return policy(hashes, header=True, inline_styles=zensical)


if __name__ == "__main__":
    import sys

    try:
        print(site_header_policy(sys.argv[1] if len(sys.argv) > 1 else "site"))
    except UnknownInlineScript as error:
        sys.exit(str(error))
