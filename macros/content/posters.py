"""Waiting-room posters: load and check the data, and build each poster's view.

A poster is short by design: it must print on one page, at A4 and at A3, in
type large enough to read across a waiting room.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import segno
from pydantic import Field, field_validator

from macros.content.datafiles import DATA_DIR, display_path, load_model
from macros.content.errors import ContentError
from macros.content.letter_models import SLUG, Strict
from macros.content.sources import Source

POSTERS_DIR = DATA_DIR / "posters"
MAX_MESSAGE_WORDS = 60
MAX_POINT_WORDS = 14
MAX_TITLE_CHARS = 48


class Poster(Strict):
    id: str = Field(pattern=SLUG, description="the file name without .yml, e.g. self-certify")
    draft: bool = Field(default=False, description="true while a new poster is being written; make check lists drafts")
    title: str = Field(min_length=1, max_length=MAX_TITLE_CHARS, description=f"the big heading, at most {MAX_TITLE_CHARS} characters")
    message: str = Field(min_length=1, description=f"the main text, at most {MAX_MESSAGE_WORDS} words, addressed to the patient")
    points: list[str] = Field(default=[], max_length=3, description=f"up to 3 short lines, at most {MAX_POINT_WORDS} words each")
    call_to_action: str = Field(min_length=1, max_length=110, description="one line: what to do now")
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md(#[a-z0-9-]+)?$", description="the page with the detail, as a path under docs/, e.g. letters/sick-notes.md")
    sources: list[Source] = Field(min_length=1, description="every poster needs at least one source: publisher, title, https:// address and a date")
    last_reviewed: date = Field(description="the date someone last checked it, as YYYY-MM-DD")
    search_terms: list[str] = Field(default=[], description="words a receptionist would type to find it")

    @field_validator("message")
    @classmethod
    def _short_message(cls, value: str) -> str:
        words = len(value.split())
        if words > MAX_MESSAGE_WORDS:
            raise ValueError(f"has {words} words; a poster message has at most {MAX_MESSAGE_WORDS} so it prints on one page")
        return value

    @field_validator("points")
    @classmethod
    def _short_points(cls, value: list[str]) -> list[str]:
        for index, point in enumerate(value):
            words = len(point.split())
            if words > MAX_POINT_WORDS:
                raise ValueError(f"point {index + 1} has {words} words; at most {MAX_POINT_WORDS}")
        return value


def load_poster(path: Path) -> Poster:
    poster = load_model(path, Poster)
    if poster.id != Path(path).stem:
        raise ContentError(display_path(path), f"is `{poster.id}` but the file is {Path(path).stem}.yml: they must match", field="id")
    return poster


def load_posters(directory: Path = POSTERS_DIR) -> dict[str, Poster]:
    """Every poster, by id, in file-name order."""
    return {path.stem: load_poster(path) for path in sorted(Path(directory).glob("*.yml"))}


def check_poster_pages(posters: dict[str, Poster], docs_pages: set[str]) -> None:
    """Each poster's `page` must be a page of the site."""
    for poster in posters.values():
        target = poster.page.split("#")[0]
        if target not in docs_pages:
            raise ContentError(f"macros/data/posters/{poster.id}.yml", f"`{poster.page}` is not a page under docs/", field="page")
