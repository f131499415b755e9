"""Sources as data: every claim on the site traces to a linked, dated source.

A source has a publisher, a title, an https:// address and at least one date
(when it was published, last updated, or read). The dates are written as a
reader sees them ("29 April 2026", "April 2026" or "2026"), so every template,
whatever the generator, prints them as they are. A document that is not online
(e.g. a manual handed to practices) says so with `offline:` and a reason,
instead of a URL.

The same model serves letters, posters and page front matter.
"""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The ways a source date may be written, most precise first.
DATE_FORMATS = ("%d %B %Y", "%B %Y", "%Y")
DATE_KINDS = ("published", "updated", "accessed")
DATE_HELP = 'written as a reader sees it: "29 April 2026", "April 2026" or "2026"'


def check_source_date(value: object) -> str:
    """A source date as text, refusing anything a reader could not read as a date."""
    if value is None:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        value = str(value)  # YAML reads `published: 2014` as a number
    if not isinstance(value, str):
        # YAML reads 2026-04-29 as a date and 2026 as a number: say how to write it.
        raise ValueError(f"`{value}` is not written as a reader sees it; write it like \"29 April 2026\", \"April 2026\" or \"2026\"")
    text = " ".join(value.split())
    for form in DATE_FORMATS:
        try:
            datetime.strptime(text, form)
        except ValueError:
            continue
        return text
    raise ValueError(f"`{value}` is not a date; write it like \"29 April 2026\", \"April 2026\" or \"2026\"")


class Source(BaseModel):
    """One source: who published it, what it is, where to read it, and when."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    publisher: str = Field(min_length=1, description="who published it, e.g. NHS England; for a report of someone else's words, the one who reported it (e.g. Pulse)")
    title: str = Field(min_length=1, description="the document's or page's title, as it gives it")
    url: str | None = Field(default=None, pattern=r"^https://[^\s]+$", description="its full https:// address, copied from the page, never a guess (required unless `offline` says why there is none)")
    offline: str | None = Field(default=None, min_length=10, description="only for a document that is not online: why there is no address, e.g. 'A manual sent to practices; not published online'")
    published: str | None = Field(default=None, description=f"the date it was published, {DATE_HELP}")
    updated: str | None = Field(default=None, description=f"the date it was last updated, {DATE_HELP}")
    accessed: str | None = Field(default=None, description=f"the date someone last read it to check the page, {DATE_HELP}")
    note: str = Field(default="", description="one line a reader needs, e.g. whose summary it is, or where it disagrees with another source")

    @field_validator("url")
    @classmethod
    def _whole_address(cls, value: str | None) -> str | None:
        if value and (value.endswith("...") or "…" in value):
            raise ValueError("looks cut short (it ends in \"...\"): copy the whole address from the page")
        return value

    @field_validator("published", "updated", "accessed", mode="before")
    @classmethod
    def _readable_date(cls, value: object) -> str | None:
        return check_source_date(value)

    @model_validator(mode="after")
    def _address_and_date(self) -> "Source":
        if not self.url and not self.offline:
            raise ValueError("has no `url`: give its https:// address, or, for a document that is not online, say why under `offline`")
        if self.url and self.offline:
            raise ValueError("has both `url` and `offline`: keep the address and remove `offline`")
        if not any(getattr(self, kind) for kind in DATE_KINDS):
            raise ValueError("has no date: add `published`, `updated` or `accessed`, e.g. accessed: 24 November 2026")
        return self

    def dates(self) -> list[tuple[str, str]]:
        """(kind, date) pairs in reading order, e.g. [("updated", "29 April 2026")]."""
        return [(kind, getattr(self, kind)) for kind in DATE_KINDS if getattr(self, kind)]

    def citation(self, with_note: bool = True) -> str:
        """The source as one line of text (a letter prints it without the note; the address follows it)."""
        dates = "".join(f", {kind} {value}" for kind, value in self.dates())
        note = f" {self.note}" if self.note and with_note else ""
        offline = f" Not online: {self.offline}" if not self.url else ""
        return f"{self.publisher}, {self.title}{dates}.{note}{offline}"
