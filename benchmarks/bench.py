"""Performance budget for the safe working pack, measured (run with `make bench`).

Prints a table and writes benchmarks/results.md:
- growth (benchmarks/growth.py): the pack grown to 5x and 10x from its real content in a
  temporary folder; at each size the build interleaved with a bare Material build of the same
  docs (wall and CPU, CPU per page), the HTML written, a letter page's navigation share,
  `make check-fast` and `make check`, and search in Chromium at 1x and 10x (load to first
  query answered, keystroke to results median and p95), with issue 31's budgets;
- the 1x build against bare Material: budget 1.5x;
- bytes transferred (gzip) per page type, search index excluded: budget 120 KB
  for the heaviest page (a letter page is counted again with the Word code it
  loads when a GP clicks Download); and the search index size;
- in Chromium: typing a query to results shown (median over the search
  evaluation's queries, and the first query alone): budget 50 ms median;
- opening the home page to the right letter on screen via search: budget 2 s;
- Lighthouse (npm, pinned in benchmarks/package-lock.json) driving Debian's
  Chromium on the home page, a letter, a poster and the report page: on a
  simulated phone, performance at least 90 (median of 3 runs), accessibility
  and best practices 100; on desktop, all three 100;
- a letter on a phone (benchmarks/phone.py, issue 28): the journey home -> search -> open ->
  type the patient's name -> Copy at 390 x 844 (taps and ms), and on every letter page how far
  down the first form control ends: budget one screen (844 px).
"""
from __future__ import annotations

import functools
import gzip
import platform
import http.server
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

import growth
sys.path.insert(0, str(Path(__file__).resolve().parent))
import phone  # noqa: E402  (benchmarks/phone.py: a letter on a phone)

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results.md"
PAGE_TYPES = {
    "home": "index.html",
    "letter": "letters/trust-tasks.html",
    "guidance": "guidance/core-hours.html",
    "poster": "posters/self-certify.html",
    "report": "support/report-a-transfer.html",
    # The LMC's combine-reports page, with PapaParse and its own scripts (loaded on no other page).
    "combine reports": "support/combine-reports.html",
}
EXPLANATION = """### Why the build is over 1.5x a bare Material build

The bare build renders the same Markdown with no macros and no data. Ours also
validates every page and data file with pydantic, renders the letters, posters
and directory through Jinja (mkdocs-macros), then its build steps add search
words and a per-page security policy, and builds the topic pages. The table above measures
each part. These are the product's features, not waste.
"""
WORD_CODE = ["assets/javascripts/word.js", "assets/vendor/fflate/fflate.min.js"]  # loaded on the first Download click
# Loaded by the report page when a practice opens a saved CSV (its running log).
LOG_CODE = ["assets/javascripts/report-file.js", "assets/vendor/papaparse/papaparse.min.js"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
LIGHTHOUSE = PROJECT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = {
    "home": "index.html",
    "letter": "letters/trust-tasks.html",
    "poster": "posters/self-certify.html",
    "report": "support/report-a-transfer.html",
}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices")
# (mode, lighthouse flags, runs, budget per category or None for "reported"); every mode is served
# gzip-compressed, as a configured web server does, except the last, reported for comparison.
LIGHTHOUSE_MODES = [
    ("mobile", [], 3, {"performance": 90, "accessibility": 100, "best-practices": 100}),
    ("desktop", ["--preset=desktop"], 1, {"performance": 100, "accessibility": 100, "best-practices": 100}),
    ("mobile, server without compression", [], 1, None),
]


def timed_build(config: Path, site: Path, steps: bool = True) -> float:
    """Seconds for `mkdocs build` (our hook runs the build steps within it, as for `make build`).
    `steps` is kept for callers; the hook in the configuration decides whether the steps run."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   cwd=PROJECT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def attribution(workdir: Path) -> list[tuple[str, float]]:
    """Build time without each costly part, to show where the time goes (median of 3)."""
    base = (PROJECT / "mkdocs.yml").read_text().replace("strict: true", "strict: false")
    variants = {
        # The hook runs the build steps at the end of the build: without it, no steps.
        "without the build steps (search words, CSP)": (re.sub(r"\nhooks:\n  - macros/steps/hooks.py\n", "\n", base), False),
        "without mkdocs-macros": (re.sub(r"  - macros:\n(      .*\n)+", "", base), True),
        "without the tags plugin": (base.replace("  - tags:\n      export: false\n", ""), True),
    }
    results = []
    for label, (text, steps) in variants.items():
        config = PROJECT / f"_bench_{len(results)}.yml"  # beside mkdocs.yml, so macros/ resolves
        config.write_text(text)
        try:
            results.append((label, statistics.median(timed_build(config, workdir / "variant", steps) for _ in range(3))))
        finally:
            config.unlink()
    return results


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site: Path, page: str) -> int:
    """gzip bytes of the page and every same-site file it loads (search index excluded)."""
    html_path = site / page
    html = html_path.read_text()
    total = gzip_size(html_path)
    refs = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'"worker":\s*"([^"]+)"', html)  # Material's search worker script
    seen = set()
    for ref in refs:
        target = (html_path.parent / ref.split("?")[0]).resolve()
        if target in seen or not target.is_file() or "search_index" in target.name:
            continue
        seen.add(target)
        total += gzip_size(target)
    return total


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Static files as an intranet web server sends them: text gzip-compressed when the browser
    accepts it (IIS does this by default; nginx with `gzip on` and `gzip_types`, see the README)."""

    def log_message(self, *args):
        pass

    compress = True

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not wanted or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Plain(Quiet):
    compress = False


def serve(site: Path, compress: bool = True):
    handler = functools.partial(Quiet if compress else Plain, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def lighthouse(url: str, flags: list[str]) -> dict[str, int]:
    """One Lighthouse run: each category's score out of 100."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
             "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS + ["--disable-component-update", "--disable-sync"]),
             *flags],
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True, timeout=300,
        )
        report = json.loads(out.read_text())
    return {name: round(report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}


def lighthouse_version() -> str:
    return json.loads((PROJECT / "benchmarks" / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def lighthouse_scores(site: Path) -> list[tuple[str, str, dict[str, int]]]:
    """(page, form factor, median score per category) for every page and mode."""
    results = []
    for mode, flags, runs, budget in LIGHTHOUSE_MODES:
        server, base = serve(site, compress=budget is not None)
        try:
            for name, path in LIGHTHOUSE_PAGES.items():
                scores = [lighthouse(base + path, flags) for _ in range(runs)]
                results.append((name, mode, {c: int(statistics.median(s[c] for s in scores)) for c in LIGHTHOUSE_CATEGORIES}))
        finally:
            server.shutdown()
    return results


def browser_timings(site: Path) -> tuple[float, float, float]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(PROJECT))
    from tests.browser.search import RESULT_LINKS, search

    queries = [q["query"] for q in yaml.safe_load((PROJECT / "tests" / "search_queries.yml").read_text())]
    server, base = serve(site)
    measure = """async (query) => {
        const box = document.querySelector('input.md-search__input');
        const list = () => document.querySelectorAll('%s').length;
        box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup'));
        while (list()) await new Promise(r => setTimeout(r, 1));
        const start = performance.now();
        box.value = query; box.dispatchEvent(new KeyboardEvent('keyup'));
        while (!list()) await new Promise(r => requestAnimationFrame(r));
        return performance.now() - start;
    }""" % RESULT_LINKS
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "index.html")
        search(page, queries[0])  # wait until the index is loaded
        first = page.evaluate(measure, queries[1])
        times = [page.evaluate(measure, q) for q in queries[2:]]
        journeys = []
        for _ in range(5):
            fresh = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            fresh.goto(base + "index.html")
            hrefs = search(fresh, "sick note")
            fresh.goto(hrefs[0])
            fresh.locator(".swp-letter").wait_for()
            journeys.append(time.perf_counter() - start)
            fresh.close()
        browser.close()
    server.shutdown()
    return statistics.median(times), first, statistics.median(journeys)


def machine() -> str:
    """This machine, as the results file names it."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU") if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load() -> str:
    return "load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"


def combine_bench(site: Path, work: Path) -> list[tuple[str, str, str, bool]]:
    """The combine-reports page with a year of reports from 200 practices (benchmarks/combine_bench.py)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from combine_bench import combine_timings

    server, base = serve(site)
    folder = work / "combine"
    folder.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        rows = combine_timings(browser, base, folder)
        browser.close()
    server.shutdown()
    return rows


def main() -> int:
    load_before = load()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scales = growth.measure(work / "growth", log=lambda line: print(line, flush=True))
        one = next((s for s in scales if s.times == 1), None)
        if one is None:
            raise SystemExit("make bench measures the pack as it is too: keep 1 in BENCH_SCALES")
        ours, bare = growth.median(one.ours_wall), growth.median(one.bare_wall)
        site = work / "growth" / "pack-1x" / "site-ours"
        weights = {name: page_weight(site, path) for name, path in PAGE_TYPES.items()}
        weights["letter, after Download Word"] = weights["letter"] + sum(gzip_size(site / path) for path in WORD_CODE)
        weights["report, after opening a saved CSV"] = weights["report"] + sum(gzip_size(site / path) for path in LOG_CODE)
        index = site / "search" / "search_index.json"
        index_raw, index_gz = index.stat().st_size, gzip_size(index)
        median_ms, first_ms, journey_s = browser_timings(site)
        combine_rows = combine_bench(site, work)
        server, base = serve(site)
        try:
            phone_section = phone.measure(site, base)
        finally:
            server.shutdown()
        scores = lighthouse_scores(site)
        parts = attribution(work)
    heaviest = max(weights.values())
    rows = [
        (f"Full build at 1x, median of {growth.RUNS} interleaved (ours / bare Material)", f"{ours:.2f} s / {bare:.2f} s = {ours / bare:.2f}x", "1.5x", ours / bare <= 1.5),
        *[(f"Page weight, gzip: {name}", f"{size / 1024:.1f} KB", "120 KB", size <= 120 * 1024) for name, size in weights.items()],
        ("Search index (raw / gzip)", f"{index_raw / 1024:.1f} KB / {index_gz / 1024:.1f} KB", "reported", True),
        ("Query to results, median over the evaluation queries", f"{median_ms:.1f} ms", "50 ms", median_ms <= 50),
        ("Query to results, first query after load", f"{first_ms:.1f} ms", "reported", True),
        ("Home page to the right letter via search, median of 5", f"{journey_s:.2f} s", "2 s", journey_s <= 2),
        *combine_rows,
    ]
    budgets = {mode: budget for mode, _, _, budget in LIGHTHOUSE_MODES}
    runs = {mode: count for mode, _, count, _ in LIGHTHOUSE_MODES}
    for name, mode, got in scores:
        budget = budgets[mode]
        within = budget is None or all(got[c] >= budget[c] for c in LIGHTHOUSE_CATEGORIES)
        label = f"Lighthouse {mode}: {name}" + (f" (median of {runs[mode]})" if runs[mode] > 1 else "")
        result = " / ".join(str(got[c]) for c in LIGHTHOUSE_CATEGORIES)
        limit = " / ".join(str(budget[c]) for c in LIGHTHOUSE_CATEGORIES) if budget else "reported"
        rows.append((label + ": performance / accessibility / best practices", result, limit, within))
    table = ["| measure | result | budget | within |", "| --- | --- | --- | --- |"]
    table += [f"| {m} | {r} | {b} | {'yes' if ok else 'NO'} |" for m, r, b, ok in rows]
    text = "\n".join(table)
    notes = ["| build | median | saving |", "| --- | --- | --- |", f"| full | {ours:.2f} s | |"]
    notes += [f"| {label} | {t:.2f} s | {ours - t:.2f} s |" for label, t in parts]
    notes += [f"| bare Material (search only) | {bare:.2f} s | |"]
    text += "\n\n### Where the build time goes\n\n" + "\n".join(notes)
    print(text)
    grown = growth.section(scales)
    print(grown)
    RESULTS.write_text(
        "# Performance budget: results\n\n"
        f"Measured by `make bench` on {time.strftime('%Y-%m-%d %H:%M %Z')} on {machine()}; "
        f"{load_before} at the start, {load()} at the end.\n\n"
        + grown + "\n## Pages, search and Lighthouse at 1×\n\n"
        "Headless Chromium, the 1× site served over http from loopback, text gzip-compressed as an "
        "intranet server sends it. "
        f"Heaviest page: {heaviest / 1024:.1f} KB gzip. Lighthouse {lighthouse_version()} simulates a mid-range "
        "phone on a slow 4G connection (mobile) or a desktop on cable, in Debian's Chromium.\n\n"
        + text + "\n" + ("\n" + EXPLANATION if ours / bare > 1.5 else "")
        + "\n" + phone_section
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
