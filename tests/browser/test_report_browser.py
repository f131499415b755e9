"""The workload-transfer report, as a practice manager uses it: several transfers in,
a report out (copied text, CSV file, email), with no patient identifier in any of them,
nothing stored or sent, from every way of opening the site."""
from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.content.transfers import load_transfer_form
from tests.browser.test_report_checks import valid_numbers
from tests.helpers import build_site, copy_project

pytestmark = pytest.mark.browser
REPORT = "support/report-a-transfer.html"
COLUMNS = [column.name for column in load_transfer_form().columns]
NHS_NUMBER = valid_numbers(1, seed=5)[0]
SPACED_NHS = f"{NHS_NUMBER[:3]} {NHS_NUMBER[3:6]} {NHS_NUMBER[6:]}"
# What a tired GP might type into free text: every one must be flagged and kept out of the report.
IDENTIFIERS = [SPACED_NHS, "12/03/1957", "NW1 2BU", "jane.doe@example.com", "07700 900123"]
FIRST = {
    "organisation": "Royal Free London NHS Foundation Trust",
    "department": "Rheumatology",
    "date": "2026-11-20",
    "arrived_by": "clinic-letter",
    "tasks": ["trust-tasks/fit-note", "trust-tasks/results"],
    "description": f"Clinic letter asks us to issue a fit note and chase bloods. NHS {SPACED_NHS}, DOB 12/03/1957, "
    "lives NW1 2BU, email jane.doe@example.com, mobile 07700 900123.",
    "practice_action": "sent-letter",
    "minutes": "20",
    "risk": "yes",
}
SECOND = {
    "organisation": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "department": "Outpatients",
    "tasks": ["dna-discharge"],
    "description": "Discharged after one missed appointment at 10:30 on 14/11/2026.",
    "practice_action": "did-work",
}


def open_report(browser, base: str, path: str = REPORT, clipboard: bool = False):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/").rsplit("/", 1)[0] if base.count("/") > 3 else base.rstrip("/"))
    page = context.new_page()
    page.requests, page.errors, page.dialogs = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.type), dialog.dismiss()))
    page.goto(base + path)
    return context, page


def fill_transfer(page, transfer: dict):
    page.fill("#report-organisation", transfer["organisation"])
    page.fill("#report-department", transfer.get("department", ""))
    if transfer.get("date"):
        page.fill("#report-date", transfer["date"])
    if transfer.get("arrived_by"):
        page.select_option("#report-arrived_by", transfer["arrived_by"])
    for task in transfer["tasks"]:
        page.check(f'[data-report-task="{task}"]')
    page.fill("#report-description", transfer["description"])
    page.select_option("#report-practice_action", transfer["practice_action"])
    if transfer.get("minutes"):
        page.fill("#report-minutes", transfer["minutes"])
    if transfer.get("risk"):
        page.check(f"#report-risk-{transfer['risk']}")


def add(page):
    page.click("button[data-action=add]")


def save_csv(page):
    with page.expect_download() as info:
        page.click("button[data-action=csv]")
    return info.value


def download_csv(page) -> list[dict]:
    download = save_csv(page)
    assert download.suggested_filename.startswith("workload-transfers-") and download.suggested_filename.endswith(".csv")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would misread accents"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def nothing_kept(page, base: str):
    # Material keeps only its palette choice in localStorage; nothing typed may be stored.
    keys, session, cookie = page.evaluate("() => [Object.keys(localStorage), sessionStorage.length, document.cookie]")
    assert all(key.endswith("__palette") for key in keys) and session == 0 and cookie == "", (keys, session, cookie)
    stored = page.evaluate("() => JSON.stringify(Object.entries(localStorage))")
    assert "Riverside" not in stored and "Rheumatology" not in stored
    assert page.url == base + REPORT, "something was put in the address"
    outside = [u for u in page.requests if not u.startswith((base, "data:", "blob:"))]
    assert outside == [], outside
    assert page.errors == []


@pytest.mark.parametrize("mode", ["http", "subpath", "file"])
def test_two_transfers_out_as_text_and_csv_with_no_identifier(mode, browser, site_urls):
    base = site_urls[mode]
    context, page = open_report(browser, base)
    page.fill("#report-practice", "Riverside Surgery")
    page.select_option("#report-borough", "Camden")
    fill_transfer(page, FIRST)
    flag = page.locator("#flag-description")
    assert flag.is_visible()
    for what in ("an NHS number", "a date of birth", "a postcode", "an email address", "a phone number"):
        assert what in flag.inner_text()
    add(page)
    fill_transfer(page, SECOND)
    assert page.locator("#flag-description").is_hidden(), "an appointment time or a recent date was flagged"
    add(page)

    assert page.locator("[data-report-entries] > li").count() == 2
    text = page.inner_text("[data-report-preview]")
    for expected in ("Riverside Surgery", "Camden", "Transfers: 2", FIRST["organisation"], "Rheumatology", "20 November 2026",
                     "Issue a fit note (MED3) for the hospital's patient", "Re-refer a patient discharged after one missed appointment (DNA)",
                     "Time it took: 20 minutes", "Yes: a patient was put at risk", "at 10:30 on 14/11/2026", "[removed]"):
        assert expected in text, expected
    rows = download_csv(page)
    assert [(row["entry"], row["task_id"]) for row in rows] == [
        ("1", "trust-tasks/results"), ("1", "trust-tasks/fit-note"), ("2", "dna-discharge")]
    assert rows[0]["practice"] == "Riverside Surgery" and rows[0]["borough"] == "Camden"
    assert rows[0]["arrived_by"] == "clinic-letter" and rows[0]["practice_action"] == "sent-letter"
    assert rows[0]["minutes"] == "20" and rows[0]["patient_risk"] == "yes" and rows[0]["date"] == "2026-11-20"
    assert rows[0]["format_version"] == str(load_transfer_form().format_version)
    assert rows[2]["organisation"] == "'" + SECOND["organisation"], "a formula reached the spreadsheet"
    everything = text + repr(rows) + page.inner_text("[data-report-entries]")
    for identifier in IDENTIFIERS + [NHS_NUMBER]:
        assert identifier not in everything, identifier
    nothing_kept(page, base)
    context.close()


def test_the_copied_report_is_the_report_shown(browser, site_urls):
    context, page = open_report(browser, site_urls["http"], clipboard=True)
    fill_transfer(page, FIRST)
    add(page)
    fill_transfer(page, SECOND)
    add(page)
    page.click("button[data-action=copy]")
    page.wait_for_function("() => document.querySelector('.swp-report .swp-status').textContent.startsWith('Report copied')")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.inner_text("[data-report-preview]").strip() or copied.strip() == page.eval_on_selector("[data-report-preview]", "el => el.textContent").strip()
    assert "1. Royal Free London NHS Foundation Trust, Rheumatology" in copied and "\n2. " in copied
    for identifier in IDENTIFIERS:
        assert identifier not in copied
    context.close()


def test_no_email_button_without_a_configured_address(browser, site_urls):
    context, page = open_report(browser, site_urls["http"])
    assert page.locator("[data-report-mailto]").count() == 0
    link = page.get_by_role("link", name="find your borough LMC")
    assert link.get_attribute("href") == "raising-local-issues.html#borough-lmcs-in-london"
    assert "no email address set up" in page.inner_text(".swp-report")
    page.goto(site_urls["http"] + "support/reports-for-the-lmc.html")
    assert "mailto:" not in page.content()
    assert "no confirmed email address" in page.inner_text("article")
    context.close()


@pytest.fixture(scope="module")
def site_with_email(tmp_path_factory):
    """The site built with `extra.lmc.email` set, as an LMC that takes reports by email would."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert '    email: ""' in text
    config.write_text(text.replace('    email: ""', "    email: reports@lmc.example", 1), encoding="utf-8")
    target = tmp_path_factory.mktemp("site-email")
    result = build_site(project, target)
    assert result.returncode == 0, result.stderr
    return target


def test_email_button_with_a_configured_address_opens_the_report_addressed(browser, site_with_email):
    base = site_with_email.as_uri() + "/"
    context, page = open_report(browser, base)
    page.fill("#report-practice", "Riverside Surgery")
    fill_transfer(page, FIRST)
    add(page)
    href = page.get_attribute("[data-report-mailto]", "href")
    address = urlsplit(href)
    assert address.scheme == "mailto" and address.path == "reports@lmc.example"
    query = parse_qs(address.query)
    assert query["subject"] == ["Workload transfer report from Riverside Surgery"]
    body = query["body"][0]
    assert body == page.eval_on_selector("[data-report-preview]", "el => el.textContent")
    for identifier in IDENTIFIERS:
        assert identifier not in unquote(href)
    lmc_page = context.new_page()
    lmc_page.goto(base + "support/reports-for-the-lmc.html")
    assert lmc_page.locator('a[href="mailto:reports@lmc.example"]').count() == 1
    context.close()


@pytest.mark.parametrize("mode", ["http", "file"])
def test_report_this_from_a_letter_carries_organisation_and_tasks_never_the_patient(mode, browser, site_urls):
    base = site_urls[mode]
    context, page = open_report(browser, base, "letters/trust-tasks.html")
    patient = {"patient_name": "Jane Doe", "nhs_number": SPACED_NHS, "date_of_birth": "12/03/1957"}
    for name, value in patient.items():
        page.fill(f"#field-{name}", value)
    page.fill("#field-organisation", "Royal Free London NHS Foundation Trust")
    page.fill("#field-department", "Rheumatology")
    page.check("#tick-fit-note")
    page.check("#tick-monitoring")
    href = page.get_attribute("[data-report-link]", "href")
    for value in patient.values():
        assert value not in unquote(href.replace("+", " ")), value
    page.click("[data-report-link]")
    page.wait_for_load_state("load")  # report.js has run
    assert page.input_value("#report-organisation") == "Royal Free London NHS Foundation Trust"
    assert page.input_value("#report-department") == "", "free text typed in the letter went through the address"
    ticked = page.eval_on_selector_all("[data-report-task]:checked", "boxes => boxes.map(b => b.dataset.reportTask)")
    assert ticked == ["trust-tasks/monitoring", "trust-tasks/fit-note"]
    assert page.input_value("#report-practice_action") == "sent-letter"
    assert page.url == base + REPORT, "the carried fields stayed in the address"
    html = page.content()
    for value in patient.values():
        assert value not in html
    context.close()


def test_report_this_from_a_one_task_letter_ticks_that_task(browser, site_urls):
    context, page = open_report(browser, site_urls["http"], "letters/dna-discharge.html")
    page.click("[data-report-link]")
    page.wait_for_load_state("load")
    ticked = page.eval_on_selector_all("[data-report-task]:checked", "boxes => boxes.map(b => b.dataset.reportTask)")
    assert ticked == ["dna-discharge"]
    context.close()


def test_a_transfer_without_organisation_or_task_is_refused_with_a_clear_message(browser, site_urls):
    context, page = open_report(browser, site_urls["http"])
    page.fill("#report-minutes", "99999")
    add(page)
    summary = page.locator(".swp-error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('swp-error-summary')")
    text = summary.inner_text()
    assert "Give the organisation" in text and "Tick at least one task" in text and "whole minutes" in text
    assert page.get_attribute("#report-organisation", "aria-invalid") == "true"
    page.click(".swp-error-summary a >> nth=0")
    assert page.evaluate("() => document.activeElement.id") == "report-organisation"
    assert page.locator("[data-report-entries] > li").count() == 0
    page.click("button[data-action=copy]")
    assert "Add at least one transfer first" in page.inner_text(".swp-report .swp-status")
    context.close()


def test_edit_and_remove_a_transfer(browser, site_urls):
    context, page = open_report(browser, site_urls["http"])
    fill_transfer(page, FIRST)
    add(page)
    fill_transfer(page, SECOND)
    add(page)
    page.get_by_role("button", name="Edit transfer 1").click()
    assert page.input_value("#report-organisation") == FIRST["organisation"]
    assert page.inner_text("#transfer-heading") == "Edit transfer 1"
    page.fill("#report-department", "Dermatology")
    add(page)
    entries = page.locator("[data-report-entries] > li")
    assert entries.count() == 2 and "Dermatology" in entries.nth(0).inner_text()
    page.get_by_role("button", name="Remove transfer 2").click()
    assert entries.count() == 1
    assert "Transfers: 1" in page.inner_text("[data-report-preview]")
    context.close()


def test_leaving_with_unsent_transfers_asks_first(browser, site_urls):
    base = site_urls["http"]
    context, page = open_report(browser, base)
    fill_transfer(page, FIRST)
    add(page)
    with pytest.raises(Exception, match="ERR_ABORTED"):  # the reader chose to stay
        page.goto(base + "index.html")
    assert page.dialogs == ["beforeunload"]
    assert page.locator("[data-report-entries] > li").count() == 1
    download_csv(page)
    page.goto(base + "index.html")
    assert page.dialogs == ["beforeunload"], "asked again after the report was saved"
    context.close()


def test_the_whole_report_works_by_keyboard(browser, site_urls):
    context, page = open_report(browser, site_urls["http"])
    page.focus("#report-organisation")
    page.keyboard.type("Barts Health NHS Trust")
    page.keyboard.press("Tab")
    page.keyboard.type("Cardiology")
    page.focus('[data-report-task="trust-tasks/monitoring"]')
    page.keyboard.press("Space")
    page.focus("#report-department")
    page.keyboard.press("Enter")  # Enter in a text box adds the transfer, as in any form
    assert page.locator("[data-report-entries] > li").count() == 1
    assert page.evaluate("() => document.activeElement.id") == "transfer-heading"
    page.focus("button[data-action=csv]")
    with page.expect_download():
        page.keyboard.press("Enter")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_transfers_flags_and_errors_shown(scheme, browser, site_urls):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(site_urls["http"] + REPORT)
    fill_transfer(page, FIRST)
    add(page)
    page.fill("#report-description", "DOB 12/03/1957")
    page.fill("#report-minutes", "-5")
    add(page)
    assert page.locator("#flag-description").is_visible() and page.locator(".swp-error-summary").is_visible()
    # Scrolling up fades in Material's "Back to top" button: measure colours once transitions end.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    result = Axe().run(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]] == []
    page.close()


# LibreOffice's CSV import: comma, double quote, UTF-8, from line 1, ..., and the 13th option on:
# evaluate formulas, as a spreadsheet user may have it.
CALC_CSV_IMPORT = "CSV:44,34,76,1,,0,false,false,false,false,false,false,true"


def calc_cells(path, out_dir) -> list[str]:
    """Open a CSV in LibreOffice Calc (formulas evaluated) and read back what its cells show."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `make test`, which installs it"
    subprocess.run(
        [soffice, "--headless", f"--infilter={CALC_CSV_IMPORT}", "--convert-to", "html", "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    shown = (out_dir / (path.stem + ".html")).read_text(encoding="utf-8", errors="replace")
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", shown, re.S)]


def test_libreoffice_shows_formula_like_cells_as_text(browser, site_urls, tmp_path):
    control = tmp_path / "control.csv"
    control.write_text('"=1+1"\r\n', encoding="utf-8")
    assert calc_cells(control, tmp_path / "control") == ["2"], "the import did not evaluate formulas: the check below would prove nothing"
    context, page = open_report(browser, site_urls["http"])
    page.fill("#report-organisation", "=1+1")
    page.fill("#report-department", "+1+1")
    page.fill("#report-description", "@SUM(1,1) and -1+1, café")
    page.check('[data-report-task="dna-discharge"]')
    add(page)
    path = tmp_path / "report.csv"
    save_csv(page).save_as(path)
    cells = calc_cells(path, tmp_path / "out")
    assert "'=1+1" in cells and "'+1+1" in cells and "'@SUM(1,1) and -1+1, café" in cells, cells
    assert "2" not in cells[len(COLUMNS):], cells
    context.close()
