"""The LMC's name and contacts, from `extra.lmc` in mkdocs.yml.

Contacts are configuration, never content: a contact left empty is shown
as "not set up", so no page ever carries an invented address or number.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from pathlib import Path

from macros.content.datafiles import PROJECT_DIR, parse_model, read_text

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^[0-9 +()-]{6,}$")


class Branding(BaseModel):
    """`extra.lmc` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    tagline: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    logo: str = ""

    @field_validator("website")
    @classmethod
    def _website(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must start with https:// (or be left empty)")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and not EMAIL.match(value):
            raise ValueError("is not an email address (or leave it empty)")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if value and not PHONE.match(value):
            raise ValueError("is not a phone number (digits and spaces, or leave it empty)")
        return value


def load_branding(extra: dict, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> Branding:
    """Validate `extra.lmc`; errors name mkdocs.yml, the field as written there (`extra.lmc.email`) and its line."""
    text = read_text(config_file) if Path(config_file).is_file() else None
    model = parse_model("mkdocs.yml", {"extra": {"lmc": (extra or {}).get("lmc")}}, _Config, text=text)
    return model.extra.lmc


class _Extra(BaseModel):
    lmc: Branding


class _Config(BaseModel):
    extra: _Extra
