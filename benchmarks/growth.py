"""How the pack's costs grow with its size (part of `make bench`; benchmarks/bench.py writes the table).

For each size (1x, 5x, 10x: benchmarks/grow.py makes the bigger packs from the real content, in a
temporary folder), it measures:
- the build as `make build` runs it (strict MkDocs build, its hook running the build steps) against a bare
  Material build of the same docs and nav (Material and its search plugin, nothing else),
  interleaved A, B, A, B so both see the same machine load: wall time and CPU time (medians);
- CPU per page, the HTML written in all, a letter page's HTML and how much of it is the site's
  navigation (the tabs and the sidebar menu);
- `make check`: the editors' content checks (`make check-fast`), and the whole check with the strict build;
- in Chromium, at 1x and 10x: the first query answered (a query typed as soon as the page is
  interactive), counted from the page's load event (the budget's "of load") and, beside it, from
  navigation start (the page's own loading included); and keystroke to results (the evaluation's queries typed a key at a time), median and p95.

Budgets (issue 31) are checked here, in the results file, never as timed tests.
"""
from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from grow import PROJECT, grown_copy

SCALES = tuple(int(s) for s in os.environ.get("BENCH_SCALES", "1,5,10").split(","))
SEARCH_SCALES = tuple(s for s in (1, 10) if s in SCALES)
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# Every n-th evaluation query is typed key by key (1: all of them).
QUERY_STEP = int(os.environ.get("BENCH_QUERY_STEP", "1"))
LETTER_PAGE = "letters/trust-tasks.html"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SITE_URL", None)


@dataclass
class Scale:
    times: int
    pages: int = 0
    ours_wall: list[float] = field(default_factory=list)
    ours_cpu: list[float] = field(default_factory=list)
    bare_wall: list[float] = field(default_factory=list)
    bare_cpu: list[float] = field(default_factory=list)
    html_total: int = 0
    bare_html_total: int = 0
    letter_html: int = 0
    letter_nav: int = 0
    check_fast: list[float] = field(default_factory=list)
    check_fast_cpu: list[float] = field(default_factory=list)
    check_full: list[float] = field(default_factory=list)
    first_query: list[float] = field(default_factory=list)  # from the page's load event
    first_query_from_start: list[float] = field(default_factory=list)  # from navigation start
    keystrokes: list[float] = field(default_factory=list)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(commands: list[list[str]], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for commands run one after the other; each must succeed."""
    cpu, start = children_cpu(), time.perf_counter()
    for command in commands:
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{(result.stdout + result.stderr)[-3000:]}")
    return time.perf_counter() - start, children_cpu() - cpu


def bare_config(project: Path, work: Path) -> Path:
    """Bare Material (and its search) over the same docs and nav as the grown project."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    ours = yaml.load((project / "mkdocs.yml").read_text(), Loader=Loader)
    config = work / "bare.yml"
    config.write_text(yaml.safe_dump({
        "site_name": "bare", "docs_dir": str(project / "docs"), "use_directory_urls": False,
        "theme": {"name": "material", "font": False}, "plugins": ["search"], "nav": ours["nav"],
    }))
    return config


def element_bytes(html: str, opening: str, tag: str = "nav") -> int:
    """Bytes of the first element whose opening tag matches `opening`, nested elements of its tag included."""
    match = re.search(opening, html)
    if not match:
        return 0
    depth, position = 0, match.start()
    for piece in re.finditer(rf"<(/?){tag}\b", html[match.start():]):
        depth += -1 if piece.group(1) else 1
        if depth == 0:
            end = html.index(">", match.start() + piece.end()) + 1
            return len(html[match.start():end].encode())
    return len(html[position:].encode())


def html_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*.html"))


def measure_builds(scale: Scale, project: Path, work: Path) -> None:
    ours_site, bare_site = work / "site-ours", work / "site-bare"
    bare = bare_config(project, work)
    # As `make build`: the hook in mkdocs.yml runs the build steps at the end of the build.
    ours_commands = [[sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(ours_site)]]
    bare_commands = [[sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare), "--site-dir", str(bare_site)]]
    for _ in range(RUNS):  # A, B, A, B ...
        wall, cpu = timed(ours_commands, project)
        scale.ours_wall.append(wall)
        scale.ours_cpu.append(cpu)
        wall, cpu = timed(bare_commands, project)
        scale.bare_wall.append(wall)
        scale.bare_cpu.append(cpu)
    scale.pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    scale.html_total, scale.bare_html_total = html_bytes(ours_site), html_bytes(bare_site)
    letter = (ours_site / LETTER_PAGE).read_text(encoding="utf-8")
    scale.letter_html = len(letter.encode())
    scale.letter_nav = element_bytes(letter, r'<nav class="md-tabs"') + element_bytes(letter, r'<nav class="md-nav md-nav--primary')


def measure_check(scale: Scale, project: Path) -> None:
    for _ in range(max(1, RUNS - 1)):
        wall, cpu = timed([[sys.executable, "-m", "macros.tools.check", "--fast"]], project)
        scale.check_fast.append(wall)
        scale.check_fast_cpu.append(cpu)
    scale.check_full.append(timed([[sys.executable, "-m", "macros.tools.check"]], project)[0])


# Typed as soon as the page is interactive, again every 20 ms with a changing space at the end
# until the first results show (Material drops a query typed before its index is ready).
FIRST_QUERY = """async (query) => {
    const links = () => document.querySelectorAll('%(links)s').length;
    const box = document.querySelector('input.md-search__input');
    for (let i = 0; !links(); i++) {
        box.value = query + (i %% 2 ? ' ' : ''); box.dispatchEvent(new KeyboardEvent('keyup'));
        await new Promise(r => setTimeout(r, 20));
        if (i > 1500) return null;
    }
    await new Promise(r => requestAnimationFrame(r));
    return performance.now();
}"""

# When the page's load event finished (ms from navigation start), waiting for it if need be.
LOADED = """async () => {
    const entry = () => performance.getEntriesByType('navigation')[0];
    while (!entry() || !entry().loadEventEnd) await new Promise(r => setTimeout(r, 20));
    return entry().loadEventEnd;
}"""

# One key at a time: each prefix of the query, the time from the key to the result list redrawn and painted.
KEYSTROKES = """async (query) => {
    const box = document.querySelector('input.md-search__input');
    const results = document.querySelector('.md-search-result');
    box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup'));
    await new Promise(r => setTimeout(r, 100));
    const times = [];
    for (let i = 1; i <= query.length; i++) {
        const shown = new Promise(resolve => {
            const watch = new MutationObserver(() => { watch.disconnect(); requestAnimationFrame(() => resolve(performance.now())); });
            watch.observe(results, {childList: true, subtree: true, characterData: true});
            setTimeout(() => { watch.disconnect(); resolve(null); }, 3000);
        });
        const start = performance.now();
        box.value = query.slice(0, i); box.dispatchEvent(new KeyboardEvent('keyup'));
        const end = await shown;
        if (end !== null) times.push(end - start);
    }
    return times;
}"""


def measure_search(scale: Scale, site: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    from bench import CHROMIUM_ARGS, serve
    sys.path.insert(0, str(PROJECT))
    from tests.browser.search import RESULT_LINKS, search

    queries = [q["query"] for q in yaml.safe_load((PROJECT / "tests" / "search_queries.yml").read_text())][::QUERY_STEP]
    server, base = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})  # nothing cached
                page = context.new_page()
                page.goto(base + "index.html", wait_until="domcontentloaded")
                answered = page.evaluate(FIRST_QUERY % {"links": RESULT_LINKS}, "sick note")
                if answered is None:
                    raise SystemExit(f"search never answered at {scale.times}x")
                loaded = page.evaluate(LOADED)
                scale.first_query.append(max(0.0, answered - loaded))
                scale.first_query_from_start.append(answered)
                context.close()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + "index.html")
            search(page, queries[0])  # the index is loaded
            for query in queries:
                scale.keystrokes.extend(page.evaluate(KEYSTROKES, query))
            browser.close()
    finally:
        server.shutdown()


def measure(work: Path, log=print) -> list[Scale]:
    """Every measurement at every size."""
    scales = []
    for times in SCALES:
        folder = work / f"pack-{times}x"
        project, _ = grown_copy(folder / "project", times)
        scale = Scale(times)
        log(f"{times}x: building, ours and bare Material, {RUNS} times each ...")
        measure_builds(scale, project, folder)
        log(f"{times}x: make check ...")
        measure_check(scale, project)
        if times in SEARCH_SCALES:
            log(f"{times}x: search in Chromium ...")
            measure_search(scale, folder / "site-ours", runs=max(3, RUNS))
        scales.append(scale)
    return scales


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else float("nan")


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def table(scales: list[Scale]) -> tuple[str, list[tuple[str, str, bool]]]:
    """The growth table (Markdown) and the budgets: (budget, measured, within)."""
    head = "| | " + " | ".join(f"{s.times}× ({s.pages} pages)" for s in scales) + " |"
    rows = [head, "| --- |" + " --- |" * len(scales)]

    def row(label, cell):
        rows.append(f"| {label} | " + " | ".join(cell(s) for s in scales) + " |")

    def per_page(s):
        return median(s.ours_cpu) / s.pages * 1000

    row("build, wall (ours / bare Material)", lambda s: f"{median(s.ours_wall):.1f} s / {median(s.bare_wall):.1f} s = {median(s.ours_wall) / median(s.bare_wall):.2f}×")
    row("build, CPU (ours / bare Material)", lambda s: f"{median(s.ours_cpu):.1f} s / {median(s.bare_cpu):.1f} s = {median(s.ours_cpu) / median(s.bare_cpu):.2f}×")
    row("CPU per page (ours / bare)", lambda s: f"{per_page(s):.0f} ms / {median(s.bare_cpu) / s.pages * 1000:.0f} ms")
    row("a letter page's HTML, of which the site navigation", lambda s: f"{kb(s.letter_html)}, {100 * s.letter_nav / s.letter_html:.0f} %")
    row("total HTML written (ours / bare)", lambda s: f"{kb(s.html_total)} / {kb(s.bare_html_total)}")
    row("search: page loaded (load event) → first query answered, median", lambda s: f"{median(s.first_query):.0f} ms" if s.first_query else "–")
    row("search: navigation start → first query answered, median", lambda s: f"{median(s.first_query_from_start):.0f} ms" if s.first_query_from_start else "–")
    row("search: keystroke → results, median / p95", lambda s: f"{median(s.keystrokes):.0f} / {p95(s.keystrokes):.0f} ms" if s.keystrokes else "–")
    row("`make check-fast` (content checks), wall / CPU", lambda s: f"{median(s.check_fast):.1f} s / {median(s.check_fast_cpu):.1f} s")
    row("`make check` (content checks, then the strict build)", lambda s: f"{median(s.check_full):.1f} s")

    by = {s.times: s for s in scales}
    budgets = []
    one, ten = by.get(1), by.get(10)
    if one:
        ratio = median(one.ours_wall) / median(one.bare_wall)
        budgets.append(("build at 1× ≤ 1.5× bare Material (wall)", f"{ratio:.2f}×", ratio <= 1.5))
        budgets.append(("`make check-fast` at 1× ≤ 5 s", f"{median(one.check_fast):.1f} s", median(one.check_fast) <= 5))
        if one.first_query:
            budgets.append(("search: first query at 1× ≤ 300 ms after load", f"{median(one.first_query):.0f} ms", median(one.first_query) <= 300))
    if one and ten:
        growth = per_page(ten) / per_page(one)
        budgets.append(("linear: CPU per page at 10× within 10 % of 1×", f"{per_page(ten):.0f} ms vs {per_page(one):.0f} ms ({(growth - 1) * 100:+.0f} %)", growth <= 1.10))
    if ten:
        budgets.append(("`make check-fast` at 10× ≤ 10 s", f"{median(ten.check_fast):.1f} s", median(ten.check_fast) <= 10))
        if ten.first_query:
            budgets.append(("search: first query at 10× ≤ 800 ms after load", f"{median(ten.first_query):.0f} ms", median(ten.first_query) <= 800))
            budgets.append(("search: keystroke → results p95 at 10× ≤ 50 ms", f"{p95(ten.keystrokes):.0f} ms", p95(ten.keystrokes) <= 50))
    return "\n".join(rows), budgets


def section(scales: list[Scale]) -> str:
    """The growth part of benchmarks/results.md."""
    text, budgets = table(scales)
    lines = ["## Growth: 1×, 5× and 10× the content", "",
             f"The pack copied to {', '.join(f'{s}×' for s in SCALES)} its size from its real content "
             "(benchmarks/grow.py, in a temporary folder, never committed); each build run "
             f"{RUNS} times, interleaved with a bare Material build of the same docs (A, B, A, B), medians. "
             "CPU is user + system time of the build's processes. Search is timed in Chromium on the built site, "
             f"typing {'every' if QUERY_STEP == 1 else f'every {QUERY_STEP}th'} query of tests/search_queries.yml a key at a time.", "", text, "",
             "| budget (issue 31) | measured | within |", "| --- | --- | --- |"]
    lines += [f"| {b} | {m} | {'yes' if ok else 'NO'} |" for b, m, ok in budgets]
    return "\n".join(lines) + "\n"


def replace_section(results: str, new: str, stamp: str) -> str:
    """benchmarks/results.md with its growth section (and the line saying when it was measured) replaced."""
    heading = new.splitlines()[0]
    new = new.replace("\n\n", f"\n\n{stamp}\n\n", 1)
    if heading in results:
        start = results.index(heading)
        end = results.find("\n## ", start + len(heading))
        return results[:start] + new + (results[end:] if end != -1 else "")
    title, _, rest = results.partition("\n\n")
    if not rest.startswith("## "):
        rest = "## Pages, search and Lighthouse at 1×\n\n" + rest
    return f"{title}\n\n{new}\n{rest}"


if __name__ == "__main__":  # the growth part alone: python benchmarks/growth.py [--write]
    import platform
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        before = os.getloadavg()
        text = section(measure(Path(tmp)))
    print(text)
    if "--write" in sys.argv[1:]:
        results = PROJECT / "benchmarks" / "results.md"
        stamp = (f"Measured by `python benchmarks/growth.py --write` on {time.strftime('%Y-%m-%d %H:%M %Z')}, "
                 f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
                 f"load average {before[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.")
        results.write_text(replace_section(results.read_text(), text, stamp))
