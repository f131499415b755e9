"""Bad input fails the strict build, and the message names the file (and the field).

Each case breaks one thing in a throw-away copy of the project: (file, text to
find, what to put instead, pattern the build output must contain). The text to
find may be a compiled pattern (its first match is replaced); `APPEND` adds the
new text at the end of the file instead of replacing.
"""
import re

import pytest

from tests.helpers import build_site, copy_project

APPEND = None
CASES = {
    "broken macro call": ("docs/about.md", APPEND, "{{ lmc_directory(colour='red') }}", r"about\.md"),
    "undefined variable": ("docs/about.md", APPEND, "{{ lmc.fax_number }}", r"about\.md"),
    "broken internal link": ("docs/about.md", APPEND, "[gone](no-such-page.md)", r"about\.md.*no-such-page\.md"),
    "broken anchor": ("docs/about.md", APPEND, "[gone](support/index.md#no-such-heading)", r"no-such-heading"),
    "broken variant anchor": ("docs/about.md", APPEND, "[MED3](letters/trust-tasks.md#task-med3)", r"task-med3"),
    "malformed data": (
        "macros/data/lmcs.yml", "  - name: North Central London", "  - name: [North Central London",
        r"macros/data/lmcs\.yml, line \d+: malformed YAML",
    ),
    "invalid data field": (
        "macros/data/lmcs.yml", "{name: Barnet, lmc: Londonwide LMCs}", "{name: Barnet}",
        r"macros/data/lmcs\.yml.*icbs\.0\.boroughs\.0\.lmc",
    ),
    "bad contact in config": ("mkdocs.yml", '    email: ""', '    email: "not an email"', r"mkdocs\.yml: field `lmc\.email`"),
    "page without review date": (
        "docs/about.md", re.compile(r"last_reviewed: .*\n"), "", r"docs/about\.md, line \d+: field `last_reviewed`: is missing",
    ),
    "page source without an address": (
        "docs/guidance/dental.md", re.compile(r"    url: https://\S+\n"), "",
        r"docs/guidance/dental\.md, line \d+: field `sources\.\d+`: has no `url`",
    ),
    "letter source without an address": (
        "macros/data/letters/housing.yml", re.compile(r"    url: https://\S+\n"), "",
        r"macros/data/letters/housing\.yml, line \d+: field `sources\.\d+`: has no `url`",
    ),
    "poster source with a plain http address": (
        "macros/data/posters/dental.yml", re.compile(r"url: https://"), "url: http://",
        r"macros/data/posters/dental\.yml, line \d+: field `sources\.\d+\.url`",
    ),
    "source date written as an ISO date": (
        "docs/guidance/dental.md", re.compile(r"(accessed|updated|published): .*\n"), "accessed: 2026-11-24\n",
        r"docs/guidance/dental\.md, line \d+: field `sources\.\d+\.accessed`: .*write it like \"29 April 2026\"",
    ),
    "sources heading in a page's text": (
        "docs/about.md", APPEND, "## Sources\n\n- Someone, something (2026).",
        r"docs/about\.md, line \d+: has a `## Sources` heading in its text",
    ),
    "guidance page without a contract year": (
        "docs/guidance/dental.md", re.compile(r"contract_year: .*\n"), "",
        r"docs/guidance/dental\.md: field `contract_year`: is missing",
    ),
    "letter page without a contract year": (
        "docs/letters/housing.md", re.compile(r"contract_year: .*\n"), "",
        r"docs/letters/housing\.md: field `contract_year`: is missing",
    ),
    "guidance answer in several sentences": (
        "docs/guidance/dental.md", re.compile(r"\n\n## In short"), " It has a second sentence.\n\n## In short",
        r"docs/guidance/dental\.md: opens with 2 sentences",
    ),
    "page calls a macro without opting in": (
        "docs/letters/housing.md", "render_macros: true\n", "",
        r"docs/letters/housing\.md, line \d+: calls a macro .* no `render_macros: true`",
    ),
    "review date in the future": (
        "docs/about.md", re.compile(r"last_reviewed: .*\n"), "last_reviewed: 2030-01-01\n",
        r"docs/about\.md, line \d+: field `last_reviewed`: 2030-01-01 is in the future",
    ),
    "review due before the review": (
        "docs/guidance/dental.md", re.compile(r"review_due: .*\n"), "review_due: 2026-01-01\n",
        r"docs/guidance/dental\.md.*review_due \(2026-01-01\) must come after last_reviewed",
    ),
    "unknown letter variant": (
        "docs/letters/trust-tasks.md", 'letter("trust-tasks")', 'letter("trust-tasks", ticked=["sick-note"])',
        r"trust-tasks.*has no variant `sick-note`",
    ),
    "undeclared placeholder": (
        "macros/data/letters/housing.yml", "[Patient name]", "[Patients name]",
        r"macros/data/letters/housing\.yml, line \d+: field `.*\[Patients name\], which is not a declared field",
    ),
    "missing letter field": (
        "macros/data/letters/housing.yml", "\nrule:", "\nrulez:",
        r"macros/data/letters/housing\.yml, line \d+: field `rule`: is missing — the rule",
    ),
    "poster over the word limit": (
        "macros/data/posters/dental.yml", "message: >-\n", "message: >-\n  " + "far too long " * 25 + "\n",
        r"macros/data/posters/dental\.yml, line \d+: field `message`: .*has \d+ words",
    ),
    "guidance page missing a section": (
        "docs/guidance/dental.md", "## What the practice need not do", "## Other things",
        r"docs/guidance/dental\.md: has no `## What the practice need not do` section",
    ),
    "unknown topic tag": (
        "docs/letters/housing.md", "tags: [housing, fees]", "tags: [housing, gardening]",
        r"docs/letters/housing\.md: field `tags\.1`",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_naming_the_file(tmp_path, case):
    path, old, new, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    target = project / path
    text = target.read_text()
    if old is APPEND:
        target.write_text(text + "\n" + new + "\n")
    elif isinstance(old, re.Pattern):
        assert old.search(text), f"{case}: the test no longer matches {path}"
        target.write_text(old.sub(new.replace("\\", "\\\\"), text, count=1))
    else:
        assert old in text, f"{case}: the test no longer matches {path}"
        target.write_text(text.replace(old, new, 1))
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed"
    assert re.search(expected, log), f"{case}: {expected!r} not in\n{log[-2000:]}"


@pytest.mark.parametrize(
    "encode, line",
    [(lambda text: text.encode("utf-16"), 1), (lambda text: text.replace("Dear", "\u2019Dear", 1).encode("cp1252"), None)],
    ids=["utf-16", "windows curly quote"],
)
def test_a_data_file_not_saved_as_utf8_is_named_without_a_traceback(tmp_path, encode, line):
    project = copy_project(tmp_path / "project")
    target = project / "macros/data/letters/housing.yml"
    text = target.read_text()
    target.write_bytes(encode(text))
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    expected = line or text[: text.index("Dear")].count("\n") + 1
    assert f"macros/data/letters/housing.yml, line {expected}: is not saved as UTF-8" in log, log[-1500:]
    assert "Traceback" not in log


def test_a_letter_cannot_take_the_invitations_id(tmp_path):
    project = copy_project(tmp_path / "project")
    invitation = (project / "macros/data/invitations/invitation.yml").read_text()
    (project / "macros/data/letters/invitation.yml").write_text(invitation)
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "macros/data/letters/invitation.yml, line 2: field `id`: `invitation` is also the id of macros/data/invitations/invitation.yml" in log, log[-1500:]
