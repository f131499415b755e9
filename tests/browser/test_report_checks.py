"""Unit tests of the report page's own checks, run in Chromium where they run for real:
patient identifiers in free text (docs/assets/javascripts/identifiers.js) and the CSV
writer (csv.js). The NHS numbers are made here, with their Modulus 11 check digit
computed independently of the JavaScript."""
from __future__ import annotations

import random

import pytest

from tests.helpers import PROJECT

pytestmark = pytest.mark.browser
SCRIPTS = PROJECT / "docs" / "assets" / "javascripts"
TODAY = "2026-11-24"


def check_digit(first_nine: str) -> int | None:
    """The NHS number check digit (None when the remainder makes it 10: no valid number)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1)))
    digit = 11 - total % 11
    return {11: 0, 10: None}.get(digit, digit)


def valid_numbers(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    found = []
    while len(found) < count:
        first = str(rng.randint(400_000_000, 799_999_999))
        digit = check_digit(first)
        if digit is not None:
            found.append(first + str(digit))
    return found


def failing_numbers(count: int, seed: int = 11) -> list[str]:
    """Ten digits that do not pass Modulus 11 (not starting with 0, so not phone-like)."""
    rng = random.Random(seed)
    found = []
    while len(found) < count:
        first = str(rng.randint(400_000_000, 799_999_999))
        digit = check_digit(first)
        wrong = (digit + 1) % 10 if digit is not None else rng.randint(0, 9)
        found.append(first + str(wrong))
    return found


def test_check_digit_matches_the_published_example():
    # NHS England's data dictionary example: 943 476 5919.
    assert check_digit("943476591") == 9


@pytest.fixture(scope="module")
def checks(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>checks</title>")
    page.add_script_tag(path=str(SCRIPTS / "identifiers.js"))
    yield page
    page.close()


def kinds(checks, text: str) -> list[str]:
    return checks.evaluate(
        "([text, today]) => swpIdentifiers.find(text, new Date(today + 'T12:00:00')).map(h => h.kind)", [text, TODAY]
    )


def redact(checks, text: str) -> str:
    return checks.evaluate("([text, today]) => swpIdentifiers.redact(text, new Date(today + 'T12:00:00'))", [text, TODAY])


@pytest.mark.parametrize("number", valid_numbers(12))
def test_valid_nhs_numbers_are_found_plain_spaced_or_hyphenated(checks, number):
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    hyphenated = spaced.replace(" ", "-")
    for written in (number, spaced, hyphenated):
        assert kinds(checks, f"NHS no {written}, seen in clinic") == ["nhs"], written
        assert redact(checks, f"NHS no {written}.") == "NHS no [removed]."


@pytest.mark.parametrize("number", failing_numbers(12))
def test_ten_digits_failing_modulus_11_are_not_flagged(checks, number):
    assert kinds(checks, f"Reference {number} on the letter") == []


@pytest.mark.parametrize(
    "text",
    [
        "Appointment at 10:30 on Tuesday",
        "Clinic 09:15, ward 7B",
        "Bloods due in 3 months, 2 x 500mg",
        "An eleven-digit 94347659190 number",  # a valid NHS number inside a longer run of digits
        "Postcode district SW1 only",
        "Seen on 20/11/2026 in clinic",  # a recent date: when something happened
        "Seen on 12/11, follow-up in March",
        "Fit note (MED3) for 2 weeks",
        "Rang the ward at 14.30",
    ],
)
def test_near_misses_are_not_flagged(checks, text):
    assert kinds(checks, text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("lives at SW1A 1AA", "postcode"),
        ("postcode e1 6an", "postcode"),
        ("moved to M1 1AE last year", "postcode"),
        ("B33 8TH", "postcode"),
        ("CR2 6XH", "postcode"),
        ("DN55 1PT", "postcode"),
        ("email jane.doe+clinic@example.nhs.uk please", "email"),
        ("call 020 7946 0000 after 2pm", "phone"),
        ("mobile 07700 900123", "phone"),
        ("mobile 07700900123", "phone"),
        ("on +44 20 7946 0000", "phone"),
        ("on +44 (0)20 7946 0000", "phone"),
        ("(020) 7946 0000", "phone"),
        ("01632 960123", "phone"),
        ("DOB 12/03/1957", "dob"),
        ("born 3.5.25", "dob"),  # a recent date, but "born" comes first
        ("date of birth: 1 February 2024", "dob"),
        ("D.O.B. 2025-06-01", "dob"),
        ("aged 68, 12 March 1957", "dob"),  # more than a year ago
        ("on 12-3-57", "dob"),
        ("14th Sept 2001", "dob"),
    ],
)
def test_identifiers_are_found(checks, text, kind):
    assert kind in kinds(checks, text)
    assert "[removed]" in redact(checks, text)


def test_impossible_dates_are_not_dates(checks):
    assert kinds(checks, "born 31/02/1957") == []
    assert kinds(checks, "DOB 45/13/1990") == []


def test_several_identifiers_in_one_text_are_all_removed_and_the_rest_kept(checks):
    number = valid_numbers(1, seed=3)[0]
    text = f"Mrs X, DOB 01/02/1950, NHS {number}, NW1 2BU, 07700 900123, x@y.org: chase bloods"
    assert redact(checks, text) == "Mrs X, DOB [removed], NHS [removed], [removed], [removed], [removed]: chase bloods"


@pytest.fixture(scope="module")
def csv(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>csv</title>")
    page.add_script_tag(path=str(SCRIPTS / "csv.js"))
    yield page
    page.close()


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=1+1", "\"'=1+1\""),
        ("+44 20", "\"'+44 20\""),
        ("-2+3", "\"'-2+3\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\t=1", "\"'\t=1\""),
        ('=HYPERLINK("http://x")', "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("Barts Health NHS Trust", '"Barts Health NHS Trust"'),
        ('He said "no", then left', '"He said ""no"", then left"'),
        ("a, b", '"a, b"'),
        ("1 = 1", '"1 = 1"'),
        ("", '""'),
    ],
)
def test_csv_cells_are_quoted_and_never_start_a_formula(csv, value, cell):
    assert csv.evaluate("v => swpCsv.cell(v)", value) == cell


def test_csv_table_has_a_byte_order_mark_and_crlf_rows(csv):
    text = csv.evaluate("() => swpCsv.table([['a', 'b'], ['1', '=2']])")
    assert text == "\ufeff\"a\",\"b\"\r\n\"1\",\"'=2\"\r\n"
