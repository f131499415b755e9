"""The shape of letter data (macros/data/letters/*.yml), as pydantic models.

Each field's description is the help an editor sees: in error messages and,
through the JSON Schemas in macros/schemas/, in their editor as they type.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from macros.content.front_matter import not_in_future
from macros.content.sources import Source

# Where the letters index lists a letter: who asks for the work (or whom the letter is for), in index order.
LETTER_GROUPS = {
    "nhs": "From hospitals and other NHS services",
    "private": "From private and Right to Choose providers",
    "organisations": "From schools, employers, councils and airlines",
    "patients": "For patients",
    "icb": "For your integrated care board (ICB)",
}
# Letters in these groups answer work another organisation asks of the practice: each names that
# task (`task:`, or one per variant), so the "Report a workload transfer" page can list it.
ASKED_BY_OTHERS = ("nhs", "private", "organisations")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NAME = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FieldDef(Strict):
    """A fill-in field: its text appears in the letter as [label]."""

    name: str = Field(pattern=NAME, description="a short id in lower case with underscores, e.g. appointment_date")
    label: str = Field(min_length=1, pattern=r"^[^\[\]]+$", description="what the form shows; the letter uses it as [label], e.g. [Date of missed appointment]")
    hint: str = Field(default="", description="a short help line shown under the field")
    identifying: bool = Field(default=False, description="true if it identifies the patient: replaced by [removed] in the copy for the LMC")
    multiline: bool = Field(default=False, description="true for a box of several lines, e.g. an address")
    remember: Literal["", "practice", "clinician"] = Field(
        default="",
        description="practice-level fields only: `practice` (kept when the user ticks \"Remember our practice's details on this computer\") "
        "or `clinician` (kept only if they also tick to remember the clinician); empty for everything else, and never on a patient's field",
    )

    @model_validator(mode="after")
    def _patient_fields_never_remembered(self):
        if self.remember and self.identifying:
            raise ValueError(f"`{self.name}` identifies the patient (identifying: true), so it can never be remembered: remove `remember`")
        return self


class Variant(Strict):
    """One task of a letter that covers several (e.g. fit notes, results)."""

    id: str = Field(pattern=SLUG, description="lower-case words joined by hyphens; the link is #task-<id>")
    label: str = Field(description="the tick-box text, e.g. Issuing fit notes (MED3)")
    task: str = Field(default="", description='the work asked, to follow "We were asked to…", e.g. issue a fit note (MED3) for its patient; a variant that is a choice, not a task, leaves it out')
    search_terms: list[str] = Field(default=[], description="words a GP would type to find this task")
    body: list[str] = Field(min_length=1, description="the paragraphs this task adds to the letter")


class Letter(Strict):
    id: str = Field(pattern=SLUG, description="the file name without .yml, e.g. dna-discharge")
    kind: Literal["letter", "invitation"] = Field(default="letter", description="letter, or invitation (changes the page's labels)")
    draft: bool = Field(default=False, description="true while a new letter is being written; make check lists drafts")
    title: str = Field(description="the letter's name, as in the nav")
    group: Literal[tuple(LETTER_GROUPS)] | None = Field(
        default=None,
        description="where the letters index lists it (every letter needs one): " + "; ".join(f"{k}: {v}" for k, v in LETTER_GROUPS.items()),
    )
    summary: str = Field(description="one line for the letters index: what this letter answers")
    task: str = Field(default="", description='the work asked, to follow "We were asked to…", e.g. re-refer a patient discharged after one missed appointment (DNA); listed on the report page (needed for a letter in the nhs, private or organisations group unless each variant names its task)')
    when_to_use: str = Field(description="the situation in which a GP reaches for this letter")
    rule: str = Field(description="the rule in one line, naming its source")
    who_instead: str = Field(description="who should do the work instead")
    recipient: str = Field(description="who the letter goes to, in words")
    check_first: list[str] = Field(default=[], description="lines shown above the form under \"Before you send it\": what to check first, e.g. that anything urgent for the patient's safety is dealt with, or safeguarding for a child who \"was not brought\"")
    standard_fields: list[str] = Field(default=[], description="shared fields it uses, from macros/data/letter_fields.yml (e.g. patient_name)")
    fields: list[FieldDef] = Field(default=[], description="fields only this letter uses, each with name, label, hint, identifying and, for a box of several lines, multiline: true")
    address: list[str] = Field(default=[], description="lines of the address block, e.g. [Recipient name]")
    subject: str = Field(default="", description='the "Re:" line')
    greeting: str = Field(description='e.g. "Dear [Recipient name],"')
    body: list[str] = Field(min_length=1, description="the paragraphs, with [Label] placeholders; every letter needs at least one")
    variants: list[Variant] = Field(default=[], description="tasks or choices a reader ticks, for a letter that covers several: each with id, label, search_terms, body, and task when each variant is a separate task someone asked for")
    variants_prompt: str = Field(default="Which tasks were you asked to do? Tick all that apply.", description="the question above the tick-boxes, e.g. \"Which decision are you making? Tick one.\"")
    body_end: list[str] = Field(default=[], description="paragraphs after the ticked tasks' paragraphs")
    closing: str = Field(description='e.g. "Yours sincerely,"')
    signature: list[str] = Field(default=[], description="lines under the closing, e.g. [Clinician name]")
    copy_to: list[str] = Field(default=[], description='"Copy to" lines, e.g. The patient')
    sms: str = Field(default="", description="a short version for a text message (the workshop invitation)")
    sources: list[Source] = Field(min_length=1, description="every letter needs at least one source: publisher, title, https:// address and a date")
    last_reviewed: date = Field(description="the date someone last checked it, as YYYY-MM-DD")
    search_terms: list[str] = Field(default=[], description="words a GP would type to find it, misspellings included")

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_by_today(cls, value: date) -> date:
        return not_in_future(value)

    @model_validator(mode="after")
    def _letters_have_a_group(self):
        if self.kind == "letter" and self.group is None:
            raise ValueError(f"`group` is missing: say where the letters index lists it, one of {', '.join(LETTER_GROUPS)}")
        return self

    @model_validator(mode="after")
    def _tasks_named(self):
        variant_tasks = [bool(v.task) for v in self.variants]
        if any(variant_tasks) and not all(variant_tasks):
            missing = ", ".join(v.id for v in self.variants if not v.task)
            raise ValueError(f"some variants name their `task` and some do not ({missing}): give each one its task, or none")
        if self.kind == "letter" and self.group in ASKED_BY_OTHERS and not self.task and not any(variant_tasks):
            raise ValueError(
                '`task` is missing: say what the practice was asked to do, to follow "We were asked to…" '
                "(e.g. task: write a sick note for an illness of seven days or less); the report page lists it"
            )
        return self

    def report_tasks(self) -> list[tuple[str, str]]:
        """(task id, phrase) pairs this letter answers: one per variant that names a task, else the letter's own."""
        if any(v.task for v in self.variants):
            return [(f"{self.id}/{v.id}", v.task) for v in self.variants]
        return [(self.id, self.task)] if self.task else []


class FieldRegistry(Strict):
    """macros/data/letter_fields.yml: fields any letter may use."""

    fields: list[FieldDef] = Field(min_length=1, description="the shared fields, in the order the form shows them")
