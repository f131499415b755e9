"""Which pages end with "Something wrong or out of date on this page?" (overrides/swp/report-page.html).

Every guidance page (front matter `type: guidance`) and every page that shows a letter or a
poster (its Markdown calls `{{ letter(...) }}` or `{{ poster(...) }}`, the workshop invitation
included). Index pages, support pages and the rest do not: they carry no rule a reader acts on.
"""
from __future__ import annotations

import re

from macros.content.front_matter import PageMeta

SHOWS_LETTER_OR_POSTER = re.compile(r"\{\{-?\s*(?:letter|poster)\s*\(")


def report_page_urls(pages: dict[str, tuple[PageMeta, str]]) -> list[str]:
    """The built address of each such page, as the theme sees it in `page.url` (e.g. letters/housing.html)."""
    found = [
        path for path, (meta, body) in pages.items()
        if meta.type == "guidance" or SHOWS_LETTER_OR_POSTER.search(body)
    ]
    return sorted(path.removesuffix(".md") + ".html" for path in found)
