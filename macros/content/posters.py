"""Waiting-room posters: load and check the data, and build each poster's view.

A poster is short by design: it must print on one page, at A4 and at A3, in
type large enough to read across a waiting room.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from macros.content.datafiles import DATA_DIR, display_path, load_model
from macros.content.easy_read import EasyRead
from macros.content.errors import ContentError
from macros.content.letter_models import SLUG, Strict
from macros.content.sources import Source
from macros.content.translations import Translation

POSTERS_DIR = DATA_DIR / "posters"
MAX_MESSAGE_WORDS = 60
MAX_POINT_WORDS = 14
MAX_TITLE_CHARS = 48
# Other languages often need more words than English for the same message;
# the browser tests prove every version still prints on one page.
MAX_TRANSLATED_MESSAGE_WORDS = 80
MAX_TRANSLATED_POINT_WORDS = 20


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
    easy_read: EasyRead = Field(description="the easy-read version: a short title and 3 to 6 lines, each with a picture (rules: macros/content/easy_read.py)")
    translations: list[Translation] = Field(default=[], description="the poster in other languages, each with its check record")
    search_terms: list[str] = Field(default=[], description="words a receptionist would type to find it, including the English name of each language it is translated into")

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

    @model_validator(mode="after")
    def _translations_match(self) -> "Poster":
        seen = set()
        terms = {term.lower() for term in self.search_terms}
        for index, item in enumerate(self.translations):
            where = f"translations[{index}] ({item.lang})"
            if item.lang in seen:
                raise ValueError(f"{where}: a second translation into {item.language.english}; keep one per language")
            seen.add(item.lang)
            if len(item.points) != len(self.points):
                raise ValueError(f"{where}: has {len(item.points)} points and the English has {len(self.points)}; translate each point, in order")
            words = len(item.message.split())
            if words > MAX_TRANSLATED_MESSAGE_WORDS:
                raise ValueError(f"{where}: the message has {words} words; at most {MAX_TRANSLATED_MESSAGE_WORDS} so it prints on one page")
            for number, point in enumerate(item.points, start=1):
                if len(point.split()) > MAX_TRANSLATED_POINT_WORDS:
                    raise ValueError(f"{where}: point {number} has {len(point.split())} words; at most {MAX_TRANSLATED_POINT_WORDS}")
            if item.easy_read and len(item.easy_read.lines) != len(self.easy_read.lines):
                raise ValueError(f"{where}: easy_read has {len(item.easy_read.lines)} lines and the English has {len(self.easy_read.lines)}; translate each line, in order")
            if item.language.english.lower() not in terms:
                raise ValueError(f"{where}: add `{item.language.english}` to search_terms, so staff find the poster by its language")
        return self

    def unchecked(self) -> list[Translation]:
        """The translations nobody has checked yet."""
        return [item for item in self.translations if not item.checked]


def load_poster(path: Path) -> Poster:
    poster = load_model(path, Poster)
    if poster.id != Path(path).stem:
        raise ContentError(display_path(path), f"is `{poster.id}` but the file is {Path(path).stem}.yml: they must match", field="id")
    return poster


def load_posters(directory: Path = POSTERS_DIR) -> dict[str, Poster]:
    """Every poster, by id, in file-name order."""
    return {path.stem: load_poster(path) for path in sorted(Path(directory).glob("*.yml"))}


def unchecked_translations(posters: dict[str, Poster]) -> list[str]:
    """One line per unchecked translation, for `make check` and `make report`."""
    return [
        f"macros/data/posters/{poster.id}.yml: {item.language.english} ({item.lang}) translation not yet checked"
        for poster in posters.values() for item in poster.unchecked()
    ]


def check_poster_pages(posters: dict[str, Poster], docs_pages: set[str]) -> None:
    """Each poster's `page` must be a page of the site."""
    for poster in posters.values():
        target = poster.page.split("#")[0]
        if target not in docs_pages:
            raise ContentError(f"macros/data/posters/{poster.id}.yml", f"`{poster.page}` is not a page under docs/", field="page")
