"""Reporting workload transfers to the LMC: the form's choices, its task list and its CSV columns.

Data: macros/data/transfers.yml (how a request arrived, what the practice
did, the CSV columns and what each means) and macros/data/organisations.yml
(suggested organisation names, each with where its name was checked). The
task list is the letters' own (`task:` on a letter or its variants), so a new
letter appears on the report page without a second edit. The page itself runs
in the browser (docs/assets/javascripts/report.js): nothing typed is sent.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from macros.content.datafiles import DATA_DIR, load_model
from macros.content.letter_models import ASKED_BY_OTHERS, LETTER_GROUPS, NAME, SLUG, Letter
from macros.content.front_matter import not_in_future
from macros.content.sources import Source

TRANSFERS_FILE = DATA_DIR / "transfers.yml"
ORGANISATIONS_FILE = DATA_DIR / "organisations.yml"
REPORT_PAGE = "support/report-a-transfer.md"
OTHER_TASK = {"id": "other", "label": "Something else (say what in the description)"}
OTHER_REQUESTS = "Other requests"
DESCRIPTION_LIMIT = 600  # characters: a sentence or two, not a case history
NAME_LIMIT = 150  # characters in the practice, organisation and department boxes: the longest trust name is under 70
MINUTES_LIMIT = 600  # ten hours: anything more is a typing slip
ORGANISATION_KINDS = ("acute", "mental-health", "community", "specialist", "ambulance", "icb")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Choice(Strict):
    code: str = Field(pattern=SLUG, description="a stable code for the CSV, lower-case words joined by hyphens; never rename one")
    label: str = Field(min_length=1, description="what the form shows")


class Column(Strict):
    name: str = Field(pattern=NAME, description="the CSV column name, lower case with underscores; never rename one")
    meaning: str = Field(min_length=1, description="what the column holds, for the LMC's page")


def _unique(values: list, what: str) -> None:
    seen = [getattr(v, "code", None) or getattr(v, "name") for v in values]
    repeated = sorted({s for s in seen if seen.count(s) > 1})
    if repeated:
        raise ValueError(f"{what} listed twice: {', '.join(repeated)}")


class TransferForm(Strict):
    """macros/data/transfers.yml."""

    format_version: int = Field(ge=1, description="the version of the CSV columns; raise it only if a column changes meaning")
    arrived_by: list[Choice] = Field(min_length=2, description="how a request may arrive, e.g. discharge-summary")
    practice_action: list[Choice] = Field(min_length=2, description="what the practice may have done, e.g. sent-letter")
    patient_risk: list[Choice] = Field(min_length=2, description="the answers to: was a patient put at risk?")
    columns: list[Column] = Field(min_length=1, description="the CSV columns in order, each with its meaning")

    @field_validator("arrived_by", "practice_action", "patient_risk", "columns")
    @classmethod
    def _no_repeats(cls, value: list, info) -> list:
        _unique(value, "a code" if info.field_name != "columns" else "a column")
        return value


class Organisation(Strict):
    name: str = Field(min_length=3, description="the organisation's name as it writes it, e.g. Barts Health NHS Trust")
    kind: Literal[ORGANISATION_KINDS] = Field(description="one of: " + ", ".join(ORGANISATION_KINDS))
    icb: str = Field(min_length=3, description="the ICB area it mainly serves, e.g. North East London, or London-wide")
    source: Source = Field(description="where its current name was checked: publisher, title, https:// address and a date")
    check: str = Field(default="", description="what still needs checking (e.g. a merger under way), or empty")


class Organisations(Strict):
    """macros/data/organisations.yml."""

    last_reviewed: date = Field(description="the date the list was last checked, as YYYY-MM-DD")
    organisations: list[Organisation] = Field(min_length=1, description="the suggestions, each sourced")

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_by_today(cls, value: date) -> date:
        return not_in_future(value)

    @field_validator("organisations")
    @classmethod
    def _unique_names(cls, value: list[Organisation]) -> list[Organisation]:
        names = [o.name.lower() for o in value]
        repeated = sorted({o.name for o in value if names.count(o.name.lower()) > 1})
        if repeated:
            raise ValueError(f"organisation listed twice: {', '.join(repeated)}")
        return value


def load_transfer_form(path: Path = TRANSFERS_FILE) -> TransferForm:
    """Read and validate the form's choices and the CSV columns."""
    return load_model(path, TransferForm)


def load_organisations(path: Path = ORGANISATIONS_FILE) -> Organisations:
    """Read and validate the suggested organisations."""
    return load_model(path, Organisations)
