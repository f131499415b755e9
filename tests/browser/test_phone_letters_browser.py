"""A letter on a phone, and the practice's details typed once (issue 28), in Chromium.

- Fields first: on every letter page (and the invitation) the first form control is wholly on the
  first screen, on a phone (390 x 844) and at a desk.
- No squeezed control: every visible checkbox, radio, button and disclosure on every letter page
  at 390 px is at least 24 x 24 px, those behind "More" included.
- One row of actions on a phone; "More" reaches every other action, on screen, and closes.
- "Remember our practice's details": off by default; with it ticked, every field of every letter
  filled, only the fields marked `remember` in macros/data/letter_fields.yml reach storage, under
  one key; they fill the next letter, the invitation, a poster and the report page; Forget clears
  them. The same from file://.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from macros.content.letters import INVITATIONS_DIR, letter_fields, load_letters, standard_fields

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from phone import FIRST_CONTROL, PHONE, first_control_offset  # noqa: E402

pytestmark = pytest.mark.browser
LETTERS = {**load_letters(), **load_letters(INVITATIONS_DIR)}
PAGES = {letter_id: ("patients/invitation-template.html" if letter_id == "invitation" else f"letters/{letter_id}.html") for letter_id in LETTERS}
KEY = "swp-practice-details"
CONTROLS = "input[type=checkbox], input[type=radio], button, summary"


def fields_of(letter_id):
    return letter_fields(LETTERS[letter_id], letter_id, standard_fields())


REMEMBERED = {f.name: f.remember for f in standard_fields().values() if f.remember}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_remembered_fields_are_practice_level_and_never_a_patients():
    assert set(REMEMBERED) == {"practice_name", "practice_address", "clinician_name", "clinician_role"}
    for letter_id in LETTERS:
        for field in fields_of(letter_id):
            assert not (field.remember and field.identifying), (letter_id, field.name)


def test_the_first_field_of_every_letter_is_on_the_first_screen_at_a_desk(page, site_urls):
    for letter_id, path in PAGES.items():
        page.goto(site_urls["http"] + path)
        assert first_control_offset(page) <= page.viewport_size["height"], letter_id


def measure_controls(page, scope, where):
    """[(description, width, height)] for every control a user can see and press inside scope.
    A visually hidden input (Material's palette toggle) is pressed through its label: measure that.
    A control at zero opacity or without pointer events (the search box's empty clear button) is
    not a target until it appears."""
    return page.evaluate(
        """([selector, where]) => {
            const live = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
                && getComputedStyle(e).opacity !== '0' && getComputedStyle(e).pointerEvents !== 'none';
            const out = [];
            for (const e of document.querySelectorAll(selector)) {
                if (!live(e)) continue;
                let targets = [e];
                const r = e.getBoundingClientRect();
                if (e.tagName === 'INPUT' && r.width <= 1 && r.height <= 1) {
                    targets = e.id ? [...document.querySelectorAll(`label[for="${e.id}"]`)].filter(live) : [];
                }
                for (const t of targets) {
                    const b = t.getBoundingClientRect();
                    out.push([where + ': ' + (e.id || e.dataset.action || e.textContent.trim().slice(0, 30) || e.outerHTML.slice(0, 60)), b.width, b.height]);
                }
            }
            return out;
        }""",
        [", ".join(f"{scope} {c}" for c in CONTROLS.split(", ")), where],
    )


def test_every_letter_page_on_a_phone(phone, site_urls):
    """Each letter page once, at 390 x 844: fields first, the rule before the letter, no
    control under 24 x 24 px (those behind More included), one row of actions, More reaches
    every other action on screen and closes."""
    small, measured = [], 0
    for letter_id, path in PAGES.items():
        phone.goto(site_urls["http"] + path)
        # fields first: the whole first control on the first screen, the patient's name first
        assert phone.evaluate("window.scrollY") == 0
        assert first_control_offset(phone) <= PHONE["height"], letter_id
        first = phone.locator(FIRST_CONTROL).first
        if "patient_name" in {f.name for f in fields_of(letter_id)} and not LETTERS[letter_id].variants:
            assert first.get_attribute("data-field-input") == "patient_name", letter_id
        # the rule and the checks between the form and the letter; the rest one tap away
        order = phone.evaluate("""() => ['#fill-in', '.swp-fields', '.swp-check-first .swp-rule', '.swp-toolbar', '.swp-letter']
            .map(s => document.querySelector(s).getBoundingClientRect().top)""")
        assert order == sorted(order), (letter_id, order)
        about = phone.locator("details.swp-about")
        assert not about.locator("dl").is_visible()
        about.locator("summary").click()
        assert about.locator("dt", has_text="When to use it").is_visible(), letter_id
        # one row of actions
        toolbar = phone.locator(".swp-toolbar")
        toolbar.scroll_into_view_if_needed()
        tops = {round(b.bounding_box()["y"]) for b in toolbar.locator("button:visible").all()}
        assert len(tops) == 1, (letter_id, "one row")
        assert toolbar.bounding_box()["height"] <= 64, letter_id
        more = toolbar.locator("[data-more]")
        assert more.get_attribute("aria-expanded") == "false"
        actions = [b.get_attribute("data-action") for b in toolbar.locator(".swp-toolbar__extra button").all()]
        assert {"word", "word-blank", "print"} <= set(actions)
        # no squeezed control, on the page and behind More
        controls = measure_controls(phone, "body", letter_id)
        more.click()
        assert more.get_attribute("aria-expanded") == "true"
        controls += measure_controls(phone, ".swp-toolbar__extra", letter_id + ", behind More")
        measured += len(controls)
        small += [c for c in controls if c[1] < 24 or c[2] < 24]
        for action in actions:
            box = toolbar.locator(f'[data-action="{action}"]').bounding_box()
            assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], (letter_id, action)
            assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], (letter_id, action)
        phone.keyboard.press("Escape")
        assert more.get_attribute("aria-expanded") == "false"
        assert not toolbar.locator('[data-action="print"]').is_visible()
    assert not small, small
    assert measured > len(PAGES) * 8  # header buttons, tick boxes, actions, Forget...


def test_the_actions_sit_inline_at_a_desk(page, site_urls):
    page.goto(site_urls["http"] + "letters/trust-tasks.html")
    toolbar = page.locator(".swp-toolbar")
    assert not toolbar.locator("[data-more]").is_visible()
    for action in ("copy", "copy-lmc", "word", "print", "word-blank"):
        assert toolbar.locator(f'[data-action="{action}"]').is_visible(), action


def stored(page):
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def every_key(page):
    return page.evaluate("Object.keys(localStorage)")


def fill_everything(page, letter_id):
    """Tick every task and type a distinct value into every field; return what was typed."""
    for box in page.locator("input[data-variant]").all():
        box.check()
    typed = {}
    for field in fields_of(letter_id):
        value = f"{field.label} for {letter_id}"
        page.fill(f'[data-field-input="{field.name}"]', value)
        typed[field.name] = value
    return typed


@pytest.mark.parametrize("mode", ["http", "file"])
def test_only_practice_details_reach_storage_from_every_letter(mode, browser, site_urls):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    base = site_urls[mode]
    page.goto(base + PAGES["dna-discharge"])
    assert not page.locator("#remember-practice").is_checked(), "off by default"
    fill_everything(page, "dna-discharge")
    assert stored(page) is None, "nothing is kept until the box is ticked"
    for letter_id, path in PAGES.items():
        page.goto(base + path)
        practice = page.locator("#remember-practice")
        clinician = page.locator("#remember-clinician")
        typed = fill_everything(page, letter_id)
        practice.check()
        if clinician.count():
            clinician.check()
        kept = json.loads(stored(page))
        others = [k for k in every_key(page) if k != KEY]
        assert all(k.endswith("/.__palette") for k in others), others  # the theme's light/dark choice
        flat = {**kept["practice"], **kept.get("clinician", {})}
        on_page = {name for name in typed if name in REMEMBERED}
        assert on_page and on_page <= set(flat), letter_id
        assert set(flat) <= set(REMEMBERED), (letter_id, flat)
        for name in on_page:
            assert flat[name] == typed[name]
            assert name in kept[REMEMBERED[name]]
        everything = page.evaluate("JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage)) + document.cookie")
        for name, value in typed.items():
            if name not in REMEMBERED:
                assert value not in everything, (letter_id, name)
    context.close()


def test_remembered_details_fill_letters_posters_and_the_report_and_forget_clears_them(browser, site_urls):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = site_urls["http"]
    page.goto(base + PAGES["sick-notes"])
    page.check("#remember-practice")
    page.fill('[data-field-input="practice_name"]', "Elm Surgery")
    page.fill('[data-field-input="practice_address"]', "1 High Street\nLondon")
    page.fill('[data-field-input="clinician_name"]', "Dr A Khan")
    page.fill('[data-field-input="patient_name"]', "Jane Doe")
    assert json.loads(stored(page)) == {"practice": {"practice_name": "Elm Surgery", "practice_address": "1 High Street\nLondon"}}

    page.goto(base + PAGES["trust-tasks"])
    assert page.locator("#remember-practice").is_checked()
    assert page.input_value('[data-field-input="practice_name"]') == "Elm Surgery"
    assert page.input_value('[data-field-input="clinician_name"]') == "", "the clinician only if chosen"
    assert page.input_value('[data-field-input="patient_name"]') == ""
    signature = page.locator(".swp-letter__signature").inner_text()
    assert "Elm Surgery" in signature, "the letter itself is filled"
    assert not page.locator(".swp-letter__practice").is_hidden(), "the address prints above the date"

    page.check("#remember-clinician")
    page.fill('[data-field-input="clinician_name"]', "Dr A Khan")
    page.goto(base + PAGES["invitation"])
    assert page.input_value('[data-field-input="practice_name"]') == "Elm Surgery"
    page.goto(base + "posters/self-certify.html")
    assert page.input_value('[data-field-input="practice_name"]') == "Elm Surgery"
    assert "Elm Surgery" in page.locator(".swp-poster:not([hidden])").inner_text()
    page.goto(base + "support/report-a-transfer.html")
    assert page.input_value('[data-report-input="practice"]') == "Elm Surgery"
    page.goto(base + PAGES["dna-discharge"])
    assert page.input_value('[data-field-input="clinician_name"]') == "Dr A Khan"

    page.click("[data-remember-forget]")
    assert stored(page) is None and [k for k in every_key(page) if not k.endswith("/.__palette")] == []
    assert not page.locator("#remember-practice").is_checked()
    assert "Forgotten" in page.locator("[data-remember-status]").inner_text()
    assert page.input_value('[data-field-input="practice_name"]') == "Elm Surgery", "this page keeps what it shows"
    page.goto(base + PAGES["housing"])
    assert page.input_value('[data-field-input="practice_name"]') == ""
    context.close()


def test_a_browser_that_blocks_storage_is_told_plainly(browser, site_urls):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });")
    page = context.new_page()
    page.goto(site_urls["http"] + PAGES["sick-notes"])
    assert page.locator("#remember-practice").is_disabled()
    assert "cannot be remembered here" in page.locator("[data-remember-status]").inner_text()
    page.fill('[data-field-input="patient_name"]', "Jane Doe")
    assert "Jane Doe" in page.locator(".swp-letter").inner_text(), "the letter still works"
    context.close()
