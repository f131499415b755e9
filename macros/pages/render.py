"""Render the Jinja partials in overrides/swp/ into HTML for a page.

Macros call `render_partial`; the HTML structure lives in the templates,
never in Python strings. Autoescaping is on and undefined names fail.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

OVERRIDES_DIR = Path(__file__).resolve().parents[2] / "overrides"


def compiled_templates(env: Environment, role: str) -> FileSystemBytecodeCache:
    """Jinja's cache of compiled templates for `env` (Jinja's own folder in the temporary directory,
    private to the user): compiling the theme's and our templates was a sixth of a build's time.
    A template is compiled again whenever its text changes. Jinja keys the cache by template name
    only, and one template (swp/sources.html) is compiled by two environments that treat
    whitespace differently, so each environment's settings, its role and the Jinja version name
    a cache of their own."""
    settings = (jinja2.__version__, role, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
                env.newline_sequence, sorted(env.extensions), env.block_start_string, env.variable_start_string,
                env.comment_start_string, env.line_statement_prefix, env.line_comment_prefix, env.optimized)
    digest = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    return FileSystemBytecodeCache(pattern=f"__swp_{digest}_%s.cache")


@lru_cache(maxsize=1)
def template_env() -> Environment:
    """The Jinja environment for our partials (autoescaped, strict)."""
    env = Environment(
        loader=FileSystemLoader(str(OVERRIDES_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.bytecode_cache = compiled_templates(env, "partials")
    return env


def render_partial(name: str, **context) -> str:
    """Render overrides/<name> and return it as one raw-HTML Markdown block.

    Blank lines and indentation are dropped so Markdown passes the block
    through untouched instead of reading parts of it as paragraphs or code.
    """
    html = template_env().get_template(name).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
