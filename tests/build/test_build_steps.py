"""The build steps (macros/steps/run.py) run at the end of every MkDocs command that writes a
site, from the hook's on_post_build: a bare `mkdocs build` gives the finished site, and so
does `mkdocs serve` after each rebuild. `make zensical` runs them itself (Zensical runs no
hooks). A site without them never passes as finished (macros/steps/finished.py)."""
from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from macros.steps.finished import missing_steps
from macros.steps.search_terms import MKDOCS_INDEX
from macros.tools.check import main as make_check
from tests.helpers import PROJECT, copy_project

# The pages docs/ holds (the site adds a 404 page): counted, so a new page does not break these tests.
PAGES = sum(1 for _ in (PROJECT / "docs").rglob("*.md"))


def files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_running_the_steps_again_changes_nothing(site_dir, tmp_path):
    again = tmp_path / "site"
    shutil.copytree(site_dir, again)
    result = subprocess.run([sys.executable, "-m", "macros.steps", str(again)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "search words in search/search_index.json" in result.stdout
    assert f"markup fixes and security policy on {PAGES} pages and the 404 page" in result.stdout
    assert files(again) == files(site_dir)
    changed = [name for name in files(site_dir) if not filecmp.cmp(site_dir / name, again / name, shallow=False)]
    assert not changed, changed


def test_the_steps_refuse_a_folder_that_is_not_a_site(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.steps", str(tmp_path / "nothing")], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 2 and "not a built site" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, seconds: float = 90) -> str:
    """GET a URL, waiting for the server to come up."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_mkdocs_serve_runs_the_same_steps():
    """Live reload keeps the policy and the search words (the hook calls macros.steps.run.run_steps)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=PROJECT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        index = json.loads(fetch(f"http://127.0.0.1:{port}/{MKDOCS_INDEX}"))
        page = fetch(f"http://127.0.0.1:{port}/letters/sick-notes.html")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert any("sicknote" in entry.get("keywords", "") for entry in index["docs"])
    assert page.count('http-equiv="Content-Security-Policy"') == 1


# --- a bare `mkdocs build` is the finished site ------------------------------------------------

@pytest.fixture(scope="module")
def bare_site(tmp_path_factory):
    """What an LMC's IT team gets from the command it knows: `mkdocs build`, no flag, no make
    (the folder comes from SITE_DIR, which mkdocs.yml reads)."""
    site = tmp_path_factory.mktemp("bare") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=PROJECT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_DIR": str(site)}, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return site, result.stdout + result.stderr


def test_a_bare_mkdocs_build_has_the_policy_the_search_words_and_the_markup_fixes(bare_site):
    site, log = bare_site
    pages = sorted(p for p in site.rglob("*.html"))
    assert len(pages) == PAGES + 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
        assert not re.search(r'<label class="md-nav__link[^"]*"[^>]*? tabindex=""', html), page
    index = json.loads((site / MKDOCS_INDEX).read_text(encoding="utf-8"))["docs"]
    keywords = {entry["location"]: entry.get("keywords", "") for entry in index}
    assert "DNA" in keywords["letters/dna-discharge.html"].split()
    assert "MED3" in keywords["letters/sick-notes.html"].split()
    assert sum(1 for words in keywords.values() if words) >= 50
    inline = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inline == "var __index = " + (site / MKDOCS_INDEX).read_text(encoding="utf-8"), "the file:// copy has the words too"
    assert missing_steps(site) == []
    assert f"markup fixes and security policy on {PAGES} pages and the 404 page" in log


def test_a_bare_mkdocs_build_is_the_site_the_tests_check(bare_site, site_dir):
    """`make build` (mkdocs build --strict --site-dir site) and a bare `mkdocs build` write the same bytes."""
    site, _log = bare_site
    assert files(site) == files(site_dir)
    changed = [name for name in files(site_dir) if not filecmp.cmp(site_dir / name, site / name, shallow=False)]
    assert not changed, changed


def test_the_build_registers_the_macros_module_once(bare_site):
    _site, log = bare_site
    assert log.count("Python module 'macros'") == 1, [line for line in log.splitlines() if "module" in line]


# --- a site without its steps never passes as finished ---------------------------------------

def test_a_finished_site_passes_and_a_site_without_its_steps_is_named(site_dir, tmp_path):
    assert missing_steps(site_dir) == []
    unfinished = tmp_path / "site"
    shutil.copytree(site_dir, unfinished)
    page = unfinished / "guidance" / "dental.html"
    page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8")), encoding="utf-8")
    index_file = unfinished / MKDOCS_INDEX
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for entry in index["docs"]:
        if entry["location"] == "letters/sick-notes.html":
            del entry["keywords"]
    index_file.write_text(json.dumps(index), encoding="utf-8")
    nav = unfinished / "about.html"
    nav.write_text(nav.read_text(encoding="utf-8").replace('<label class="md-nav__link"', '<label class="md-nav__link" tabindex=""', 1), encoding="utf-8")
    missing = missing_steps(unfinished)
    assert len(missing) == 4, missing
    assert "security policy" in missing[0] and f"1 of {PAGES + 1} pages have none (guidance/dental.html)" in missing[0]
    assert "search words in search/search_index.json" in missing[1] and "(letters/sick-notes.html)" in missing[1]
    assert "search/search_index.js" in missing[2], "the file:// copy no longer matches the index"
    assert "markup fixes" in missing[3] and "(about.html)" in missing[3]
    result = subprocess.run([sys.executable, "-m", "macros.steps.finished", str(unfinished)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 1 and "is not a finished site: the build steps did not run" in result.stderr
    assert "guidance/dental.html" in result.stderr and "macros/steps/hooks.py" in result.stderr


@pytest.fixture(scope="module")
def project_without_the_hook(tmp_path_factory):
    """A copy of the project whose mkdocs.yml lost its `hooks:` (as after a careless merge)."""
    project = copy_project(tmp_path_factory.mktemp("nohook"))
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "\nhooks:\n  - macros/steps/hooks.py\n" in text
    config.write_text(text.replace("\nhooks:\n  - macros/steps/hooks.py\n", "\n"))
    return project


def test_make_check_refuses_a_build_without_its_steps(project_without_the_hook, capsys):
    assert make_check(project_without_the_hook) == 1
    said = capsys.readouterr().out
    assert f"PROBLEM: the build steps did not run: the site lacks the security policy <meta>: {PAGES + 1} of {PAGES + 1} pages have none" in said
    assert "search words" in said and "markup fixes" in said and "hooks: - macros/steps/hooks.py" in said
    assert "All checks passed" not in said


def test_make_dist_refuses_a_site_without_its_steps():
    """`make dist` zips only a finished site: it runs the check between the build and the zip."""
    makefile = (PROJECT / "Makefile").read_text()
    dist = makefile.split("\ndist:", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in dist.splitlines()[1:]]
    assert lines[0] == "$(BIN)/python -m macros.steps.finished site", lines
    assert any("zipfile" in line for line in lines[1:])
