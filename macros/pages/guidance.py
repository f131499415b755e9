"""The guidance index: which pages are guidance, and links to them from another page."""
from __future__ import annotations

import posixpath

from macros.content.front_matter import PageMeta


def guidance_pages(pages: dict[str, tuple[PageMeta, str]]) -> list[tuple[str, PageMeta]]:
    """The guidance pages, in title order."""
    found = [(path, meta) for path, (meta, _) in pages.items() if meta.type == "guidance"]
    return sorted(found, key=lambda item: item[1].title)


def relative_link(target: str, from_page: str) -> str:
    """A Markdown link path from one docs page to another."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")
