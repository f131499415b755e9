"""Easy-read posters: the rules in one place, and the data model that applies them.

An easy-read version says the poster's message in short sentences, one idea per
line, each line with a picture beside it. The rules below are checked by the
build (each line, each title) and written into the editors' guide
(CONTRIBUTING.md, by macros/tools/guide.py), so the guide and the check never
disagree. Pictures are Material Design Icons, the SVG set that Material for
MkDocs ships (material/templates/.icons/material), named per line in the data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import material
from pydantic import Field, field_validator

from macros.content.letter_models import Strict

ICONS_DIR = Path(material.__file__).resolve().parent / "templates" / ".icons" / "material"
ICON_SET = "Material Design Icons (Pictogrammers), as shipped by Material for MkDocs"
ICON_LICENCE = "Apache License 2.0 (Pictogrammers Free License: material/templates/.icons/material/LICENSE)"
ICON_NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A sentence ends at . ! or ? (also the Arabic question mark and the Bengali full stop)
# followed by a space and more text.
SENTENCE_BREAK = re.compile(r"[.!?\u061F\u0964]\s+\S")


@dataclass(frozen=True)
class Rule:
    """One easy-read rule: its limit and how the guide says it."""

    limit: int
    says: str

    def text(self) -> str:
        return self.says.format(limit=self.limit)


RULES = {
    "sentence_words": Rule(15, "Each line is one sentence of at most {limit} words."),
    "one_idea": Rule(1, "Each line holds {limit} idea: one sentence, no second sentence after a full stop or question mark."),
    "min_lines": Rule(3, "At least {limit} lines."),
    "max_lines": Rule(6, "At most {limit} lines, so it prints on one page with large type."),
    "title_words": Rule(8, "The easy-read title has at most {limit} words."),
    "alt_words": Rule(8, "Each picture has a text alternative (`alt`) of at most {limit} words, saying what it shows."),
}


def words(text: str) -> int:
    return len(text.split())


def check_sentence(text: str) -> str:
    """One easy-read line: one sentence, short enough (RULES)."""
    count = words(text)
    if count > RULES["sentence_words"].limit:
        raise ValueError(f"has {count} words; an easy-read line has at most {RULES['sentence_words'].limit}")
    if SENTENCE_BREAK.search(text):
        raise ValueError("has more than one sentence; easy read puts one idea on each line: split it into two lines")
    return text


def check_title(text: str) -> str:
    count = words(text)
    if count > RULES["title_words"].limit:
        raise ValueError(f"has {count} words; an easy-read title has at most {RULES['title_words'].limit}")
    return text


def check_line_count(lines: list) -> list:
    low, high = RULES["min_lines"].limit, RULES["max_lines"].limit
    if not low <= len(lines) <= high:
        raise ValueError(f"has {len(lines)} lines; easy read needs {low} to {high}")
    return lines


def icon_path(name: str) -> Path:
    return ICONS_DIR / f"{name}.svg"


class EasyReadLine(Strict):
    text: str = Field(min_length=1, description=RULES["sentence_words"].text())
    icon: str = Field(pattern=ICON_NAME, description="the picture beside the line: a Material Design Icons name, e.g. hospital-building (see https://pictogrammers.com/library/mdi/)")
    alt: str = Field(min_length=1, description=RULES["alt_words"].text())

    @field_validator("text")
    @classmethod
    def _one_short_sentence(cls, value: str) -> str:
        return check_sentence(value)

    @field_validator("icon")
    @classmethod
    def _icon_exists(cls, value: str) -> str:
        if not icon_path(value).is_file():
            raise ValueError(f"`{value}` is not an icon in {ICON_SET} (look it up at https://pictogrammers.com/library/mdi/)")
        return value

    @field_validator("alt")
    @classmethod
    def _short_alt(cls, value: str) -> str:
        if words(value) > RULES["alt_words"].limit:
            raise ValueError(f"has {words(value)} words; a picture's text alternative has at most {RULES['alt_words'].limit}")
        return value


class EasyRead(Strict):
    title: str = Field(min_length=1, description=RULES["title_words"].text())
    lines: list[EasyReadLine] = Field(description="one idea per line, each with its picture; " + " ".join(RULES[key].text() for key in ("min_lines", "max_lines")))

    @field_validator("title")
    @classmethod
    def _short_title(cls, value: str) -> str:
        return check_title(value)

    @field_validator("lines")
    @classmethod
    def _line_count(cls, value: list) -> list:
        return check_line_count(value)


class EasyReadText(Strict):
    """An easy-read version in another language: the words only (the pictures are the English version's)."""

    title: str = Field(min_length=1, description=RULES["title_words"].text())
    lines: list[str] = Field(description="the easy-read lines in this language, as many as the English, in the same order")

    @field_validator("title")
    @classmethod
    def _short_title(cls, value: str) -> str:
        return check_title(value)

    @field_validator("lines")
    @classmethod
    def _short_lines(cls, value: list[str]) -> list[str]:
        for index, line in enumerate(value):
            try:
                check_sentence(line)
            except ValueError as error:
                raise ValueError(f"line {index + 1} {error}") from None
        return check_line_count(value)


def rules_table() -> str:
    """The rules as a Markdown table for the editors' guide."""
    rows = ["| rule | limit |", "| --- | --- |"]
    rows += [f"| {rule.text()} | {rule.limit} |" for rule in RULES.values()]
    return "\n".join(rows) + "\n"
