"""Guidance pages: one shape for every page, checked at build time.

A guidance page is plain Markdown with `type: guidance` in its front matter.
It opens with a one-sentence answer under its title, then has these `##`
sections, in this order; its sources and the contract year it is correct for
are front matter (the site renders the Sources section from them). The check
names the page and what is missing or out of place.
"""
from __future__ import annotations

import posixpath
import re

from macros.content.errors import ContentError
from macros.content.front_matter import PageMeta, line_in_body

SECTIONS = [
    "In short",
    "What the practice must do",
    "What the practice need not do",
    "What to say to the patient",
    "What to do next",
]
# The heading the site renders from front matter `sources:` after the sections.
SOURCES_HEADING = "Sources"
HEADING = re.compile(r"^## +(.+?) *$", re.MULTILINE)
TITLE = re.compile(r"^# +.+$", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")
# A sentence ends with . ! or ? followed by a space or the end (not "e.g." or "i.e.").
SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s|$)")
MAX_ANSWER_WORDS = 40


def sections(body: str) -> dict[str, str]:
    """The page's `##` sections, by heading, with their text."""
    found = list(HEADING.finditer(body))
    return {
        m.group(1): body[m.end(): found[i + 1].start() if i + 1 < len(found) else len(body)].strip()
        for i, m in enumerate(found)
    }


def lead_answer(body: str) -> str:
    """The text between the page's `# Title` and its first `##` section."""
    title = TITLE.search(body)
    start = title.end() if title else 0
    first = HEADING.search(body, start)
    return body[start:first.start() if first else len(body)].strip()


def check_guidance(name: str, meta: PageMeta, body: str) -> None:
    """Fail with the page's name unless it has its answer, every section in order, sources and a contract year."""
    if meta.review_due is None:
        raise ContentError(name, "is missing (guidance pages need a review date)", field="review_due")
    if meta.contract_year is None:
        raise ContentError(name, "is missing: add the GP contract year the page is correct for, e.g. contract_year: 2026/27", field="contract_year")
    if not meta.sources:
        raise ContentError(name, "is missing: guidance pages list at least one source (publisher, title, url and a date) in the front matter", field="sources")
    answer = lead_answer(body)
    if not answer:
        raise ContentError(name, f"has no answer under its title: start with one sentence that answers the question, before `## {SECTIONS[0]}`")
    sentences = len(SENTENCE_END.findall(answer))
    words = len(answer.split())
    if sentences > 1 or "\n\n" in answer or words > MAX_ANSWER_WORDS:
        raise ContentError(
            name,
            f"opens with {sentences} sentences and {words} words before `## {SECTIONS[0]}`: "
            f"give the answer in one sentence of at most {MAX_ANSWER_WORDS} words, and move the rest into `## {SECTIONS[0]}`",
        )
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
    if not LINK.search(present["What to do next"]):
        raise ContentError(name, "has no link under `## What to do next`")


def check_no_sources_heading(name: str, body: str, first_line: int = 1) -> None:
    """Sources are front matter data on every page: a `## Sources` heading in the text is refused."""
    for match in HEADING.finditer(body):
        if match.group(1) == SOURCES_HEADING:
            raise ContentError(
                name,
                "has a `## Sources` heading in its text: list the sources in the front matter under `sources:` "
                "(publisher, title, url and a date each) and the site shows them",
                line=line_in_body(body, match.start(), first_line),
            )
