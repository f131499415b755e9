"""Accessibility (WCAG 2.2 AA): axe-core finds nothing on any page, in either
palette, or on a filled-in letter; every control works by keyboard with a
visible focus and a label."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import html_pages

pytestmark = pytest.mark.browser
AXE = Axe()


# What the palette changes is colour: in the dark palette every page is checked for the rules that
# look at colour (the light palette runs every rule; the markup is the same in both). Each half is
# its own pytest-xdist group, so the two run side by side.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}, "resultTypes": ["violations"]}
SCHEMES = [pytest.param("light", marks=pytest.mark.xdist_group("accessibility-light")),
           pytest.param("dark", marks=pytest.mark.xdist_group("accessibility-dark"))]


def violations(page, options: dict | None = None) -> list[str]:
    result = AXE.run(page, options=options) if options else AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page(scheme, site_dir, site_urls, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    for name in html_pages(site_dir) + ["404.html"]:
        page.goto(site_urls["http"] + name)
        problems = violations(page, COLOUR_RULES if scheme == "dark" else None)
        if problems:
            found[name] = problems
    page.close()
    assert found == {}, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_filled_in_letter_with_tasks_ticked(scheme, site_urls, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(site_urls["http"] + "letters/trust-tasks.html")
    for box in page.locator("input[data-variant]").all()[:3]:
        box.check()
    for field in page.locator("[data-field-input]").all():
        if field.get_attribute("type") == "text":
            field.fill("Filled in")
    assert violations(page) == []
    page.close()


def focusable_controls(page):
    return page.locator(".swp-letter-tool input, .swp-letter-tool button, .swp-poster-tool input, .swp-poster-tool button")


def has_visible_focus(page) -> bool:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        }"""
    )


@pytest.mark.parametrize("path", ["letters/trust-tasks.html", "posters/dental.html", "patients/invitation-template.html"])
def test_every_control_has_a_label_and_a_visible_focus_by_keyboard(path, site_urls, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_urls["http"] + path)
    controls = focusable_controls(page)
    expected = controls.count()
    assert expected > 3
    for index in range(expected):
        control = controls.nth(index)
        name = control.evaluate("el => el.labels && el.labels.length ? el.labels[0].textContent : el.textContent")
        assert name.strip(), control.evaluate("el => el.outerHTML")
    # Tab from the first control through all of them; each shows a focus ring.
    # A radio group is one tab stop (arrow keys move within it).
    key = "el => el.type === 'radio' ? 'radio:' + el.name : (el.id || el.dataset.action)"
    ids = {c.evaluate(key) for c in controls.all()}
    controls.first.focus()
    reached = set()
    for _ in range(expected * 3):
        reached.add(page.evaluate(f"({key})(document.activeElement)"))
        assert has_visible_focus(page), page.evaluate("document.activeElement.outerHTML")
        if ids <= reached:
            break
        page.keyboard.press("Tab")
    assert ids <= reached, ids - reached
    page.close()


def test_letter_works_by_keyboard_alone(clipboard_page):
    page = clipboard_page("letters/trust-tasks.html")
    page.focus("#tick-fit-note")
    page.keyboard.press("Space")
    assert page.is_checked("#tick-fit-note")
    page.focus("#field-patient_name")
    page.keyboard.type("Jane Doe")
    page.focus("button[data-action=copy]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.swp-status').textContent.includes('copied')")
    assert "Jane Doe" in page.evaluate("navigator.clipboard.readText()")


def test_poster_paper_size_works_by_keyboard(browser, site_urls):
    page = browser.new_page()
    page.goto(site_urls["http"] + "posters/dental.html")
    page.focus("#paper-a4-dental")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#paper-a3-dental")
    assert "swp-poster--a3" in page.get_attribute(".swp-poster", "class")
    page.close()
