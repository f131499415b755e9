"""A letter on a phone (issue 28), measured in Chromium at 390 x 844 px.

- For every letter page: how far down the page the first form control ends (the bottom edge of the
  first tick box or text field), in px from the top; the budget is one screen (844 px), so the
  whole control is on the first screen and nobody scrolls to reach it.
- The journey a GP makes between patients: home page, search, open the first result, type the
  patient's name, press Copy: clicks (and keys) and milliseconds, median of 5 fresh pages.

Run alone with `python benchmarks/phone.py` (it builds nothing: give it a built site, default
site/); `make bench` runs it too and writes its table into benchmarks/results.md.
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
SCREEN = PHONE["height"]
FIRST_CONTROL = ".swp-letter-tool input:not([type=hidden]), .swp-letter-tool textarea"
JOURNEY_QUERY = "sick note"
SECTION = "## A letter on a phone"


def letter_pages(site: Path) -> list[str]:
    """Every page with a letter tool (the letters and the workshop invitation), site-relative."""
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "data-swp-letter=" in p.read_text())


def first_control_offset(page) -> float:
    """Distance in px from the top of the page to the bottom edge of the first visible form control."""
    return page.evaluate("""(selector) => {
        const el = [...document.querySelectorAll(selector)].find(e => e.getClientRects().length);
        return el.getBoundingClientRect().bottom + window.scrollY;
    }""", FIRST_CONTROL)


def first_control_offsets(browser, base: str, pages: list[str]) -> dict[str, float]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    offsets = {}
    for path in pages:
        page.goto(base + path)
        page.locator(".swp-letter").wait_for()
        offsets[path] = first_control_offset(page)
    context.close()
    return offsets


def journey(browser, base: str) -> tuple[int, float]:
    """Home -> search -> first result -> type the patient's name -> Copy, on a phone.
    Returns (taps and key entries the user makes, ms in all, ms from opening the letter)."""
    sys.path.insert(0, str(PROJECT))
    from tests.browser.search import search

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    actions = 0
    start = time.perf_counter()
    page.goto(base + "index.html")
    page.locator('label.md-header__button[for="__search"]').click()  # on a phone, search sits behind its icon
    hrefs = search(page, JOURNEY_QUERY)  # one tap on the search icon, the query typed (one action)
    actions += 2
    opened = time.perf_counter()
    page.goto(hrefs[0])  # one tap on the first result
    actions += 1
    field = page.locator('[data-field-input="patient_name"]')
    field.click()  # the first field is on the first screen: one tap, no scrolling
    actions += 1
    field.fill("Alex Example")  # typing the name (one action)
    actions += 1
    page.locator('.swp-toolbar [data-action="copy"]').click()
    actions += 1
    page.locator(".swp-status", has_text="copied").wait_for()
    elapsed = (time.perf_counter() - start) * 1000
    from_open = (time.perf_counter() - opened) * 1000
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    if "Alex Example" not in copied:
        raise AssertionError("the copied letter does not carry the patient's name")
    return actions, elapsed, from_open


def measure(site: Path, base: str) -> str:
    """The Markdown section for benchmarks/results.md."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        offsets = first_control_offsets(browser, base, letter_pages(site))
        runs = [journey(browser, base) for _ in range(5)]
        browser.close()
    actions = runs[0][0]
    ms = statistics.median(r[1] for r in runs)
    letter_ms = statistics.median(r[2] for r in runs)
    worst = max(offsets.values())
    lines = [
        SECTION, "",
        f"Chromium at {PHONE['width']} x {PHONE['height']} px (a phone), the site served over http from loopback. "
        f"Budget: every letter's first form control within one screen ({SCREEN} px), so it is reached without scrolling.", "",
        "| measure | result | budget | within |", "| --- | --- | --- | --- |",
        f"| Home to a copied letter (search \"{JOURNEY_QUERY}\", open, type the patient's name, Copy), median of 5 | "
        f"{actions} taps and key entries, {ms:.0f} ms | reported | yes |",
        f"| Of which: opening the letter to the copied letter, median of 5 | {letter_ms:.0f} ms | reported | yes |",
        f"| Furthest first form control of any letter page | {worst:.0f} px | {SCREEN} px | {'yes' if worst <= SCREEN else 'NO'} |",
        "", "| letter page | bottom of its first form control, from the top of the page |", "| --- | --- |",
    ]
    lines += [f"| {path} | {px:.0f} px |" for path, px in offsets.items()]
    return "\n".join(lines) + "\n"


def write_section(text: str, results: Path) -> None:
    """Put the section into results.md, replacing an earlier one (the rest of the file stays)."""
    old = results.read_text() if results.exists() else "# Performance budget: results\n"
    pattern = re.compile(re.escape(SECTION) + r".*?(?=\n## |\Z)", re.S)
    new = pattern.sub(lambda _: text.rstrip("\n"), old) if SECTION in old else old.rstrip("\n") + "\n\n" + text
    results.write_text(new.rstrip("\n") + "\n")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from bench import RESULTS, serve

    site = Path(argv[1]) if len(argv) > 1 else PROJECT / "site"
    server, base = serve(site)
    try:
        text = measure(site, base)
    finally:
        server.shutdown()
    print(text)
    write_section(text, RESULTS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
