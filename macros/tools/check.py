"""`make check`: the editors' check, with no browser.

1. Reads and checks mkdocs.yml, the links in docs/, macros/data/ and overrides/, every
   page's front matter and every data file (a few seconds, even at ten times today's pack).
2. Lists drafts, pages overdue for review, poster translations not yet checked, and suggested
   organisations (organisations.yml) whose name was last checked over a year ago.
3. Runs the strict MkDocs build (broken links, anchors, macro calls), and checks that the
   build steps ran on the site it wrote (macros/steps/finished.py: security policy, search
   words, markup fixes), as they do from the hook in mkdocs.yml: it costs what a build
   costs, so it says so before it starts. `make check-fast` (`--fast`) stops after 2.
Exits non-zero if 1 or 3 fails; drafts, overdue reviews and unchecked translations are reported only.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from macros.content.config_file import read_config_file
from macros.content.load import load_content
from macros.content.datafiles import PROJECT_DIR
from macros.content.errors import ContentError
from macros.content.letters import INVITATIONS_DIR, LETTERS_DIR, markup_warnings
from macros.content.posters import unchecked_translations
from macros.content.contract_year import today as default_today
from macros.content.transfers import stale_organisations
from macros.steps.finished import HOW_TO_FINISH, missing_steps
from macros.tools.report import flagged, review_rows


def mkdocs_extra(config_file: Path) -> dict:
    """`extra:` from mkdocs.yml, once the file is checked (macros/content/config_file.py)."""
    return read_config_file(config_file).get("extra") or {}


def strict_build(project: Path) -> tuple[subprocess.CompletedProcess, list[str]]:
    """The strict build's result and, if it passed, what the site it wrote lacks of the build steps."""
    with tempfile.TemporaryDirectory() as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        missing = missing_steps(Path(site), project / "docs") if result.returncode == 0 else []
        return result, missing


def build_problems(output: str) -> list[str]:
    """The lines of a build log that say what went wrong, without the logger's prefix."""
    lines = [line.strip() for line in output.splitlines()]
    found = [line for line in lines if line.startswith(("WARNING", "ERROR")) or "Error:" in line][:20]
    return [re.sub(r"^(WARNING|ERROR)\s+-\s+", "", line) for line in found]


def main(project: Path = PROJECT_DIR, today: date | None = None, fast: bool = False) -> int:
    started = time.perf_counter()
    print("1. Checking pages and data files ...", flush=True)
    try:
        content = load_content(project / "docs", mkdocs_extra(project / "mkdocs.yml"))
    except ContentError as error:
        print(f"   PROBLEM: {error}")
        return 1
    print(f"   ok: {len(content.pages)} pages, {len(content.letters)} letters, {len(content.posters)} posters "
          f"(the site adds a 404 page; {time.perf_counter() - started:.1f} s)")
    for warning in markup_warnings(content.letters, LETTERS_DIR) + markup_warnings(content.invitations, INVITATIONS_DIR):
        print(f"   WARNING: {warning}")
    print("2. Drafts, reviews and translations ...")
    drafts = content.drafts()
    for draft in drafts:
        print(f"   DRAFT: {draft} (set `draft: false` once it is written and reviewed)")
    late = flagged(review_rows(content.pages, today or default_today()))
    for row in late:
        print(f"   {row['status']}: docs/{row['path']}: {row['why']}")
    stale = stale_organisations(content.organisations, today or default_today())
    for org in stale:
        print(f"   CHECK NAME: macros/data/organisations.yml: {org.name}: last checked {org.checked:%-d %B %Y}, over a year ago. "
              "Confirm the name on its own site (mergers happen), then update `checked`.")
    unchecked = unchecked_translations(content.posters)
    for line in unchecked:
        print(f"   UNCHECKED: {line} (it prints with a band saying so until `check:` records who checked it)")
    if not drafts and not late and not stale and not unchecked:
        print("   ok: no drafts, nothing overdue, every translation checked")
    if fast:
        print("Pages and data files are fine. Links, anchors and macro calls are checked by the full build: "
              "run `make check` (or `make build`) before you publish.")
        return 0
    print("3. Building the whole site strictly (links, anchors, macro calls): this takes as long as a build ...", flush=True)
    building = time.perf_counter()
    result, missing = strict_build(project)
    if result.returncode != 0:
        for line in build_problems(result.stdout + result.stderr) or [(result.stdout + result.stderr)[-2000:]]:
            print(f"   PROBLEM: {line}")
        return 1
    if missing:
        for item in missing:
            print(f"   PROBLEM: the build steps did not run: the site lacks {item}")
        print(f"   {HOW_TO_FINISH}.")
        return 1
    print(f"   ok: the site builds, with its security policy, search words and markup fixes ({time.perf_counter() - building:.1f} s)")
    print("All checks passed." if not drafts else f"All checks passed; {len(drafts)} draft(s) to finish.")
    return 0


if __name__ == "__main__":
    sys.exit(main(fast="--fast" in sys.argv[1:]))
