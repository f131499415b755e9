"""Browser fixtures: Debian's Chromium through Playwright, and the three ways the site is opened.

The site is served over http at the root, over http under a sub-path
(/safe-working/), and opened from disk as file:// — the three ways an LMC
hosts it.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

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


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page in its own context (no shared storage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


class Watch:
    """Collects console errors, page errors and requests made by a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))


@pytest.fixture
def watch(page):
    return Watch(page)


@pytest.fixture
def clipboard_page(browser, site_urls):
    """Open a page over http with clipboard access granted: clipboard_page("letters/x.html")."""
    contexts = []

    def open_page(path: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_urls["http"].rstrip("/"))
        contexts.append(context)
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(site_urls["http"] + path)
        return page

    yield open_page
    for context in contexts:
        context.close()
