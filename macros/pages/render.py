"""Render the Jinja partials in overrides/swp/ into HTML for a page.

Macros call `render_partial`; the HTML structure lives in the templates,
never in Python strings. Autoescaping is on and undefined names fail.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

OVERRIDES_DIR = Path(__file__).resolve().parents[2] / "overrides"


@lru_cache(maxsize=1)
def compiled_templates() -> FileSystemBytecodeCache:
    """Jinja's cache of compiled templates, shared by every build on this machine (Jinja's own folder
    in the temporary directory, private to the user). A template is compiled again whenever its
    text changes; compiling the theme's and our templates was a sixth of a build's time."""
    return FileSystemBytecodeCache()


@lru_cache(maxsize=1)
def template_env() -> Environment:
    """The Jinja environment for our partials (autoescaped, strict)."""
    return Environment(
        loader=FileSystemLoader(str(OVERRIDES_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled_templates(),
    )


def render_partial(name: str, **context) -> str:
    """Render overrides/<name> and return it as one raw-HTML Markdown block.

    Blank lines and indentation are dropped so Markdown passes the block
    through untouched instead of reading parts of it as paragraphs or code.
    """
    html = template_env().get_template(name).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
