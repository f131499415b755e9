"""MkDocs' broken-link warnings, in an editor's words.

MkDocs names a page as `about.md` and says nothing of where the link is or
what to do. `reworded` turns its message into ours: the page as `docs/about.md`,
the line of the link, and the fix. The build installs it as a logging filter
(macros/steps/hooks.py); `make check` prints the same words.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

NOT_FOUND = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']+)')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<suggest>[^']+)'\?)?"
)
NO_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '(?P<target>[^']+)' "
    r"does not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page)\."
)
ANCHOR_HINT = "anchors are made from headings: lower case, hyphens for spaces, e.g. `## Who pays?` is `#who-pays`"


def link_line(docs_dir: Path, page: str, link: str) -> int | None:
    """The line of the page's source on which the link is written, if it can be found."""
    source = Path(docs_dir) / page
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    at = text.find(f"({link}")
    if at < 0:
        at = text.find(link)
    return text[:at].count("\n") + 1 if at >= 0 else None


def _where(docs_dir: Path, page: str, link: str) -> str:
    line = link_line(docs_dir, page, link)
    return f"docs/{page}" + (f", line {line}" if line else "")


def reworded(message: str, docs_dir: Path) -> str | None:
    """Our words for one of MkDocs' link warnings; None if it is not one."""
    found = NOT_FOUND.fullmatch(message)
    if found:
        target = found["target"] or found["link"].split("#")[0]
        where = _where(docs_dir, found["page"], found["link"])
        text = f"{where}: links to {found['link']}, but there is no docs/{target}: " + \
            "check the spelling and the folder, or link to a page that exists"
        return text + (f" (did you mean {found['suggest']}?)" if found["suggest"] else "")
    found = NO_ANCHOR.fullmatch(message)
    if found:
        where = _where(docs_dir, found["page"], found["link"])
        if found["target"]:
            anchor = found["anchor"]
            return (f"{where}: links to {found['link']}, but docs/{found['target']} has no heading or anchor "
                    f"`#{anchor}`: check the spelling ({ANCHOR_HINT}), or link to the page without the `#…` part")
        return f"{where}: links to {found['link']}, but this page has no such heading or anchor ({ANCHOR_HINT})"
    return None


class EditorWords(logging.Filter):
    """Rewrites MkDocs' link warnings as they are logged (the level, and so --strict, are unchanged)."""

    def __init__(self, docs_dir: Path):
        super().__init__()
        self.docs_dir = Path(docs_dir)

    def filter(self, record: logging.LogRecord) -> bool:
        ours = reworded(record.getMessage(), self.docs_dir)
        if ours:
            record.msg, record.args = ours, ()
        return True


def install(docs_dir: Path) -> None:
    """Reword MkDocs' link warnings for this build (once, however many times it is called)."""
    logger = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in logger.filters if isinstance(f, EditorWords)]:
        logger.removeFilter(old)
    logger.addFilter(EditorWords(docs_dir))
