"""Browser fixtures for pages: a fresh page, what it requests, the clipboard.

The browser itself and the three ways the site is opened (http, a sub-path,
file://) are session fixtures in tests/conftest.py, shared with the Zensical
comparison in tests/build/.
"""
from __future__ import annotations

import pytest


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
