"""The shape of letter data (macros/data/letters/*.yml), as pydantic models."""
from __future__ import annotations

from datetime import date

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NAME = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FieldDef(Strict):
    """A fill-in field: its text appears in the letter as [label]."""

    name: str = Field(pattern=NAME)
    label: str = Field(min_length=1, pattern=r"^[^\[\]]+$")
    hint: str = ""
    # Identifies the patient: replaced by [removed] in the copy for the LMC.
    identifying: bool = False


class Source(Strict):
    publisher: str
    title: str
    url: str = Field(default="", pattern=r"^(https://\S+)?$")
    date: str = Field(min_length=1)


class Variant(Strict):
    """One task of a letter that covers several (e.g. fit notes, results)."""

    id: str = Field(pattern=SLUG)
    label: str
    search_terms: list[str] = []
    body: list[str] = Field(min_length=1)


class Letter(Strict):
    id: str = Field(pattern=SLUG)
    # "invitation" changes the page's labels (why it matters, who sends it).
    kind: Literal["letter", "invitation"] = "letter"
    title: str
    summary: str
    when_to_use: str
    rule: str
    who_instead: str
    recipient: str
    standard_fields: list[str] = []
    fields: list[FieldDef] = []
    address: list[str] = []
    subject: str = ""
    greeting: str
    body: list[str] = Field(min_length=1)
    variants: list[Variant] = []
    body_end: list[str] = []
    closing: str
    signature: list[str] = []
    copy_to: list[str] = []
    # A short version for a text message (e.g. the workshop invitation).
    sms: str = ""
    sources: list[Source] = Field(min_length=1)
    last_reviewed: date
    search_terms: list[str] = []


class FieldRegistry(Strict):
    """macros/data/letter_fields.yml: fields any letter may use."""

    fields: list[FieldDef] = Field(min_length=1)
