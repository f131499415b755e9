"""The build steps (macros/steps/run.py) run after the generator, whichever it is:
`make build`, `make dist` and `make zensical` call them on the finished site, and under
`mkdocs serve` the hook calls the same function after each rebuild."""
from __future__ import annotations

import filecmp
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from macros.steps.search_terms import MKDOCS_INDEX
from tests.helpers import PROJECT


def files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_running_the_steps_again_changes_nothing(site_dir, tmp_path):
    again = tmp_path / "site"
    shutil.copytree(site_dir, again)
    result = subprocess.run([sys.executable, "-m", "macros.steps", str(again)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "search words added to search/search_index.json" in result.stdout
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
