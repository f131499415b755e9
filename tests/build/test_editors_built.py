"""Editors' workflow on a throw-away copy: scaffolds build as drafts, and
`make check` names the file and the field for each kind of mistake."""
import os
import subprocess
import sys

import pytest

from tests.helpers import build_site, copy_project


def run(project, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})},
    )


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_check_passes_on_the_shipped_content(project):
    result = run(project, "macros.tools.check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed." in result.stdout and "DRAFT" not in result.stdout


def test_check_lists_pages_whose_contract_year_has_ended(project):
    result = run(project, "macros.tools.check", env={"SWP_TODAY": "2027-04-02"})
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for page in ("docs/guidance/dental.md", "docs/letters/housing.md", "docs/contract-2026-27.md"):
        assert f"CONTRACT YEAR: {page}: written for the 2026/27 contract; 2027/28 has begun" in out, out
    today = run(project, "macros.tools.report", env={"SWP_TODAY": "2026-11-24"})
    assert "CONTRACT YEAR" not in today.stdout


@pytest.mark.parametrize("kind, page", [("letter", "letters"), ("poster", "posters"), ("guidance", "guidance")])
def test_scaffold_builds_at_once_and_is_listed_as_a_draft(project, kind, page):
    made = run(project, "macros.tools.scaffold", kind, "new-thing")
    assert made.returncode == 0, made.stdout + made.stderr
    assert f"      - {page}/new-thing.md" in (project / "mkdocs.yml").read_text()
    result = run(project, "macros.tools.check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"DRAFT: docs/{page}/new-thing.md" in result.stdout
    built = project / "site-check"
    build = build_site(project, built)
    assert build.returncode == 0, build.stdout + build.stderr
    assert 'class="swp-draft"' in (built / page / "new-thing.html").read_text()


def test_scaffold_refuses_a_bad_or_taken_id(project):
    assert run(project, "macros.tools.scaffold", "letter", "Bad ID").returncode != 0
    taken = run(project, "macros.tools.scaffold", "letter", "housing")
    assert taken.returncode != 0 and "already exists" in taken.stderr


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


CASES = {
    "malformed YAML": ("macros/data/letters/housing.yml", "id: housing", "id: [housing", "macros/data/letters/housing.yml, line"),
    "missing field": ("macros/data/posters/dental.yml", "call_to_action:", "call_to_actoin:", "macros/data/posters/dental.yml, line"),
    "placeholder not declared": ("macros/data/letters/housing.yml", "[Patient name]", "[Patient]", "[Patient], which is not a declared field"),
    "front matter missing a date": ("docs/guidance/dental.md", "last_reviewed: 2026-11-24\n", "", "docs/guidance/dental.md, line"),
    "unknown topic": ("docs/guidance/dental.md", "tags: [dental]", "tags: [teeth]", "docs/guidance/dental.md: field `tags.0`"),
    "review dates disagree": ("docs/letters/housing.md", "last_reviewed: 2026-11-24", "last_reviewed: 2026-11-01", "docs/letters/housing.md: field `last_reviewed`"),
    "broken link": ("docs/about.md", "## Contact", "[gone](nowhere.md)\n\n## Contact", "nowhere.md"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_names_the_file_and_field(project, case):
    path, old, new, expected = CASES[case]
    edit(project / path, old, new)
    result = run(project, "macros.tools.check")
    assert result.returncode == 1
    assert "PROBLEM" in result.stdout and expected in result.stdout, result.stdout


FAST_CASES = sorted(case for case in CASES if case != "broken link")  # links need the build


@pytest.mark.parametrize("case", FAST_CASES)
def test_check_fast_names_a_content_mistake_without_building(project, case):
    """`make check-fast` (after every edit) catches what the content checks catch, and never builds."""
    path, old, new, expected = CASES[case]
    edit(project / path, old, new)
    result = run(project, "macros.tools.check", "--fast")
    assert result.returncode == 1
    assert "PROBLEM" in result.stdout and expected in result.stdout, result.stdout
    assert "Building" not in result.stdout


def test_check_fast_passes_the_shipped_content_and_says_what_it_left_to_the_build(project):
    result = run(project, "macros.tools.check", "--fast")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Building" not in result.stdout and not (project / "site").exists()
    assert "Links, anchors and macro calls are checked by the full build: run `make check`" in result.stdout
