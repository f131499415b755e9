"""Guidance pages: one shape for every page, checked at build time.

A guidance page is plain Markdown with `type: guidance` in its front matter
and these `##` sections, in this order. The check names the page and the
section that is missing or out of place.
"""
from __future__ import annotations

import posixpath
import re

from .errors import ContentError
from .pages import PageMeta

SECTIONS = [
    "In short",
    "What the practice must do",
    "What the practice need not do",
    "What to say to the patient",
    "What to do next",
    "Sources",
]
HEADING = re.compile(r"^## +(.+?) *$", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def sections(body: str) -> dict[str, str]:
    """The page's `##` sections, by heading, with their text."""
    found = list(HEADING.finditer(body))
    return {
        m.group(1): body[m.end(): found[i + 1].start() if i + 1 < len(found) else len(body)].strip()
        for i, m in enumerate(found)
    }


def check_guidance(name: str, meta: PageMeta, body: str) -> None:
    """Fail with the page's name unless it has every section, in order, with sources and dates."""
    if meta.review_due is None:
        raise ContentError(name, "is missing (guidance pages need a review date)", field="review_due")
    present = sections(body)
    order = [h for h in present if h in SECTIONS]
    for heading in SECTIONS:
        if heading not in present:
            raise ContentError(name, f"has no `## {heading}` section (guidance pages need: {', '.join(SECTIONS)})")
    if order != SECTIONS:
        raise ContentError(name, f"has its sections out of order: {', '.join(order)} (expected: {', '.join(SECTIONS)})")
    for heading in SECTIONS:
        if not present[heading]:
            raise ContentError(name, f"has an empty `## {heading}` section")
    sources = [line for line in present["Sources"].splitlines() if line.lstrip().startswith(("-", "*"))]
    if not sources:
        raise ContentError(name, "has no sources listed under `## Sources` (one bullet per source, with its date)")
    undated = [s for s in sources if not re.search(r"\b(19|20)\d\d\b", s)]
    if undated:
        raise ContentError(name, f"has a source without a date (a year) under `## Sources`: {undated[0].strip()}")
    if not LINK.search(present["What to do next"]):
        raise ContentError(name, "has no link under `## What to do next`")


def guidance_pages(pages: dict[str, tuple[PageMeta, str]]) -> list[tuple[str, PageMeta]]:
    """The guidance pages, in title order."""
    found = [(path, meta) for path, (meta, _) in pages.items() if meta.type == "guidance"]
    return sorted(found, key=lambda item: item[1].title)


def relative_link(target: str, from_page: str) -> str:
    """A Markdown link path from one docs page to another."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")
