"""The corrections after the independent reviews (issue 25, points 1 to 9; issue 32, point 13),
read from the built site: each test fails if the wrong or unsafe wording comes back, on any page,
letter, poster or search index where it could appear. The Word files carry the same words as the
letter on the page (tests/browser/test_word_browser.py); tests/browser/test_corrections_word.py
reads the two whose letters changed most."""
from __future__ import annotations

import html
import re

import pytest

from macros.content.letters import load_letters
from macros.content.posters import load_posters
from tests.helpers import html_pages

LETTERS = load_letters()
POSTERS = load_posters()


def read(site_dir, path: str) -> str:
    return (site_dir / path).read_text(encoding="utf-8")


def text(markup: str) -> str:
    """Visible text: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def article(site_dir, path: str) -> str:
    """The page's content, without the site's header, menus and footer."""
    built = read(site_dir, path)
    return built[built.index('<article class="md-content__inner'):built.index("</article>")]


def section(site_dir, path: str, heading_id: str) -> str:
    """The text of one section (an <h2 id=…> up to the next <h2>)."""
    body = article(site_dir, path)
    start = body.index(f'<h2 id="{heading_id}"')
    end = body.find("<h2", start + 1)
    return text(body[start:end if end != -1 else len(body)])


def sources(site_dir, path: str) -> str:
    """The Sources list as markup (links and dates), for a guidance page, letter or poster."""
    body = article(site_dir, path)
    return body[body.index('id="sources"'):]


def source_entry(site_dir, path: str, address: str) -> str:
    """The one source (its <li> markup) whose link holds `address`."""
    entries = [item for item in sources(site_dir, path).split("<li>")[1:] if address in item]
    assert entries, f"{path}: no source links {address}"
    return entries[0]


def everything(site_dir):
    """Every built page's text and the search index: where a reader could meet a sentence."""
    for path in html_pages(site_dir):
        yield path, text(read(site_dir, path))
    yield "search/search_index.json", read(site_dir, "search/search_index.json")


# 1. Firearms: the marker is there so the GP acts on it.

def test_firearms_page_says_near_the_top_to_consider_telling_the_police_when_a_flagged_patients_health_changes(site_dir):
    path = "guidance/firearms.html"
    answer_and_short = text(article(site_dir, path).split('<h2 id="what-the-practice-must-do"')[0])
    assert re.search(r"consider(s)? telling the police", answer_and_short), "not in the answer or In short"
    assert "flagged patient" in answer_and_short and "marker" in answer_and_short
    for condition in ("depression", "suicidal", "dementia", "drug misuse"):
        assert condition in answer_and_short, condition
    must = section(site_dir, path, "what-the-practice-must-do")
    assert "Act on the marker when a flagged patient's health changes" in must
    assert "consider telling the police" in must and "GMC confidentiality guidance" in must
    # The point that the GP is not asked to monitor stays.
    need_not = section(site_dir, path, "what-the-practice-need-not-do")
    assert "You need not monitor certificate holders yourself" in need_not
    assert "acting on it when you learn of a relevant change in health" in need_not


def test_firearms_sources_back_the_duty_and_date_the_bma_page_correctly(site_dir):
    listed = sources(site_dir, "guidance/firearms.html")
    assert "https://medicalprotection.org/uk/articles/new-referral-system-of-medical-suitability-of-gun-owners" in listed
    assert "https://www.doncasterlmc.co.uk/firearm-licensing" in listed
    bma = source_entry(site_dir, "guidance/firearms.html", "the-firearms-licensing-process")
    assert "updated 6 February 2023" in bma
    assert "16 December 2021" not in text(article(site_dir, "guidance/firearms.html"))


# 2. Results in the online record: checked and filed by the practice, not necessarily a clinician.

# The wrong claim in each shape it took: "once a clinician has checked it", "A clinician checks each
# result", "after a clinician has checked them", "Whoever files it has checked it".
CLINICIAN_CHECKED = re.compile(
    r"\b(?:a|the|your) (?:clinician|doctor|GP)s? (?:has |have )?(?:already )?(?:checked|checks|reviewed|reviews)\b"
    r"|\bchecked by (?:a|the) (?:clinician|doctor|GP)\b"
    r"|\bwhoever files it has checked it\b",
    re.IGNORECASE,
)


def test_no_page_poster_or_search_entry_says_a_clinician_has_checked_every_result(site_dir):
    found = [f"{where}: {match.group(0).strip()[:160]}" for where, words in everything(site_dir)
             for match in CLINICIAN_CHECKED.finditer(words)]
    assert found == []


def test_the_letter_guidance_and_poster_say_results_are_checked_and_filed_by_the_practice(site_dir):
    letter = text(article(site_dir, "letters/record-access.html"))
    assert "A test result appears once it has been checked and filed by the practice" in letter
    assert "before a doctor or nurse has looked at it" in letter
    assert "Check the practice's rules for filing results" in letter
    guidance = section(site_dir, "guidance/record-access.html", "in-short")
    assert "once someone at the practice has checked and filed it" in guidance
    assert "trained admin staff file normal results" in guidance
    poster = text(read(site_dir, "posters/online-record.html"))
    assert "A result shows once the practice has checked and filed it" in poster
    for letter_id in ("record-access",):
        assert not any(CLINICIAN_CHECKED.search(paragraph) for paragraph in LETTERS[letter_id].body)
    assert not CLINICIAN_CHECKED.search(POSTERS["online-record"].message)


# 3. MAR charts: the GPC statement is published by Birmingham LMC.

def test_mar_source_names_birmingham_lmc_at_blmc_and_no_page_says_bedfordshire(site_dir):
    entry = source_entry(site_dir, "letters/mar-charts.html", "blmc.co.uk")
    assert entry.startswith("Birmingham LMC,") and "https://blmc.co.uk/?p=800" in entry
    assert "published by Birmingham LMC" in LETTERS["mar-charts"].rule
    assert [where for where, words in everything(site_dir) if "Bedfordshire" in words] == []


# 4. DoLS: the Supreme Court's June 2026 judgment, and what the report is asked.

def test_dols_page_reports_the_supreme_court_judgment_and_no_longer_says_you_need_not_assess_capacity(site_dir):
    path = "guidance/dols.html"
    short = section(site_dir, path, "in-short")
    assert "On 2 June 2026 the Supreme Court unanimously overruled its 2014 Cheshire West decision" in short
    assert "fewer arrangements at home or in supported living" in short
    page = text(article(site_dir, path))
    assert "may be asked whether it causes the lack of capacity" in page
    assert "You need not assess capacity" not in page and "not capacity" not in page.split("Sources")[0]
    listed = sources(site_dir, path)
    assert "https://fieldcourt.co.uk/supreme-court-decision-in-attorney-general-for-northern-irelands-reference-deprivation-of-liberty/" in listed
    assert "https://caselaw.nationalarchives.gov.uk/ewcop/2023/58" in listed


# 5. Core hours and NHS 111: NHS England's national narrative, and 111 in the must-do list.

ESSEX = "https://essexlmc.org.uk/opening-hours-for-general-practice/"


@pytest.mark.parametrize("path", ["guidance/core-hours.html", "access/index.html"])
def test_core_hours_cite_nhs_englands_national_narrative_via_essex_lmc_without_the_old_hedge(site_dir, path):
    entry = source_entry(site_dir, path, ESSEX)
    assert entry.startswith("Essex LMC,") and "national narrative" in entry
    page = text(article(site_dir, path))
    assert "08:00 to 18:30, Monday to Friday, except Good Friday, Christmas Day and bank holidays" in page
    for hedge in ("regulation 3A", "does not spell it out", "not stated word for word", "check the current regulations"):
        assert hedge not in page, hedge
    assert "/regulation/3A/" not in read(site_dir, path)


def test_core_hours_must_do_list_says_111_is_not_an_appropriate_alternative(site_dir):
    must = section(site_dir, "guidance/core-hours.html", "what-the-practice-must-do")
    assert "Do not treat NHS 111 as an alternative to the practice in core hours" in must
    assert "not an appropriate alternative to general practice in core hours" in must
    assert "without active triage, does not meet the contract" in must
    assert "Publish your opening times" in must


def test_no_page_cites_the_pandemic_regulation_for_core_hours(site_dir):
    assert [where for where, words in everything(site_dir) if "regulation 3A" in words or "/regulation/3A/" in words] == []


# 6. Shared care: a clear rationale, and continuity shared.

def test_shared_care_says_a_gp_who_stops_gives_a_clear_rationale_and_shares_continuity(site_dir):
    must = section(site_dir, "guidance/shared-care.html", "what-the-practice-must-do")
    assert "must give a clear rationale" in must
    assert "the GP and the specialist share responsibility for continuity of care" in must
    assert "keep prescribing and monitoring until the specialist has taken the care back" in must


# 7. What changed in 2026/27: the missing duties, each with a linked, dated source.

def test_the_2026_27_page_lists_the_missing_duties_with_linked_dated_sources(site_dir):
    path = "contract-2026-27.html"
    page = text(article(site_dir, path))
    assert "clinically urgent patients are to be seen the same day in 90% of cases" in page
    assert "on the practice website, in the practice leaflet and in the premises" in page
    assert "requests for referral or specialist advice must now get a response from a named consultant" in page
    assert "Supplementary information to support changes to the 2026/27 GP contract\" on 20 May 2026" in page
    for url, date in (
        ("https://www.nhsconfed.org/publications/gp-contract-202627-what-you-need-know", "published 24 February 2026"),
        ("https://www.sslmcs.co.uk/?p=6834", "accessed 2 December 2026"),
        ("https://www.pulsetoday.co.uk/news/breaking-news/nhs-england-backtracks-on-target-for-one-in-four-gp-referrals-to-be-diverted-via-ag/", "published April 2026"),
        ("https://www.england.nhs.uk/long-read/supplementary-information-to-support-changes-to-the-2026-27-gp-contract/", "published 20 May 2026"),
    ):
        entry = source_entry(site_dir, path, f'href="{html.escape(url)}"')
        assert date in entry, (url, date)


def test_the_ag_hand_back_letters_rule_names_the_named_consultant_letter(site_dir):
    rule = LETTERS["ag-hand-back"].rule
    assert "April 2026" in rule and "named consultant" in rule
    assert rule in text(article(site_dir, "letters/ag-hand-back.html"))
    assert "nhs-england-backtracks-on-target" in sources(site_dir, "letters/ag-hand-back.html")


# 8. Records after death: the last practice answers; PCSE still stores paper Lloyd George records.

def test_records_after_death_say_pcse_still_stores_paper_lloyd_george_records(site_dir):
    must = section(site_dir, "guidance/records-after-death.html", "what-the-practice-must-do")
    assert "PCSE) still takes in and stores the paper Lloyd George record" in must
    assert "The last practice deals with the application" in must


# 9 (and issue 32, point 13). Fit to fly: who must sign, and warning symptoms.

def test_fit_to_fly_asks_the_patient_to_check_who_must_sign_and_to_contact_the_maternity_unit(site_dir):
    letter = LETTERS["flying-pregnant"]
    words = " ".join(letter.body)
    assert "others require a doctor's signature and medical registration number" in words
    sign = words.index("should check with the airline who must sign it")
    assert sign < words.index("please ask the midwife first"), "the check comes before asking the midwife"
    assert "should contact the maternity unit straight away" in words
    for symptom in ("bleeding", "fluid leaking", "baby's usual movements", "severe headache", "call 999"):
        assert symptom in words, symptom
    page = text(article(site_dir, "letters/flying-pregnant.html"))
    for phrase in ("should check with the airline who must sign it", "should contact the maternity unit straight away",
                   "others require a doctor's signature and medical registration number"):
        assert phrase in page, phrase
    assert "who must sign" in letter.rule and "who must sign" in letter.who_instead
    assert "https://www.uhb.nhs.uk/services/maternity/when-to-call-the-midwife.htm" in sources(site_dir, "letters/flying-pregnant.html")
