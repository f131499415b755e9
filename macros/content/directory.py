"""The borough LMCs of London, grouped by integrated care board (ICB).

Data: macros/data/lmcs.yml. Contacts stay empty until an LMC confirms them;
the page then tells the reader to ask the LMC instead of guessing.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from macros.content.datafiles import DATA_DIR, load_model
from macros.content.sources import Source

DIRECTORY_FILE = DATA_DIR / "lmcs.yml"


class Borough(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(description="the borough, e.g. Camden")
    lmc: str = Field(description="the LMC that covers it, e.g. Londonwide LMCs")
    website: str = Field(default="", description="the LMC's https:// address, only once confirmed")
    email: str = Field(default="", description="a confirmed contact email, or empty (the page then says to ask the LMC)")
    phone: str = Field(default="", description="a confirmed phone number, or empty")
    check: str = Field(default="", description="why a fact needs checking, shown to readers; empty when confirmed")


class ReportingRoute(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    summary: str = Field(min_length=10, description="the ICB's own route for reporting interface problems, as a public source describes it (no guessed address or form)")
    source: Source = Field(description="the public page that describes it: publisher, title, https:// address and a date")


class Icb(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(description="the integrated care board, e.g. North Central London")
    reporting_route: ReportingRoute | None = Field(default=None, description="the ICB's route for reporting interface problems, only where a public source describes one; leave it out otherwise (pages then say to ask the LMC)")
    boroughs: list[Borough] = Field(description="the boroughs in this ICB")

    @field_validator("boroughs")
    @classmethod
    def _not_empty(cls, value: list[Borough]) -> list[Borough]:
        if not value:
            raise ValueError("needs at least one borough")
        return value


class Directory(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    last_reviewed: date = Field(description="the date the directory was last checked, as YYYY-MM-DD")
    icbs: list[Icb] = Field(description="the ICBs, each with its boroughs")

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
