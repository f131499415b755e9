"""A poster's translations and their check record.

Each translation carries `check`: the word `unchecked`, or who checked it and
when. An unchecked translation prints with a "translation not yet checked"
band, and `make check` and `make report` list it; an LMC that has one checked
changes that one field.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

from macros.content.easy_read import EasyReadText
from macros.content.front_matter import not_in_future
from macros.content.languages import LANGUAGES
from macros.content.letter_models import Strict

UNCHECKED = "unchecked"
# A role or an organisation, never a person's contact details.
CONTACT_DETAILS = re.compile(r"@|\d[\d\s]{5,}\d|https?://")


class CheckRecord(Strict):
    checked_by: str = Field(min_length=3, max_length=120, description="the role or organisation that checked it, e.g. NHS interpreting service (Bengali); never a person's contact details")
    checked_on: date = Field(description="the day it was checked, YYYY-MM-DD")

    @field_validator("checked_by")
    @classmethod
    def _no_contact_details(cls, value: str) -> str:
        if CONTACT_DETAILS.search(value):
            raise ValueError("holds an email address, phone number or web address: name the role or organisation only")
        return value

    @field_validator("checked_on")
    @classmethod
    def _not_future(cls, value: date) -> date:
        return not_in_future(value)


class Translation(Strict):
    lang: str = Field(description="the language code, one of: " + ", ".join(f"{code} ({language.english})" for code, language in LANGUAGES.items()))
    title: str = Field(min_length=1, max_length=80, description="the poster's title in this language")
    message: str = Field(min_length=1, description="the message in this language")
    points: list[str] = Field(default=[], description="the points in this language, as many as the English, in the same order")
    call_to_action: str = Field(min_length=1, max_length=160, description="the call to action in this language")
    easy_read: EasyReadText | None = Field(default=None, description="the easy-read version in this language (optional)")
    check: Literal["unchecked"] | CheckRecord = Field(description="`unchecked`, or who checked it and when: {checked_by: …, checked_on: YYYY-MM-DD}")

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"`{value}` is not a language the posters know (known: {', '.join(LANGUAGES)}); add it to macros/content/languages.py first")
        return value

    @property
    def language(self):
        return LANGUAGES[self.lang]

    @property
    def checked(self) -> bool:
        return self.check != UNCHECKED
