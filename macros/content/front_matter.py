"""Front matter of the Markdown pages: read it and check it.

Every page needs a title, a one-line description and the date it was last
reviewed; unknown keys are refused so a typo cannot silently hide a date.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from macros.content.contract_year import check_contract_year, today
from macros.content.datafiles import DATA_DIR, display_path, parse_model, parse_yaml, read_text, read_yaml, yaml_message
from macros.content.errors import ContentError
from macros.content.plain_text import plain_text
from macros.content.sources import Source

PAGE_SCRIPT = re.compile(r"assets/(javascripts|vendor)/[\w./-]+\.js")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


class SearchMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    boost: float = Field(default=1, gt=0, le=10)
    exclude: bool = False


class PageMeta(BaseModel):
    """The front-matter keys a page may carry."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, description="the page title, as in the nav")
    description: str = Field(min_length=1, description="one plain sentence: what the page answers")
    last_reviewed: date = Field(description="the date someone last checked the page, as YYYY-MM-DD")
    review_due: date | None = Field(default=None, description="when it must next be checked, as YYYY-MM-DD (guidance pages need one)")
    contract_year: str | None = Field(default=None, description="the GP contract year the page is correct for, e.g. 2026/27 (guidance and letter pages need one)")
    sources: list[Source] = Field(default=[], description="what the page is based on, as a list (see Sources below); guidance pages need at least one. The site shows them as the page's Sources section")
    review_note: str = Field(default="", description="what changed at this review, shown on the What's changed page")
    draft: bool = Field(default=False, description="true while a new page is being written; make check lists drafts")
    type: Literal["guidance", "workbook"] | None = Field(default=None, description="guidance (fixed sections, checked) or workbook (prints as A4 sheets)")
    tags: list[str] = Field(default=[], description="topics from macros/data/topics.yml: pages that share one are listed together on the Topics page")
    search_terms: list[str] = Field(default=[], description="words readers type that the page may not use, misspellings included")
    tasks: list[str] = Field(default=[], description="work someone asks of the practice that this page answers, written to follow \"I've been asked to…\" (e.g. share information from a record with the police); the home page lists it (letters name theirs in their data file, under task)")
    search: SearchMeta | None = Field(default=None, description="search options, e.g. {boost: 0.5} to rank a page lower (rarely needed)")
    render_macros: bool = Field(default=False, description="true on a page that shows a letter, poster or list with a macro such as {{ letter(...) }}")
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = Field(default=[], description="parts of the page layout to hide")
    scripts: list[str] = Field(default=[], description="JavaScript files under docs/assets/javascripts/ or docs/assets/vendor/ that only this page loads, after the site's own, e.g. assets/vendor/papaparse/papaparse.min.js")
    leave_out_scripts: list[str] = Field(default=[], description="site-wide scripts (mkdocs.yml's extra_javascript) this page never runs, left out of it to keep it light, e.g. assets/javascripts/letter.js")

    @field_validator("scripts", "leave_out_scripts")
    @classmethod
    def _own_scripts(cls, value: list[str]) -> list[str]:
        for path in value:
            if not PAGE_SCRIPT.fullmatch(path) or ".." in path:
                raise ValueError(f"{path!r} is not a script of this site: give a .js file under assets/javascripts/ or assets/vendor/")
        return value

    @field_validator("title", "description")
    @classmethod
    def _plain(cls, value: str) -> str:
        return plain_text(value)

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_by_today(cls, value: date) -> date:
        return not_in_future(value)

    @model_validator(mode="after")
    def _due_after_review(self) -> "PageMeta":
        if self.review_due is not None and self.review_due <= self.last_reviewed:
            raise ValueError(f"review_due ({self.review_due}) must come after last_reviewed ({self.last_reviewed}), usually a year on")
        return self

    @field_validator("contract_year", mode="before")
    @classmethod
    def _contract_year(cls, value: object) -> object:
        return check_contract_year(str(value)) if value is not None else value


def not_in_future(day: date) -> date:
    """A review date cannot be later than today (SWP_TODAY in tests)."""
    now = today()
    if day > now:
        raise ValueError(f"{day} is in the future (today is {now}): set it to the day the review was done")
    return day


def line_in_body(body: str, index: int, first_line: int) -> int:
    """The file line of a position in a page's body, given the line the body starts on."""
    return first_line + body[:index].count("\n")


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter YAML, body); front matter is "" when absent."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end():]


# Pages already read in this process, by path and exact text (as datafiles._VALIDATED).
_READ: dict[tuple[str, str], tuple[PageMeta, str]] = {}


def read_page(path: Path) -> tuple[PageMeta, str]:
    """Read one page (once per text); a missing or invalid front matter names the file."""
    text = read_text(path)
    key = (str(Path(path).resolve()), text)
    if key not in _READ:
        _READ[key] = _parse_page(display_path(path), text)
    return _READ[key]


def _parse_page(name: str, text: str) -> tuple[PageMeta, str]:
    """A page's checked front matter and its body."""
    head, body = split_front_matter(text)
    if not head:
        raise ContentError(name, "has no front matter (title, description, last_reviewed)")
    try:
        data = parse_yaml(head)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise ContentError(name, yaml_message(error, head, "malformed front matter"), line=line) from None
    return parse_model(name, data, PageMeta, text="\n" + head), body


def read_all_pages(docs_dir: Path) -> dict[str, tuple[PageMeta, str]]:
    """Every page under docs_dir, keyed by its path relative to docs_dir."""
    pages = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        meta, body = pages[path.relative_to(docs_dir).as_posix()] = read_page(path)
        for field in ("scripts", "leave_out_scripts"):
            for script in getattr(meta, field):
                if not (Path(docs_dir) / script).is_file():
                    raise ContentError(display_path(path), f"the script {script} is not in docs/ (check the path)", field=field)
    return pages


TOPICS_FILE = DATA_DIR / "topics.yml"


def load_topics(path: Path = TOPICS_FILE) -> dict[str, str]:
    """The allowed tags, each with a one-line description."""
    return parse_model(display_path(path), read_yaml(path), Topics, text=read_text(path)).topics


class Topics(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topics: dict[str, str]

    @field_validator("topics")
    @classmethod
    def _plain(cls, value: dict[str, str]) -> dict[str, str]:
        """Topic names are printed as tags on every page that carries them."""
        for name, description in value.items():
            for text in (name, description):
                try:
                    plain_text(text)
                except ValueError as error:
                    raise ValueError(f"the topic `{name}` {error}") from None
        return value


def check_tags(pages: dict[str, tuple[PageMeta, str]], topics: dict[str, str]) -> None:
    """Every tag must be a known topic, so related pages really link up."""
    for path, (meta, _) in pages.items():
        for index, tag in enumerate(meta.tags):
            if tag not in topics:
                raise ContentError(
                    f"docs/{path}",
                    f"`{tag}` is not a topic in macros/data/topics.yml (known: {', '.join(topics)})",
                    field=f"tags.{index}",
                )


def overdue(pages: dict[str, tuple[PageMeta, str]], today: date) -> list[tuple[str, PageMeta]]:
    """Pages whose review_due date has passed, oldest first."""
    late = [(p, m) for p, (m, _) in pages.items() if m.review_due and m.review_due < today]
    return sorted(late, key=lambda item: item[1].review_due)
