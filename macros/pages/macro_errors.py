"""A macro call that fails, in an editor's words: the page, the line, what to do; never a traceback.

mkdocs-macros formats a failing macro call itself, with a Python traceback and
no line, and has no setting to change that. `install()` swaps in `editor_message`
for its formatter (mkdocs_macros.plugin.format_error); with `on_error_fail: true`
the build still stops, now with one line an editor can act on.
"""
from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError

from macros.content.errors import ContentError


def template_line(error: Exception) -> int | None:
    """The line of the page's Markdown (after its front matter) where the failing call is."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    line, trace = None, error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def front_matter_lines(page) -> int:
    """How many lines of the page's file come before its Markdown body."""
    try:
        text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, TypeError, AttributeError):
        return 0
    body = page.markdown or ""
    at = text.find(body[:200]) if body else -1
    return text[:at].count("\n") if at > 0 else 0


def what_went_wrong(error: Exception) -> str:
    """The problem and the fix, for each kind of mistake a page's macro call can hold."""
    if isinstance(error, ContentError):
        return str(error)
    if isinstance(error, TemplateSyntaxError):
        return (f"the {{{{ … }}}} or {{% … %}} code is not written correctly ({error.message}): "
                "check the brackets and quotes, or copy the call from another page")
    if isinstance(error, UndefinedError):
        return (f"uses a name the site does not know ({error.message}): check the spelling, "
                "or see CONTRIBUTING.md for the macros and values a page can use")
    if isinstance(error, TypeError):
        return (f"calls a macro with the wrong arguments ({error}): "
                "copy the call from another page or from CONTRIBUTING.md")
    return f"a macro call failed ({type(error).__name__}: {error})"


def editor_message(error: Exception, markdown: str, page) -> str:
    """mkdocs-macros' formatter, replaced: `docs/<page>, line N: <what went wrong>`."""
    where = f"docs/{page.file.src_uri}"
    line = template_line(error)
    if line is not None:
        where += f", line {line + front_matter_lines(page)}"
    return f"{where}: {what_went_wrong(error)}"


def install() -> None:
    """Use editor_message for this build's macro errors."""
    plugin = sys.modules.get("mkdocs_macros.plugin")
    if plugin is not None and hasattr(plugin, "format_error"):
        plugin.format_error = editor_message
