"""Session fixtures: the site is built once, strictly, for all build and browser tests;
one Chromium serves every browser test, and the site is served the three ways an LMC
hosts it: over http at the root, over http under a sub-path (/safe-working/), and
opened from disk as file://."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.helpers import PROJECT, build_site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The site built from the working tree as `make build` does (strict build, then the build steps)."""
    target = tmp_path_factory.mktemp("site")
    result = build_site(PROJECT, target)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return target


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUBPATH = "safe-working"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_urls(site_dir, tmp_path_factory):
    """Base URLs (ending in /) of the built site: http root, http sub-path, file://."""
    root = serve(site_dir)
    parent = tmp_path_factory.mktemp("subpath")
    (parent / SUBPATH).symlink_to(site_dir, target_is_directory=True)
    sub = serve(parent)
    urls = {
        "http": f"http://127.0.0.1:{root.server_port}/",
        "subpath": f"http://127.0.0.1:{sub.server_port}/{SUBPATH}/",
        "file": site_dir.as_uri() + "/",
    }
    yield urls
    root.shutdown()
    sub.shutdown()


@pytest.fixture(scope="session")
def search_results(browser, site_urls):
    """The search evaluation (tests/search_queries.yml) typed into the MkDocs build's search
    box, each way the site is opened: {mode: {query: top three pages}}. Every query over http;
    under a sub-path and from file:// every SAMPLE-th one: the index and its ranking are the same
    files whichever way the site is opened, so these check that search loads and its links
    resolve there, and that the results match http's (typing all 127 three times was the
    slowest part of `make test`)."""
    from tests.browser.search import top_three

    return {mode: top_three(browser, base, every=1 if mode == "http" else SEARCH_SAMPLE) for mode, base in site_urls.items()}


SEARCH_SAMPLE = 6


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Parallel runs (`make test`: pytest-xdist, --dist loadgroup) keep each test file on one
    worker, so its module fixtures (a `make dist`, a Zensical build) run once and never race;
    files sharing an expensive session fixture name one group (the search evaluation: "search")."""
    for item in items:
        if not any(item.iter_markers("xdist_group")):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def pytest_terminal_summary(terminalreporter):
    """Print what tests measured (`record_property`), after the run: the search evaluation's
    rates, for MkDocs and Zensical. Properties travel back from pytest-xdist's workers."""
    measured = [(name, value) for reports in terminalreporter.stats.values() for report in reports
                if getattr(report, "when", None) == "call" for name, value in getattr(report, "user_properties", [])]
    if measured:
        terminalreporter.section("measured")
        for name, value in sorted(measured):
            terminalreporter.line(f"{name}: {value}")
