"""GP contract years: which one a page is written for, and whether it has passed.

A contract year runs from 1 April to 31 March and is written "2026/27". A page
marked for a year that has ended is flagged for review by `make check` and
`make report`, and shows a quiet "check" note, worked out when the site is built.

"Today" is the real date unless SWP_TODAY=YYYY-MM-DD is set (for tests, or to
preview how the site will look once the contract year turns).
"""
from __future__ import annotations

import os
import re
from datetime import date

YEAR = re.compile(r"^(\d{4})/(\d{2})$")
YEAR_STARTS = (4, 1)  # 1 April
TODAY_VARIABLE = "SWP_TODAY"


def today() -> date:
    """Today's date, or SWP_TODAY when it is set."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise ValueError(f"{TODAY_VARIABLE}={fixed!r} is not a date: write it as YYYY-MM-DD") from None
    return date.today()


def check_contract_year(value: str) -> str:
    """Refuse anything but "YYYY/YY" with consecutive years, e.g. 2026/27."""
    match = YEAR.match(value.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"`{value}` is not a contract year: write it like 2026/27 (the year from 1 April to 31 March)")
    return value.strip()


def start_year(contract_year: str) -> int:
    """2026 for "2026/27"."""
    return int(check_contract_year(contract_year)[:4])


def contract_year_on(day: date) -> str:
    """The contract year a date falls in: 2026/27 for 24 November 2026 and for 31 March 2027."""
    first = day.year if (day.month, day.day) >= YEAR_STARTS else day.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def ends(contract_year: str) -> date:
    """The last day of a contract year: 31 March 2027 for 2026/27."""
    return date(start_year(contract_year) + 1, 3, 31)


def has_passed(contract_year: str, day: date) -> bool:
    """True once the contract year is over (from 1 April after it)."""
    return day > ends(contract_year)
