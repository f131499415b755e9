"""The built workload-transfer report: its tasks come from the letters, its columns and codes
from transfers.yml, its suggestions from organisations.yml; every letter links to it."""
import html
import re

from macros.content.letters import INVITATIONS_DIR, load_letters
from macros.content.transfers import OTHER_TASK, load_organisations, load_transfer_form
from macros.pages.transfers import task_groups

LETTERS = load_letters()
FORM = load_transfer_form()
REPORT = "support/report-a-transfer.html"


def built(site_dir, path):
    return (site_dir / path).read_text(encoding="utf-8")


def test_the_report_offers_every_letters_task_and_something_else(site_dir):
    page = built(site_dir, REPORT)
    offered = re.findall(r'data-report-task="([^"]+)"', page)
    expected = [task["id"] for group in task_groups(LETTERS) for task in group["tasks"]] + [OTHER_TASK["id"]]
    assert offered == expected
    asked_of_us = [lid for lid, letter in LETTERS.items() if letter.report_tasks()]
    assert {task.split("/")[0] for task in offered if task != "other"} == set(asked_of_us)
    assert "trust-tasks/fit-note" in offered and "dna-discharge" in offered
    assert "record-access" not in offered and "icb-workload-pattern" not in offered


def test_the_report_offers_every_choice_and_suggestion_from_the_data(site_dir):
    page = html.unescape(built(site_dir, REPORT))
    for name in ("arrived_by", "practice_action"):
        select = page[page.index(f'id="report-{name}"'):]
        select = select[: select.index("</select>")]
        assert re.findall(r'<option value="([^"]+)"', select) == [choice.code for choice in getattr(FORM, name)]
    assert re.findall(r'name="report-patient_risk" id="report-risk-[^"]+" value="([^"]+)"', page) == [c.code for c in FORM.patient_risk]
    datalist = page[page.index('<datalist id="report-organisations">'):page.index("</datalist>")]
    assert sorted(re.findall(r'<option value="([^"]+)"', datalist)) == sorted(o.name for o in load_organisations().organisations)
    assert f'data-columns="{" ".join(c.name for c in FORM.columns)}"' in page


def test_the_form_cannot_put_what_is_typed_in_the_address(site_dir):
    page = built(site_dir, REPORT)
    form = re.search(r'<form class="swp-transfer"[^>]*>', page).group(0)
    assert 'method="dialog"' in form and "action=" not in form
    fields = page[page.index('<form class="swp-transfer"'):]
    fields = fields[: fields.index("</form>")]
    named = re.findall(r'<(?:input|textarea|select)[^>]* name="([^"]+)"', fields)
    assert set(named) <= {"report-patient_risk"}, named


def test_the_lmc_page_lists_the_columns_and_codes_in_order(site_dir):
    page = html.unescape(built(site_dir, "support/reports-for-the-lmc.html"))
    assert re.findall(r'<th scope="row"><code>([a-z_]+)</code></th>', page)[: len(FORM.columns)] == [c.name for c in FORM.columns]
    for column in FORM.columns:
        assert f"<td>{column.meaning}</td>" in page
    for name in ("arrived_by", "practice_action", "patient_risk"):
        for choice in getattr(FORM, name):
            assert f"<code>{choice.code}</code></th><td>{choice.label}</td>" in page
    assert "mailto:" not in page and "no confirmed email address" in page


def test_the_lmc_page_shows_where_each_suggested_name_was_checked(site_dir):
    page = html.unescape(built(site_dir, "support/reports-for-the-lmc.html"))
    for organisation in load_organisations().organisations:
        assert f'<th scope="row">{organisation.name}</th>' in page
        assert f'<a href="{organisation.source.url}">' in page
        if organisation.check:
            assert organisation.check in page


def test_every_letter_links_to_the_report_and_the_invitation_does_not(site_dir):
    for letter_id in LETTERS:
        page = built(site_dir, f"letters/{letter_id}.html")
        assert f'href="../{REPORT}#letter={letter_id}" data-report-link' in page, letter_id
    for invitation in load_letters(INVITATIONS_DIR):
        assert "data-report-link" not in built(site_dir, f"patients/{invitation}-template.html")


def test_the_home_page_and_support_section_link_to_the_report(site_dir):
    assert f'href="{REPORT}"' in built(site_dir, "index.html")
    assert 'href="report-a-transfer.html"' in built(site_dir, "support/index.html")
