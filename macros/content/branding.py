"""The LMC's name and contacts, from `extra.lmc` in mkdocs.yml.

Contacts are configuration, never content: a contact left empty is shown
as "not set up", so no page ever carries an invented address or number.
"""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, field_validator

from macros.content.datafiles import PROJECT_DIR, line_of, parse_model, read_text
from macros.content.errors import ContentError
from macros.content.plain_text import plain_text

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^[0-9 +()-]{6,}$")
LOGO_PATH = re.compile(r"[A-Za-z0-9._/-]+")
LOGO_TYPES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}


class Branding(BaseModel):
    """`extra.lmc` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    tagline: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    logo: str = ""
    # true once the LMC has confirmed that it collects and counts workload-transfer reports
    collects_reports: bool = False

    @field_validator("name", "tagline", "website", "email", "phone", "logo")
    @classmethod
    def _plain(cls, value: str) -> str:
        return plain_text(value)

    @field_validator("website")
    @classmethod
    def _website(cls, value: str) -> str:
        if value and not value.startswith("https://"):
            raise ValueError("must start with https:// (or be left empty): a plain http:// link can be changed on its way to the reader")
        return value

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        path = PurePosixPath(value)
        if value and (value.startswith("/") or ":" in value or "\\" in value or ".." in path.parts):
            raise ValueError(
                "must be a file under docs/, written as a path from there (e.g. assets/images/logo.svg), "
                "never a web address or a path outside docs/: the site loads nothing from elsewhere"
            )
        if value and not LOGO_PATH.fullmatch(value):
            raise ValueError("must be a file under docs/ whose path uses only letters, digits, -, _, . and /, e.g. assets/images/logo.svg")
        if value and path.suffix.lower() not in LOGO_TYPES:
            raise ValueError(f"must be an image file ({', '.join(sorted(LOGO_TYPES))})")
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


def check_logo_file(branding: Branding, docs_dir: Path, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> None:
    """The logo `extra.lmc.logo` names is a file in docs/ (the site would show a broken image)."""
    if branding.logo and not (Path(docs_dir) / branding.logo).is_file():
        text = read_text(config_file) if Path(config_file).is_file() else ""
        raise ContentError(
            "mkdocs.yml",
            f"names {branding.logo}, which is not a file in docs/ (docs/{branding.logo}): add the file there, or leave the field \"\"",
            field="extra.lmc.logo",
            line=line_of(text, ("extra", "lmc", "logo")) if text else None,
        )


class _Extra(BaseModel):
    lmc: Branding


class _Config(BaseModel):
    extra: _Extra
