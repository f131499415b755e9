"""Valid HTML: the W3C Nu HTML Checker (npm vnu-jar, run with Java) finds no error in the
built site, except the ones Material's own base template writes on purpose, which the
README lists with their cause."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.helpers import PROJECT

VNU = PROJECT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's base.html marks its two hidden toggles autocomplete="off", so that Firefox does not
# restore an open menu or search after a reload; the checker allows autocomplete on text inputs only.
MATERIAL_KNOWN = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
    ),
]


def check(site) -> list[dict]:
    java = shutil.which("java")
    assert java, "no Java runtime: run `make test`, which installs Debian's"
    assert VNU.exists(), f"{VNU} is missing: run `make test`, which installs it (npm ci --prefix tests/tools)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    return json.loads(result.stderr)["messages"]


@pytest.fixture(scope="module")
def messages(site_dir):
    return check(site_dir)


def known(message: dict) -> bool:
    return any(message["message"].startswith(text) and pattern.search(message.get("extract", "")) for text, pattern in MATERIAL_KNOWN)


def test_no_html_errors_in_any_page(messages, site_dir):
    pages = list(site_dir.rglob("*.html"))
    checked = {m["url"] for m in messages}
    errors = [
        f"{m['url'].split('/site')[-1]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] == "error" and not known(m)
    ]
    assert errors == [], "\n".join(errors[:40])
    assert len(pages) > 60 and len(checked) >= 1


def test_the_only_errors_left_are_materials_two_toggles_on_each_page(messages, site_dir):
    left = [m for m in messages if m["type"] == "error"]
    assert left and all(known(m) for m in left)
    assert len(left) == 2 * len(list(site_dir.rglob("*.html")))


def test_the_checker_catches_our_kind_of_mistake(tmp_path):
    """The checker is really run: a nested <p> (as the poster page once had) is reported."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p>a<p>b</p></p></html>', encoding="utf-8")
    assert any("No “p” element in scope" in m["message"] for m in check(tmp_path))


def test_the_readme_lists_materials_errors_with_their_cause():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for text, _ in MATERIAL_KNOWN:
        assert text.split("“")[1].split("”")[0] in readme and "__drawer" in readme and "Firefox" in readme
