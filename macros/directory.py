"""The borough LMCs of London, grouped by integrated care board (ICB).

Data: macros/data/lmcs.yml. Contacts stay empty until an LMC confirms them;
the page then tells the reader to ask the LMC instead of guessing.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from .datafiles import DATA_DIR, load_model

DIRECTORY_FILE = DATA_DIR / "lmcs.yml"


class Borough(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    lmc: str
    website: str = ""
    email: str = ""
    phone: str = ""
    # Why a fact needs checking, shown to the reader (empty when confirmed).
    check: str = ""


class Icb(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    boroughs: list[Borough]

    @field_validator("boroughs")
    @classmethod
    def _not_empty(cls, value: list[Borough]) -> list[Borough]:
        if not value:
            raise ValueError("needs at least one borough")
        return value


class Directory(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    last_reviewed: date
    icbs: list[Icb]

    @field_validator("icbs")
    @classmethod
    def _unique_boroughs(cls, value: list[Icb]) -> list[Icb]:
        names = [b.name for icb in value for b in icb.boroughs]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"borough listed twice: {', '.join(repeated)}")
        return value


def load_directory(path: Path = DIRECTORY_FILE) -> Directory:
    """Read and validate the borough directory."""
    return load_model(path, Directory)


def boroughs_by_lmc(directory: Directory) -> dict[str, list[str]]:
    """Borough names grouped by the LMC that covers them, in data order."""
    groups: dict[str, list[str]] = {}
    for icb in directory.icbs:
        for borough in icb.boroughs:
            groups.setdefault(borough.lmc, []).append(borough.name)
    return groups
