"""Contract years run from 1 April; a page for a year that has ended is flagged."""
from datetime import date

import pytest

from macros.content.contract_year import check_contract_year, contract_year_on, ends, has_passed, today


@pytest.mark.parametrize(
    "day, year",
    [(date(2026, 4, 1), "2026/27"), (date(2026, 11, 24), "2026/27"), (date(2027, 3, 31), "2026/27"), (date(2027, 4, 1), "2027/28"), (date(2099, 12, 31), "2099/00")],
)
def test_the_year_a_day_falls_in(day, year):
    assert contract_year_on(day) == year


def test_a_year_passes_on_1_april_after_it():
    assert ends("2026/27") == date(2027, 3, 31)
    assert not has_passed("2026/27", date(2027, 3, 31))
    assert has_passed("2026/27", date(2027, 4, 1))


@pytest.mark.parametrize("bad", ["2026/28", "2026-27", "26/27", "2026/2027", "next year"])
def test_bad_contract_years_are_refused(bad):
    with pytest.raises(ValueError, match="write it like 2026/27"):
        check_contract_year(bad)


def test_today_can_be_fixed_for_tests(monkeypatch):
    monkeypatch.setenv("SWP_TODAY", "2027-04-02")
    assert today() == date(2027, 4, 2)
    monkeypatch.setenv("SWP_TODAY", "2 April 2027")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        today()
