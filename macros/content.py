"""Load and check all the content at once: every page's front matter and every data file.

Used by `define_env` (each build) and by `make check`. The first problem
found stops the load with a ContentError that names the file and the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .branding import Branding, load_branding
from .directory import Directory, load_directory
from .errors import ContentError
from .guidance import check_guidance
from .letter_models import Letter
from .letters import INVITATIONS_DIR, load_letters
from .pages import PageMeta, check_tags, load_topics, read_all_pages
from .posters import Poster, check_poster_pages, load_posters


@dataclass
class Content:
    branding: Branding
    pages: dict[str, tuple[PageMeta, str]]
    directory: Directory
    letters: dict[str, Letter]
    invitations: dict[str, Letter]
    posters: dict[str, Poster]

    def drafts(self) -> list[str]:
        """Pages and data still marked `draft: true`."""
        found = [f"docs/{path}" for path, (meta, _) in self.pages.items() if meta.draft]
        found += [f"macros/data/letters/{i}.yml" for i, item in self.letters.items() if item.draft]
        found += [f"macros/data/posters/{i}.yml" for i, item in self.posters.items() if item.draft]
        return found


def check_data_pages(pages: dict[str, tuple[PageMeta, str]], folder: str, items: dict, kind: str) -> None:
    """Each letter or poster has its page, and both carry the same review date."""
    for item_id, item in items.items():
        path = f"{folder}/{item_id}.md"
        if path not in pages:
            raise ContentError(f"macros/data/{folder}/{item_id}.yml", f"has no page: create docs/{path} that shows it with {{{{ {kind}(\"{item_id}\") }}}}")
        meta = pages[path][0]
        if meta.last_reviewed != item.last_reviewed:
            raise ContentError(
                f"docs/{path}",
                f"{meta.last_reviewed} does not match macros/data/{folder}/{item_id}.yml ({item.last_reviewed}): "
                "when you review, set both to the date of the review",
                field="last_reviewed",
            )


def load_content(docs_dir: Path, extra: dict) -> Content:
    """Read and check everything; raise ContentError at the first problem."""
    branding = load_branding(extra)
    pages = read_all_pages(Path(docs_dir))
    check_tags(pages, load_topics())
    for path, (meta, body) in pages.items():
        if meta.type == "guidance":
            check_guidance(f"docs/{path}", meta, body)
    letters = load_letters()
    posters = load_posters()
    check_poster_pages(posters, set(pages))
    check_data_pages(pages, "letters", letters, "letter")
    check_data_pages(pages, "posters", posters, "poster")
    return Content(branding, pages, load_directory(), letters, load_letters(INVITATIONS_DIR), posters)
