"""The LMC's combine-reports page, as an officer uses it: three practices' files in (one with a
byte-order mark, one re-saved by LibreOffice Calc with semicolons, one broken), the right totals,
one clear error naming the file and row, a combined CSV that Calc opens, a one-page summary, the
ICB letter filled in with the counts; nothing stored, nothing sent, from http and file://."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from macros.content.transfers import load_transfer_form
from tests.browser.test_report_browser import SPACED_NHS, calc_cells

pytestmark = pytest.mark.browser
COMBINE = "support/combine-reports.html"
FORM = load_transfer_form()
COLUMNS = [column.name for column in FORM.columns]


def row(**values) -> list[str]:
    base = {"format_version": str(FORM.format_version), "report_date": "2026-11-27", "practice": "Elm Surgery",
            "borough": "Camden", "entry": "1", "date": "2026-11-20", "organisation": "Royal Free London NHS Foundation Trust",
            "department": "Rheumatology", "arrived_by": "clinic-letter", "task_id": "trust-tasks/fit-note",
            "task": "Issue a fit note", "description": "", "practice_action": "sent-letter", "minutes": "15",
            "patient_risk": "no", "response": "", "response_date": ""}
    base.update(values)
    return [base[name] for name in COLUMNS]


def as_csv(rows, delimiter=",") -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture(scope="module")
def practice_files(tmp_path_factory):
    """Three practices' files, counted by hand: Elm 2 transfers (one asks two tasks, 35 minutes,
    one put a patient at risk), Oak 2 transfers re-saved by Calc (10 + 20 minutes, one answered),
    Ash broken on row 3. Totals: 4 transfers, 2 practices, 65 minutes, 1 at risk, 1 answered."""
    folder = tmp_path_factory.mktemp("reports")
    elm = folder / "elm-surgery.csv"
    elm.write_text("\ufeff" + as_csv([
        row(description=f"Clinic asks for a fit note. NHS {SPACED_NHS}."),
        row(entry="2", task_id="trust-tasks/results", task="Chase results", minutes="20", patient_risk="yes", date="2026-11-24"),
        row(entry="2", task_id="trust-tasks/fit-note", minutes="20", patient_risk="yes", date="2026-11-24"),
    ]), encoding="utf-8")
    oak_ours = folder / "oak-original.csv"
    oak_ours.write_text(as_csv([
        row(practice="Oak Practice", borough="City and Hackney", organisation="Homerton Healthcare NHS Foundation Trust",
            department="", date="2026-10-02", minutes="10", arrived_by="phone", task_id="dna-discharge", task="Re-refer"),
        row(practice="Oak Practice", borough="City and Hackney", entry="2", date="2026-11-03", minutes="20",
            response="took-back", response_date="2026-11-10", description="Asked us to book; returned it"),
    ]), encoding="utf-8")
    # Calc re-saves it: semicolons, its own quoting, UTF-8 (Text CSV export filter, separator 59 = ";").
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `make test`, which installs it"
    resaved = folder / "calc"
    subprocess.run(
        [soffice, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1",
         "--outdir", str(resaved), str(oak_ours)],
        check=True, capture_output=True, timeout=180,
    )
    oak = folder / "oak-practice.csv"
    shutil.move(resaved / "oak-original.csv", oak)
    assert ";" in oak.read_text(encoding="utf-8").splitlines()[0], "Calc did not write semicolons"
    ash = folder / "ash-practice.csv"
    ash.write_text(as_csv([row(practice="Ash Practice"), row(practice="Ash Practice", entry="2", date="31/02/2026")]), encoding="utf-8")
    again = folder / "elm-surgery (1).csv"
    shutil.copy(elm, again)
    return [elm, oak, ash, again]


def open_combine(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(base + COMBINE)
    return context, page


def load_files(page, files):
    page.set_input_files("[data-combine-files]", [str(f) for f in files])
    page.wait_for_function("() => /in all\\./.test(document.querySelector('#combine-status').textContent)")


def totals(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-combine-totals] div')]
        .map(d => [d.querySelector('dt').textContent, d.querySelector('dd').textContent]))""")


def table(page, key) -> list[list[str]]:
    return page.evaluate("""key => [...document.querySelectorAll(`[data-combine-table="${key}"] tbody tr`)]
        .map(tr => [...tr.children].filter(c => !c.classList.contains('swp-combine__bar-col')).map(c => c.textContent))""", key)


@pytest.mark.parametrize("mode", ["http", "file"])
def test_three_practices_give_the_right_totals_and_one_clear_error(mode, browser, site_urls, practice_files, tmp_path):
    base = site_urls[mode]
    context, page = open_combine(browser, base)
    load_files(page, practice_files)
    assert totals(page) == {
        "Transfers": "4", "Practices": "2", "Period": "2 October 2026 to 24 November 2026",
        "Practice time": "1 hour", "Put a patient at risk": "1", "Answered by the organisation": "1",
    }
    problems = page.locator(".swp-combine__problem").all_inner_texts()
    assert len(problems) == 1, problems
    assert problems[0].startswith("ash-practice.csv: not counted") and "Row 3: date is \u201c31/02/2026\u201d, which is not a date" in problems[0]
    status = page.locator("#combine-status").inner_text()
    assert "3 rows already counted from another file" in status, status
    assert table(page, "byOrganisation") == [["Royal Free London NHS Foundation Trust", "3"], ["Homerton Healthcare NHS Foundation Trust", "1"]]
    assert table(page, "byResponse")[0] == ["Royal Free London NHS Foundation Trust", "1", "0", "0", "2"]
    assert [r[0] for r in table(page, "byMonth")] == ["October 2026", "November 2026"]
    # The identifier in Elm's description never shows, and never leaves in the combined CSV.
    assert SPACED_NHS not in page.content()
    with page.expect_download() as info:
        page.click("[data-combine-action=csv]")
    path = tmp_path / "combined.csv"
    info.value.save_as(path)
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == COLUMNS + ["source_file"]
    assert len(rows) == 5 and SPACED_NHS not in text and "NHS [removed]." in text
    assert {r["source_file"] for r in rows} == {"elm-surgery.csv", "oak-practice.csv"}
    # Filters: one borough, then one organisation, redraw the totals.
    page.select_option("#combine-borough", "City and Hackney")
    assert totals(page)["Transfers"] == "2"
    page.select_option("#combine-borough", "")
    page.select_option("#combine-icb", "North Central London")
    assert totals(page)["Transfers"] == "2"
    # Nothing stored, nothing in the address, no request beyond the site.
    keys, session, cookie = page.evaluate("() => [Object.keys(localStorage), sessionStorage.length, document.cookie]")
    assert all(key.endswith("__palette") for key in keys) and session == 0 and cookie == ""
    assert page.url == base + COMBINE
    assert [u for u in page.requests if not u.startswith((base, "data:", "blob:"))] == []
    assert page.errors == []
    context.close()


def test_the_combined_csv_opens_in_libreoffice_calc(browser, site_urls, practice_files, tmp_path):
    context, page = open_combine(browser, site_urls["http"])
    load_files(page, practice_files[:2])
    with page.expect_download() as info:
        page.click("[data-combine-action=csv]")
    path = tmp_path / "combined.csv"
    info.value.save_as(path)
    cells = calc_cells(path, tmp_path / "calc")
    assert cells[: len(COLUMNS) + 1] == COLUMNS + ["source_file"]
    assert "Royal Free London NHS Foundation Trust" in cells and "oak-practice.csv" in cells
    context.close()


def test_the_summary_prints_on_one_a4_page_without_the_page_around_it(browser, site_urls, practice_files, tmp_path):
    context, page = open_combine(browser, site_urls["http"])
    load_files(page, practice_files)
    page.emulate_media(media="print")
    pdf_path = tmp_path / "summary.pdf"
    page.pdf(path=str(pdf_path), prefer_css_page_size=True)
    pdf = PdfReader(str(pdf_path))
    assert len(pdf.pages) == 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842), "not A4"
    text = pdf.pages[0].extract_text()
    assert "Workload transfers reported by practices" in text and "By task asked" in text
    assert "Choose the reports" not in text and "Show only" not in text and "127.0.0.1" not in text
    context.close()


def test_write_to_this_organisation_opens_the_letter_with_the_counts(browser, site_urls, practice_files):
    base = site_urls["file"]
    context, page = open_combine(browser, base)
    load_files(page, practice_files)
    assert not page.locator("[data-combine-letter-link]").is_visible()
    page.select_option("#combine-organisation", "Royal Free London NHS Foundation Trust")
    link = page.locator("[data-combine-letter-link]")
    assert link.is_visible()
    assert SPACED_NHS not in unquote(link.get_attribute("href"))
    link.click()
    page.wait_for_url(base + "letters/icb-workload-pattern.html")
    letter = page.locator(".swp-letter").inner_text()
    assert "Royal Free London NHS Foundation Trust" in letter
    assert "2 practices logged 3 requests from Rheumatology" in letter.replace("\n", " ")
    assert "issue a fit note (3), chase results (1)" in letter.lower() or "(3)" in letter
    assert "24 November 2026" in letter
    assert page.errors == []
    context.close()


def test_the_combine_page_has_no_axe_violations_with_reports_loaded(browser, site_urls, practice_files):
    context, page = open_combine(browser, site_urls["http"])
    load_files(page, practice_files)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    result = Axe().run(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]] == []
    context.close()


def test_papaparse_loads_only_on_the_combine_page(site_dir):
    for built in site_dir.rglob("*.html"):
        has = "papaparse.min.js" in built.read_text(encoding="utf-8")
        assert has == (built.relative_to(site_dir).as_posix() == COMBINE), built


def test_the_combine_page_leaves_out_the_site_scripts_it_never_runs(site_dir):
    """Front matter leave_out_scripts (kept the page within its 120 KB weight budget): the combine
    page has none of the letter, poster, report or remembered-details scripts, and keeps the
    ones it uses; a letter page keeps them all."""
    mine = (site_dir / COMBINE).read_text(encoding="utf-8")
    letter = (site_dir / "letters" / "trust-tasks.html").read_text(encoding="utf-8")
    for name in ["clean-text", "fill-in", "letter", "poster-versions", "poster", "report", "practice-details"]:
        assert f"/javascripts/{name}.js" not in mine and f"/javascripts/{name}.js" in letter, name
    for name in ["save-file", "search-query", "identifiers", "csv", "report-file", "combine", "combine-page"]:
        assert f"/javascripts/{name}.js" in mine, name
    assert mine.count("bundle.") == 1 and "<script src=\"../assets/javascripts/bundle." in mine


REPORT = "support/report-a-transfer.html"


def save_report(page, path):
    with page.expect_download() as info:
        page.click("button[data-action=csv]")
    info.value.save_as(path)
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("mode", ["http", "file"])
def test_a_running_log_saved_reopened_extended_and_saved_again_keeps_every_row(mode, browser, site_urls, tmp_path):
    from tests.browser.test_report_browser import FIRST, add, fill_transfer, open_report

    base = site_urls[mode]
    context, page = open_report(browser, base)
    assert not [u for u in page.requests if "papaparse" in u], "the parser loads only when a file is opened"
    page.fill("#report-practice", "Riverside Surgery")
    page.select_option("#report-borough", "Camden")
    fill_transfer(page, FIRST)
    add(page)
    first = save_report(page, tmp_path / "week1.csv")
    assert len(first) == 2 and SPACED_NHS not in (tmp_path / "week1.csv").read_text(encoding="utf-8-sig")
    context.close()

    # A week later, in a fresh tab: open the log, record the trust's answer, add a new transfer, save.
    context, page = open_report(browser, base)
    page.set_input_files("[data-report-open]", str(tmp_path / "week1.csv"))
    page.wait_for_function("() => /added to the list/.test(document.querySelector('#report-open-status').textContent)")
    assert page.input_value("#report-practice") == "Riverside Surgery"
    assert page.locator("[data-report-entries] > li").count() == 1
    page.click("button[aria-label='Edit transfer 1']")
    page.select_option("#report-response", "took-back")
    page.fill("#report-response_date", "2026-11-25")
    add(page)
    fill_transfer(page, {"organisation": "Whittington Health NHS Trust", "tasks": ["dna-discharge"],
                         "description": "Discharged after one missed appointment.", "practice_action": "did-work"})
    add(page)
    second = save_report(page, tmp_path / "week2.csv")
    assert sorted((r["entry"], r["task_id"]) for r in second) == [("1", "trust-tasks/fit-note"), ("1", "trust-tasks/results"), ("2", "dna-discharge")]
    assert sorted((r["entry"], r["task_id"]) for r in first) == [("1", "trust-tasks/fit-note"), ("1", "trust-tasks/results")]
    assert [r["response"] for r in second] == ["took-back", "took-back", ""]
    assert second[0]["response_date"] == "2026-11-25" and second[0]["minutes"] == "20" and second[0]["description"] == first[0]["description"]
    assert all(r["format_version"] == str(FORM.format_version) for r in second)
    assert "took the work back" in page.locator("[data-report-preview]").inner_text().lower()
    keys, session = page.evaluate("() => [Object.keys(localStorage), sessionStorage.length]")
    assert all(key.endswith("__palette") for key in keys) and session == 0
    assert [u for u in page.requests if not u.startswith((base, "data:", "blob:"))] == []
    assert page.errors == []
    context.close()

    # The LMC combines both weeks: the first week's transfer counts once, with its answer.
    context, page = open_combine(browser, base)
    load_files(page, [tmp_path / "week1.csv", tmp_path / "week2.csv"])
    assert totals(page)["Transfers"] == "2" and totals(page)["Answered by the organisation"] == "1"
    context.close()


# While reading, record the progress bar's value at every frame the page paints.
WATCH_PROGRESS = """() => {
    window.__progress = [];
    const bar = document.querySelector('[data-combine-progress]');
    const box = document.querySelector('[data-combine-progress-box]');
    const tick = () => { if (!box.hidden) window.__progress.push(bar.value); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
}"""
FINISHED = "() => /in all\\./.test(document.querySelector('#combine-status').textContent)"
# The page's test hook (combine-page.js): at each pause between slices the reading calls
# window.swpCombinePause and waits for the promise it returns. This one holds the reading at every
# pause until the test calls window.__go(), so nothing here races the reading.
HOLD = """() => {
    window.__pauses = 0;
    window.__go = null;
    window.swpCombinePause = () => { window.__pauses++; return new Promise(go => { window.__go = go; }); };
}"""
LET_GO = "() => { window.swpCombinePause = null; window.__go(); }"
# Two frames painted (while the reading is held), then the bar's value.
# Let a held reading past its pause, with the hook still holding at every pause, and give it a few
# turns of the page's event loop: a reading still going would move the bar or pause again.
LET_GO_AND_WATCH = """async () => {
    const now = () => [window.__pauses, document.querySelector('[data-combine-progress]').value,
                       document.querySelector('#combine-status').textContent];
    const before = now();
    window.__go();
    for (let turn = 0; turn < 3; turn++) {
        await new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
        await new Promise(r => setTimeout(r, 0));
        await new Promise(r => requestAnimationFrame(r));
    }
    return [before, now()];
}"""
PAINTED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
    done([document.querySelector('[data-combine-progress]').value, window.__progress.at(-1)]))))"""


@pytest.mark.parametrize("mode", ["http", "file"])
def test_a_large_set_loads_with_a_moving_progress_bar_and_the_page_answers_meanwhile(mode, browser, site_urls, practice_files, tmp_path):
    """20,000 transfers from 40 practices over 50 weeks, in 4 large combined files. The reading
    pauses between slices of work (held at each pause by the page's test hook, so this test does
    not race it): meanwhile the page runs the test's scripts, paints the progress bar further on
    at each pause, and takes a click on "Clear all files", which stops the reading; read to the
    end, every transfer counts once. A page that read everything in one task would never pause,
    and the test would wait for a first pause in vain. (How long it takes is make bench's.)"""
    from benchmarks.combine_bench import generated_reports

    files = generated_reports(tmp_path, 4, practices=40, weeks=50)
    context, page = open_combine(browser, site_urls[mode])
    page.evaluate(WATCH_PROGRESS)
    page.evaluate(HOLD)
    page.set_input_files("[data-combine-files]", [str(f) for f in files])
    shown = []
    for pause in range(1, 5):
        page.wait_for_function("n => window.__pauses >= n", arg=pause)
        # Held mid-reading: the page answers, has not finished, and paints the bar as it stands.
        assert not page.evaluate(FINISHED)
        value, painted = page.evaluate(PAINTED)
        assert painted == value and value < 1000
        assert page.locator("[data-combine-progress-box]").is_visible()
        shown.append(value)
        page.evaluate("() => window.__go()")
    assert shown == sorted(shown) and shown[-1] > shown[0], f"the bar did not move on between pauses: {shown}"
    page.evaluate(LET_GO)
    page.wait_for_function(FINISHED, timeout=300_000)
    assert totals(page)["Transfers"] == "20000"
    assert page.locator("#combine-status").inner_text() == "4 files added. 20000 transfers from 4 files in all."
    assert len(table(page, "byOrganisation")) == 30
    page.select_option("#combine-organisation", "Trust 3")
    picked = int(totals(page)["Transfers"])
    assert 0 < picked < 20000
    assert page.locator("#combine-status").inner_text() == f"Showing {picked} transfers."
    page.select_option("#combine-organisation", "")

    # Held mid-reading again, a click on "Clear all files" is handled at once and stops the reading.
    page.click("[data-combine-action=clear]")
    page.evaluate(HOLD)
    page.set_input_files("[data-combine-files]", [str(f) for f in files])
    for pause in range(1, 4):  # let it go twice, then hold it at its third pause
        page.wait_for_function("n => window.__pauses >= n", arg=pause)
        if pause < 3:
            page.evaluate("() => window.__go()")
    page.click("[data-combine-action=clear]")
    status = page.locator("#combine-status").inner_text()
    assert status.startswith("Stopped reading after ") and status.endswith("All files cleared from the page."), status
    assert page.locator("[data-combine-progress-box]").is_hidden()
    assert page.locator("[data-combine-files-list]").is_hidden()
    # Let the stopped reading past its pause: it does nothing more (no new pause, the bar and the
    # status stay as they are); then the same files read again count once.
    before, after = page.evaluate(LET_GO_AND_WATCH)
    assert after == before
    page.evaluate(LET_GO)
    load_files(page, files)
    assert page.locator("#combine-status").inner_text() == "4 files added. 20000 transfers from 4 files in all."
    assert totals(page)["Transfers"] == "20000"
    page.click("[data-combine-action=clear]")
    load_files(page, practice_files)
    assert totals(page)["Transfers"] == "4"
    assert page.errors == []
    context.close()


def test_thousands_of_small_files_are_counted_and_listed_in_a_few_lines(browser, site_urls, practice_files, tmp_path):
    """300 practices' weekly files and 22 broken ones: the broken files first, the first 20 named
    with their problems and one line counting the rest, then the first 20 good files by name and
    one line counting the rest: 42 lines, not a line per file."""
    from benchmarks.combine_bench import generated_reports

    files = generated_reports(tmp_path, 300, practices=30, weeks=10)
    ash = next(f for f in practice_files if f.name == "ash-practice.csv")
    broken = [ash]
    for n in range(21):
        copy = tmp_path / f"broken-{n:02d}.csv"
        copy.write_bytes(ash.read_bytes())
        broken.append(copy)
    context, page = open_combine(browser, site_urls["http"])
    load_files(page, files + broken)
    assert totals(page)["Transfers"] == "3000"
    status = page.locator("#combine-status").inner_text()
    assert status == "300 files added; 22 files not counted (see the list of files read). 3000 transfers from 300 files in all.", status
    items = page.locator("[data-combine-file-results] > li").all_inner_texts()
    assert len(items) == 42, items
    assert items[0].startswith("ash-practice.csv: not counted") and "Row 3: date is" in items[0]
    assert all(item.startswith("broken-") for item in items[1:20])
    assert items[20] == "And 2 more files not counted: open them in a spreadsheet, fix them and choose them again."
    assert items[21] == "report-00000.csv: 10 rows read (UTF-8, separated by commas)."
    assert items[-1] == "And 280 more files read: 2800 rows."
    assert page.locator(".swp-combine__problem").count() == 21
    assert page.errors == []
    context.close()
