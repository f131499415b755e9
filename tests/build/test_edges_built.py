"""Issue 32 ("Safe at the edges"): the second independent review's points, read from the data and
the built site. Each test fails if the old wording or data comes back: the letters that hand work
back without a follow-up net, patient engagement credited to the contract, Barking & Dagenham and
Havering with an LMC each, ICBs and trusts shown as current without a date, the old immediate-removal
text, an "anonymised" report, a privacy promise silent on what outlives the tab, "your LMC counts
the reports", the EBCD toolkit's old host, a sign-in sheet that does not say what details are for,
and support pages that offer only the GPs-only network. (Point 13, fit to fly, is in
test_corrections_built.py; point 2, spell-checked fields, is the browser side's.)"""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
import yaml

from macros.content.directory import load_directory
from macros.content.letters import load_letter, load_letters, INVITATIONS_DIR
from macros.content.transfers import load_organisations, stale_organisations
from tests.build.test_corrections_built import article, everything, read, section, sources, text
from tests.helpers import PROJECT, build_site, copy_project

LETTERS = load_letters()
INVITATION = load_letter(INVITATIONS_DIR / "invitation.yml")
REVIEWED = date(2026, 12, 2)


def front_matter(path: str) -> dict:
    source = (PROJECT / "docs" / path).read_text(encoding="utf-8")
    return yaml.safe_load(source.split("---")[1])


# 1. A follow-up net on every letter that hands work back to another service.

HANDS_BACK = ["dna-discharge", "trust-tasks", "referral-proforma", "private-provider", "ag-hand-back"]


@pytest.mark.parametrize("letter_id", HANDS_BACK)
def test_letters_that_hand_work_back_set_a_reminder_and_tell_the_patient_what_to_do(site_dir, letter_id):
    letter = LETTERS[letter_id]
    steps = [line for line in letter.check_first if "Set a reminder" in line]
    assert steps, f"{letter_id}: no reminder step under Before you send it"
    assert "check-by date" in steps[0] and re.search(r"check that the (trust|provider|service) has (acted|offered|accepted)", steps[0]), steps[0]
    words = " ".join(letter.body + letter.body_end)
    net = [s for s in re.split(r"(?<=\.)\s", words) if "[Check-by date]" in s]
    assert net, f"{letter_id}: the patient's copy has no check-by date"
    assert "contact the practice" in net[0] and "worse" in net[0], net[0]
    assert "check_by_date" in letter.standard_fields
    page = article(site_dir, f"letters/{letter_id}.html")
    before = page[page.index("Before you send it"):]
    assert "Set a reminder in the patient's record for the check-by date" in text(before[:before.index("</ul>")])
    assert "Check-by date" in text(page[:page.index("Before you send it")] + page[page.index("</ul>", page.index("Before you send it")):])
    assert "have not heard from" in text(page)
    assert letter.last_reviewed >= REVIEWED


# The GMC's paragraph on continuity backs the step where the printed letter keeps its page count
# (the DNA and proforma letters print on one page, with their sources: tests/browser/test_print_cli.py).

@pytest.mark.parametrize("letter_id", ["trust-tasks", "private-provider", "ag-hand-back"])
def test_the_follow_up_step_cites_good_medical_practice_on_continuity(site_dir, letter_id):
    assert "annex-extracts-from-good-medical-practice" in sources(site_dir, f"letters/{letter_id}.html")


@pytest.mark.parametrize("poster_id", ["hospital", "seen-privately"])
def test_the_posters_for_work_handed_back_say_what_to_do_if_nothing_happens(site_dir, poster_id):
    from macros.content.posters import load_posters

    action = load_posters()[poster_id].call_to_action
    assert "Not heard" in action and "feeling worse" in action and "Contact us" in action
    assert action in text(article(site_dir, f"posters/{poster_id}.html"))


# 5. Patient engagement "as evidence" is advice, not a contract term.

ENGAGEMENT_PAGES = ["patients/index.html", "patients/after-the-workshop.html", "patients/is-it-right.html", "access/index.html"]


def test_no_page_or_search_entry_says_the_contract_lets_you_use_engagement_as_evidence(site_dir):
    wrong = re.compile(r"contract lets (you|a practice) use patient engagement|GMS contract lets", re.I)
    for path, words in everything(site_dir):
        assert not wrong.search(words), f"{path}: {wrong.search(words).group(0)}"
    for source in (PROJECT / "docs").rglob("*.md"):
        assert not wrong.search(source.read_text(encoding="utf-8")), source
    assert not wrong.search((INVITATIONS_DIR / "invitation.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ENGAGEMENT_PAGES)
def test_engagement_is_attributed_to_londonwide_lmcs_and_the_bma_resting_on_reasonable_needs(site_dir, path):
    words = text(article(site_dir, path))
    assert "Londonwide LMCs and the BMA advise" in words
    assert "reasonable needs" in words
    assert re.search(r"(contract does not|No contract term|not the contract)", words), path
    assert date.fromisoformat(str(front_matter(path.replace(".html", ".md"))["last_reviewed"])) >= REVIEWED


def test_the_invitations_rule_line_credits_the_advice_not_the_contract(site_dir):
    rule = INVITATION.rule
    assert "does not make patient engagement evidence" in rule and "Londonwide LMCs and the BMA advise" in rule
    assert "reasonable needs" in rule and "regulation 26" in rule
    assert rule in text(article(site_dir, "patients/invitation-template.html"))
    assert INVITATION.last_reviewed >= REVIEWED


# 3. Barking & Dagenham and Havering share one LMC.

def test_barking_and_dagenham_and_havering_share_one_lmc_outside_londonwide(site_dir):
    boroughs = {b.name: b for icb in load_directory().icbs for b in icb.boroughs}
    shared = {boroughs["Barking and Dagenham"].lmc, boroughs["Havering"].lmc}
    assert shared == {"Barking & Dagenham and Havering LMC"}
    assert not any("own borough LMC" in b.lmc for b in boroughs.values())
    directory = text(article(site_dir, "support/raising-local-issues.html"))
    assert directory.count("Barking & Dagenham and Havering LMC") >= 2
    assert "barkingandhaveringlmc.org.uk/about" in sources(site_dir, "support/raising-local-issues.html")
    team = text(article(site_dir, "support/gp-support-team.html"))
    assert "share one LMC of their own, Barking & Dagenham and Havering LMC" in team
    assert "which support team covers them" in team


# 4. ICBs and trusts that have changed: what is confirmed, with its date, and "check" for the rest.

def test_the_merging_icbs_say_the_merger_was_agreed_with_its_date_and_ask_to_check(site_dir):
    icbs = {icb.name: icb for icb in load_directory().icbs}
    for name in ("North Central London", "North West London"):
        assert "agreed to merge" in icbs[name].check.lower() and "August 2025" in icbs[name].check and "April 2026" in icbs[name].check
        assert "heck whether" in icbs[name].check or "check your ICB" in icbs[name].check
    page = article(site_dir, "support/raising-local-issues.html")
    heading = page.index('id="north-central-london"')
    assert "West and North London ICB" in text(page[heading:page.index("<table", heading)])


def test_organisations_carry_a_checked_date_and_the_changed_ones_say_what_to_check(site_dir):
    organisations = load_organisations()
    by_name = {o.name: o for o in organisations.organisations}
    assert "North London NHS Foundation Trust" in by_name["Tavistock and Portman NHS Foundation Trust"].check
    assert "1 April 2026" in by_name["Tavistock and Portman NHS Foundation Trust"].check
    for icb in ("NHS North Central London Integrated Care Board", "NHS North West London Integrated Care Board"):
        assert "12 August 2025" in by_name[icb].check and "April 2026" in by_name[icb].check
    assert all(o.checked <= date.today() for o in organisations.organisations)
    table = text(article(site_dir, "support/reports-for-the-lmc.html"))
    assert "Name checked" in table and "24 November 2026" in table


def test_make_check_lists_organisations_checked_over_a_year_ago():
    organisations = load_organisations()
    oldest = min(o.checked for o in organisations.organisations)
    assert stale_organisations(organisations, oldest + timedelta(days=365)) == []
    later = oldest + timedelta(days=366)
    stale = stale_organisations(organisations, later)
    assert stale and all(o.checked == oldest for o in stale)
    assert len(stale_organisations(organisations, later + timedelta(days=3650))) == len(organisations.organisations)
    check = (PROJECT / "macros" / "tools" / "check.py").read_text(encoding="utf-8")
    assert "stale_organisations(" in check and "CHECK NAME" in check


def test_no_letter_hint_gives_a_merging_icb_as_the_example_name():
    for letter in LETTERS.values():
        for field in letter.fields:
            assert "e.g. NHS North Central London ICB" not in field.hint, letter.id


# 6. Immediate removal of a violent patient.

def test_immediate_removal_follows_the_current_national_policy(site_dir):
    must = section(site_dir, "safety/index.html", "what-the-practice-must-do")
    for phrase in ("confirm it in writing within 7 days", "PCSE) processes every immediate removal in England",
                   "5 February 2018", "unless that is not practicable or would be harmful",
                   "you do not need a crime reference number", "takes effect within eight days",
                   "version 6, August 2025"):
        assert phrase in must, phrase
    assert "In North Central London the request goes" not in must
    assert "summary-of-changes-to-the-primary-medical-services-policy-and-guidance-manual" in sources(site_dir, "safety/index.html")


# 12. A confidential route for every member of staff, and NHS Practitioner Health.

@pytest.mark.parametrize("path", ["safety/index.html", "support/index.html", "support/professional-support-network.html"])
def test_support_pages_name_a_confidential_route_for_all_staff_and_practitioner_health(site_dir, path):
    page = article(site_dir, path)
    words = text(page)
    assert re.search(r"(every|any)( other)? member of (staff|the team)", words, re.I), path
    assert "NHS Practitioner Health" in words and 'href="https://www.practitionerhealth.nhs.uk/' in page
    assert "practitionerhealth.nhs.uk" in sources(site_dir, path)


# 7. De-identified, not anonymised; counts, not rows.

def test_the_report_is_called_de_identified_and_the_lmc_is_told_to_share_counts(site_dir):
    for path in ("support/report-a-transfer.html", "support/reports-for-the-lmc.html"):
        words = text(article(site_dir, path))
        assert not re.search(r"\banonymi[sz]ed report\b", words, re.I), path
        assert "de-identified, not anonymised" in words, path
        assert "taylorwessing.com" in sources(site_dir, path)
    assert "share counts by organisation, department and task with trusts and ICBs, never the rows" in text(
        article(site_dir, "support/reports-for-the-lmc.html"))
    assert "de-identified report" in read(site_dir, "support/report-a-transfer.html")
    script = (PROJECT / "docs" / "assets" / "javascripts" / "report.js").read_text(encoding="utf-8")
    assert "No patient details:" not in script and "De-identified, not anonymous" in script
    assert "Share counts with trusts, not these entries." in script


# 8. The privacy promise says what stays after the tab closes.

def test_the_privacy_promise_says_what_outlives_the_tab(site_dir):
    for path in ("letters/trust-tasks.html", "support/report-a-transfer.html", "about.html"):
        words = text(article(site_dir, path))
        for phrase in ("What you take out of the tab stays", "Downloads folder", "delete it from Downloads",
                       "CSV file", "clipboard", "printouts", "light or dark theme"):
            assert phrase in words, (path, phrase)


# 9. "Your LMC counts the reports": only once the LMC confirms it.

def test_pages_ask_whether_the_lmc_collects_reports_until_it_confirms(site_dir):
    for path in ("support/report-a-transfer.html", "support/reports-for-the-lmc.html"):
        words = text(article(site_dir, path))
        assert "Your LMC counts the reports it gets" not in words
        assert "Ask your LMC whether it collects these reports" in words, path


def test_an_lmc_that_confirms_it_collects_reports_is_said_to(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    config.write_text(source.replace('    logo: ""\n', '    logo: ""\n    collects_reports: true\n', 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    words = text(article(site, "support/report-a-transfer.html"))
    assert "Londonwide LMCs collects these reports." in words
    assert "Ask your LMC whether it collects these reports" not in words


# 10 and 11. The EBCD toolkit's current host; the sign-in sheet says what details are for.

def test_the_workshop_pages_name_the_toolkits_current_host(site_dir):
    for path in ("patients/index.html", "patients/workshop-plan.html"):
        words = text(article(site_dir, path))
        assert "The Point of Care Foundation now hosts" in words or "The Point of Care Foundation now hosts it" in words, path
        assert "as described in The King's Fund's toolkit" not in words
        assert "pointofcarefoundation.org.uk" in sources(site_dir, path)
    assert "draws on experience-based co-design" in text(article(site_dir, "patients/workshop-plan.html"))


def test_the_sign_in_sheet_says_what_contact_details_are_for_and_when_they_are_deleted(site_dir):
    words = text(article(site_dir, "patients/workshop-plan.html"))
    sheet = words[words.index("a sign-in sheet"):][:500]
    assert "what the details are for" in sheet and "when they will be deleted" in sheet
