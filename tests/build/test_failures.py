"""Bad input fails the strict build, and the message names the file (and the field).

Each case breaks one thing in a throw-away copy of the project: (file, text to
find, what to put instead, pattern the output must contain). The text to
find may be a compiled pattern (its first match is replaced); `APPEND` adds the
new text at the end of the file instead of replacing; `DELETE` removes the file.
Both the build and `make check` must fail with the message, and never with a
traceback; every message is one the editors' guide explains.
"""
import re
import subprocess
import sys

import pytest

from tests.helpers import PROJECT, build_site, copy_project
from tests.unit.test_datafiles import bomb

APPEND = None
# The line of housing.yml's greeting, where two cases break the letter.
HOUSING_GREETING = next(
    number for number, line in enumerate((PROJECT / "macros/data/letters/housing.yml").read_text().splitlines(), 1)
    if line.startswith("greeting:")
)
DELETE = "delete"
# Nested aliases standing for 9**9 values (tests/unit/test_datafiles.py).
BOMB = bomb()
# The nav's first entry, whose line the error must name (found, so that editing mkdocs.yml above it
# does not break the case).
HOME_LINE = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("  - Home: index.md") + 1
CASES = {
    "broken macro call": ("docs/about.md", APPEND, "{{ lmc_directory(colour='red') }}", r"about\.md"),
    "undefined variable": ("docs/about.md", APPEND, "{{ lmc.fax_number }}", r"about\.md"),
    "broken internal link": (
        "docs/about.md", APPEND, "[gone](no-such-page.md)",
        r"docs/about\.md, line \d+: links to no-such-page\.md, but there is no docs/no-such-page\.md",
    ),
    "broken anchor": (
        "docs/about.md", APPEND, "[gone](support/index.md#no-such-heading)",
        r"docs/about\.md, line \d+: links to support/index\.md#no-such-heading, but docs/support/index\.md has no heading or anchor",
    ),
    "broken variant anchor": ("docs/about.md", APPEND, "[MED3](letters/trust-tasks.md#task-med3)", r"docs/about\.md, line \d+: .*#task-med3"),
    "script in a page": ("docs/about.md", APPEND, "<script>alert(1)</script>", r"docs/about\.md, line \d+: has a <script> element"),
    "event handler in a page": (
        "docs/about.md", APPEND, '<button onclick="alert(1)">Go</button>', r"docs/about\.md, line \d+: has an inline event handler",
    ),
    "javascript link in a page": ("docs/about.md", APPEND, "[Go](javascript:alert(1))", r"docs/about\.md, line \d+: has a javascript: address"),
    "search words on a letter's page": (
        "docs/letters/housing.md", "render_macros: true", "render_macros: true\nsearch_terms: [council]",
        r"docs/letters/housing\.md.*search_terms.*macros/data/letters/housing\.yml: keep them there only",
    ),
    "script in letter data": (
        "macros/data/letters/housing.yml", "Dear [Recipient name]", "<script>alert(1)</script>Dear [Recipient name]",
        rf"macros/data/letters/housing\.yml, line {HOUSING_GREETING}: has a <script> element",
    ),
    "javascript address in poster data": (
        "macros/data/posters/dental.yml", re.compile(r"url: https://\S+"), "url: javascript:alert(1)",
        r"macros/data/posters/dental\.yml, line \d+: has a javascript: address",
    ),
    "page shows a letter whose file was deleted": (
        "macros/data/letters/housing.yml", DELETE, None,
        r'docs/letters/housing\.md, line \d+: shows letter\("housing"\), but there is no macros/data/letters/housing\.yml',
    ),
    "tab in a data file": (
        "macros/data/lmcs.yml", "  - name: North Central London", "\t- name: North Central London",
        r"macros/data/lmcs\.yml, line \d+: malformed YAML: a tab is used for indenting: YAML indents with spaces only",
    ),
    "tab in front matter": (
        "docs/about.md", "description:", "\tdescription:",
        r"docs/about\.md, line \d+: malformed front matter: a tab is used for indenting",
    ),
    "date that is not a date": (
        "docs/about.md", re.compile(r"last_reviewed: .*\n"), "last_reviewed: 2026-13-45\n",
        r"docs/about\.md, line \d+: field `last_reviewed`: is not a date: write it as YYYY-MM-DD",
    ),
    "letter id in the wrong form": (
        "macros/data/letters/housing.yml", "id: housing", "id: Housing Letter",
        r"macros/data/letters/housing\.yml, line 2: field `id`: is not written in the expected form — the file name",
    ),
    "unknown letter group": (
        "macros/data/letters/housing.yml", "group: organisations", "group: schools",
        r"macros/data/letters/housing\.yml, line \d+: field `group`: must be one of 'nhs', 'private'",
    ),
    "letter that answers a request but names no task": (
        "macros/data/letters/housing.yml", re.compile(r"\ntask: .*"), "",
        r"macros/data/letters/housing\.yml, line \d+: `task` is missing: say what the practice was asked to do",
    ),
    "suggested organisation of an unknown kind": (
        "macros/data/organisations.yml", "kind: ambulance", "kind: hospital",
        r"macros/data/organisations\.yml, line \d+: field `organisations\.\d+\.kind`: must be one of 'acute'",
    ),
    "suggested organisation without a source date": (
        "macros/data/organisations.yml", re.compile(r"\n      accessed: 24 November 2026"), "",
        r"macros/data/organisations\.yml, line \d+: field `organisations\.0\.source`: has no date",
    ),
    "report code used twice": (
        "macros/data/transfers.yml", "{code: other, label: Another way}", "{code: phone, label: Another way}",
        r"macros/data/transfers\.yml, line \d+: field `arrived_by`: a code listed twice: phone",
    ),
    "report page deleted": (
        "docs/support/report-a-transfer.md", DELETE, None,
        r"docs/support/report-a-transfer\.md: is missing: every letter links to it",
    ),
    "invitation missing its greeting": (
        "macros/data/invitations/invitation.yml", "\ngreeting:", "\ngreetings:",
        r"macros/data/invitations/invitation\.yml, line \d+: field `greeting`: is missing",
    ),
    "shared letter field without a label": (
        "macros/data/letter_fields.yml", "label: Practice name,", 'label: "",',
        r"macros/data/letter_fields\.yml, line \d+: field `fields\.0\.label`: is empty",
    ),
    "patient field marked to be remembered": (
        "macros/data/letter_fields.yml", "{name: nhs_number, label: NHS number, identifying: true,", "{name: nhs_number, label: NHS number, identifying: true, remember: practice,",
        r"macros/data/letter_fields\.yml, line \d+: field `fields\.7`: .*`nhs_number` identifies the patient .* can never be remembered",
    ),
    "standard field used but not listed": (
        "macros/data/letters/housing.yml", "[Patient name]", "[NHS number]",
        r"macros/data/letters/housing\.yml, line \d+: field `.*`: uses \[NHS number\], a standard field the letter does not list: add `nhs_number` to its `standard_fields`",
    ),
    "malformed data": (
        "macros/data/lmcs.yml", "  - name: North Central London", "  - name: [North Central London",
        r"macros/data/lmcs\.yml, line \d+: malformed YAML",
    ),
    "invalid data field": (
        "macros/data/lmcs.yml", "{name: Barnet, lmc: Londonwide LMCs}", "{name: Barnet}",
        r"macros/data/lmcs\.yml.*icbs\.0\.boroughs\.0\.lmc",
    ),
    "bad contact in config": ("mkdocs.yml", '    email: ""', '    email: "not an email"', r"mkdocs\.yml, line \d+: field `extra\.lmc\.email`: is not an email address"),
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
    # Issue 30: easy read and translations.
    "easy-read line over the word limit": (
        "macros/data/posters/dental.yml", re.compile(r'text: "GPs do not treat teeth and gums\."'),
        'text: "GPs are not trained or paid to treat your teeth and your gums, so please see a dentist instead."',
        r"macros/data/posters/dental\.yml, line \d+: field `easy_read\.lines\.0\.text`: .*an easy-read line has at most 15",
    ),
    "easy-read picture not in the icon set": (
        "macros/data/posters/dental.yml", "icon: tooth,", "icon: molar-of-doom,",
        r"macros/data/posters/dental\.yml, line \d+: field `easy_read\.lines\.1\.icon`: .*is not an icon in Material Design Icons",
    ),
    "translation check naming a person's email": (
        "macros/data/posters/hospital.yml", "check: unchecked", 'check: {checked_by: "a.translator@example.org", checked_on: 2026-11-20}',
        r"macros/data/posters/hospital\.yml, line \d+: field `translations\.0\.check.*checked_by`: .*email address, phone number or web address",
    ),
    "guidance page missing a section": (
        "docs/guidance/dental.md", "## What the practice need not do", "## Other things",
        r"docs/guidance/dental\.md: has no `## What the practice need not do` section",
    ),
    # Issue 26: what a hostile or mistaken value would do, refused at its source.
    "script in a page title": (
        "docs/about.md", re.compile(r"title: .*\n"), "title: '<script>window.__marker = 1</script>'\n",
        r"docs/about\.md, line 2: field `title`: has <, which this field may not hold",
    ),
    "quote in a page description that would close an attribute": (
        "docs/about.md", re.compile(r"description: .*\n"), "description: 'Who we are\" onfocus=\"x()'\n",
        r"docs/about\.md, line 3: field `description`: has \", which this field may not hold",
    ),
    "script in the site's name": (
        "mkdocs.yml", "site_name: Safe working pack", "site_name: Safe <script>window.__marker = 1</script>",
        r"mkdocs\.yml, line 8: field `site_name`: has <, which this field may not hold",
    ),
    "script in the LMC's name": (
        "mkdocs.yml", "    name: Londonwide LMCs", "    name: Londonwide <script>window.__marker = 1</script>",
        r"mkdocs\.yml, line \d+: field `extra\.lmc\.name`: has <, which this field may not hold",
    ),
    "markup in a menu title": (
        "mkdocs.yml", "  - Home: index.md", "  - Home<img src=x>: index.md",
        rf"mkdocs\.yml, line {HOME_LINE}: field `nav \(Home<img src=x>\)`: has <, which this field may not hold",
    ),
    "LMC website over plain http": (
        "mkdocs.yml", "website: https://www.lmc.org.uk", "website: http://www.lmc.org.uk",
        r"mkdocs\.yml, line 126: field `extra\.lmc\.website`: must start with https://",
    ),
    "logo from another site": (
        "mkdocs.yml", '    logo: ""', "    logo: https://example.org/logo.svg",
        r"mkdocs\.yml, line 130: field `extra\.lmc\.logo`: must be a file under docs/.*never a web address",
    ),
    "logo outside docs": (
        "mkdocs.yml", '    logo: ""', "    logo: ../README.svg",
        r"mkdocs\.yml, line 130: field `extra\.lmc\.logo`: must be a file under docs/.*a path outside docs/",
    ),
    "logo with a quote in it": (
        "mkdocs.yml", '    logo: ""', "    logo: 'logo.svg\" onerror=\"x()'",
        r"mkdocs\.yml, line 130: field `extra\.lmc\.logo`: has \", which this field may not hold",
    ),
    "logo that is not there": (
        "mkdocs.yml", '    logo: ""', "    logo: assets/images/logo.svg",
        r"mkdocs\.yml, line 130: field `extra\.lmc\.logo`: names assets/images/logo\.svg, which is not a file in docs/",
    ),
    "refresh to another site in a page": (
        "docs/about.md", APPEND, '<meta http-equiv="refresh" content="0; url=https://example.org">',
        r"docs/about\.md, line \d+: has a <meta> element",
    ),
    "form in a page": ("docs/about.md", APPEND, '<form action="https://example.org"><input name="q"></form>', r"docs/about\.md, line \d+: has a <form>"),
    "style with an outside address in letter data": (
        "macros/data/letters/housing.yml", "Dear [Recipient name]", '<span style=\\"background:url(https://example.org/t.png)\\">x</span>Dear [Recipient name]',
        rf"macros/data/letters/housing\.yml, line {HOUSING_GREETING}: has a style attribute that loads an address",
    ),
    "javascript link written with an entity": (
        "docs/about.md", APPEND, "[Go](&#106;avascript:alert(1))", r"docs/about\.md, line \d+: has a javascript: address",
    ),
    "data: address in poster data": (
        "macros/data/posters/dental.yml", re.compile(r"url: https://\S+"), "url: data:text/html;base64,PHNjcmlwdD4=",
        r"macros/data/posters/dental\.yml, line \d+: has a data: address",
    ),
    "field written twice in letter data": (
        "macros/data/letters/housing.yml", APPEND, "title: Another title",
        r"macros/data/letters/housing\.yml, line \d+: the field `title` is written twice in the same group",
    ),
    "field written twice in front matter": (
        "docs/about.md", "last_reviewed:", "title: Another title\nlast_reviewed:",
        r"docs/about\.md, line 4: the field `title` is written twice in the same group",
    ),
    "field written twice in mkdocs.yml": (
        "mkdocs.yml", "site_name: Safe working pack\n", "site_name: Safe working pack\nsite_name: Another pack\n",
        r"mkdocs\.yml, line 9: the field `site_name` is written twice in the same group",
    ),
    "anchor bomb in mkdocs.yml": (
        "mkdocs.yml", "extra:\n", "extra:\n" + "".join(f"  {line}\n" for line in BOMB.splitlines()),
        r"mkdocs\.yml, line \d+: its aliases \(\*\w and others\) repeat more than 1000 values",
    ),
    "malformed topics file": (
        "macros/data/topics.yml", "  records: Medical records", "  records: [Medical records",
        r"macros/data/topics\.yml, line 1[23]: malformed YAML",
    ),
    "YAML tag in the topics file": (
        "macros/data/topics.yml", "  records: Medical records, online access and disclosure", "  records: !!python/object/apply:os.system [id]",
        r"macros/data/topics\.yml, line 12: uses the YAML tag `tag:yaml\.org,2002:python/object/apply:os\.system`",
    ),
    "second title on a page": ("docs/about.md", APPEND, "# Another title", r"docs/about\.md, line \d+: has a second title"),
    "second title on a guidance page": (
        "docs/guidance/dental.md", "\n\n## In short", "\n\n# Dental care\n\n## In short",
        r"docs/guidance/dental\.md, line 40: has a second title \(a top-level `# …` heading\)",
    ),
    "unknown topic tag": (
        "docs/letters/housing.md", "tags: [housing, fees]", "tags: [housing, gardening]",
        r"docs/letters/housing\.md: field `tags\.1`",
    ),
}


def break_one_thing(project, case):
    path, old, new, _ = CASES[case]
    target = project / path
    text = target.read_text()
    if old is DELETE:
        target.unlink()
    elif old is APPEND:
        target.write_text(text + "\n" + new + "\n")
    elif isinstance(old, re.Pattern):
        assert old.search(text), f"{case}: the test no longer matches {path}"
        target.write_text(old.sub(new.replace("\\", "\\\\"), text, count=1))
    else:
        assert old in text, f"{case}: the test no longer matches {path}"
        target.write_text(text.replace(old, new, 1))


def guide_phrases() -> list[str]:
    """The messages the editors' guide explains, in its "When `make check` says" table."""
    guide = (PROJECT / "CONTRIBUTING.md").read_text()
    section = guide.split("## When `make check` says")[1].split("\n## ")[0]
    return [phrase.strip() for phrase in re.findall(r"^\| (.+?) \| ", section, re.M)][2:]  # after the header rows


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_and_make_check_naming_the_file(tmp_path, case):
    expected = CASES[case][3]
    project = copy_project(tmp_path / "project")
    break_one_thing(project, case)
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed"
    assert re.search(expected, log), f"{case}: {expected!r} not in\n{log[-2000:]}"
    assert "Traceback" not in log, f"{case}: a traceback reached the editor\n{log[-3000:]}"
    check = subprocess.run([sys.executable, "-m", "macros.tools.check"], cwd=project, capture_output=True, text=True, timeout=300)
    said = check.stdout + check.stderr
    assert check.returncode != 0, f"{case}: make check passed"
    assert re.search(expected, said), f"{case}: make check did not say {expected!r}:\n{said[-2000:]}"
    assert "Traceback" not in said
    assert any(phrase in said for phrase in guide_phrases()), f"{case}: CONTRIBUTING.md does not explain\n{said[-1500:]}"


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


def test_html_in_letter_text_warns_and_shows_what_the_letter_prints(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "macros/data/letters/housing.yml"
    target.write_text(target.read_text().replace('greeting: "Dear [Recipient name],"', 'greeting: "Dear <b>[Recipient name]</b>,"'))
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-2000:]
    expected = (f'macros/data/letters/housing.yml, line {HOUSING_GREETING}: field `greeting`: has HTML or template code (<b>), which a letter '
                'prints exactly as written, on the page and in Word. It will show: "Dear <b>[Recipient name]</b>,"')
    assert expected in log
    assert "Dear &lt;b&gt;" in (tmp_path / "site" / "letters" / "housing.html").read_text(), "printed as text"
    check = subprocess.run([sys.executable, "-m", "macros.tools.check"], cwd=project, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and f"WARNING: {expected}" in check.stdout, check.stdout[-2000:]


def build_and_check(project, site):
    """The build's log and `make check`'s output, each with its return code."""
    result = build_site(project, site)
    check = subprocess.run([sys.executable, "-m", "macros.tools.check"], cwd=project, capture_output=True, text=True, timeout=300)
    return (result.returncode, result.stdout + result.stderr), (check.returncode, check.stdout + check.stderr)


SECRET = "PRIVATE KEY, never to be published"
LINKS = {
    "a file outside the project": ("docs/assets/key.txt", lambda outside, project: outside / "id_rsa",
                                   "outside the project's own files"),
    "a folder outside the project": ("docs/etc", lambda outside, project: outside, "outside the project's own files"),
    "a file outside, in the theme folder": ("overrides/key.txt", lambda outside, project: outside / "id_rsa",
                                            "outside the project's own files"),
    "a file outside, among the data": ("macros/data/key.yml", lambda outside, project: outside / "id_rsa",
                                       "outside the project's own files"),
    "the system's password file": ("docs/passwd.txt", lambda outside, project: "/etc/passwd", "outside the project's own files"),
    "nothing (a dangling link)": ("docs/gone.md", lambda outside, project: project / "docs" / "nowhere.md", "which does not exist"),
    "itself (a loop)": ("docs/loop.md", lambda outside, project: project / "docs" / "loop.md", "leads round in a loop"),
    "the folder that holds it": ("docs/assets/up", lambda outside, project: project / "docs", "a folder that holds the link itself"),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_link_to_outside_nowhere_or_a_loop_is_named_before_anything_is_copied(tmp_path, case):
    link, target, says = LINKS[case]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "id_rsa").write_text(SECRET + "\n")
    project = copy_project(tmp_path / "project")
    (project / link).symlink_to(target(outside, project))
    site = tmp_path / "site"
    (build, log), (check, said) = build_and_check(project, site)
    expected = f"{link}: is a link to "
    assert build != 0 and expected in log and says in log, log[-2000:]
    assert check != 0 and expected in said and says in said, said[-2000:]
    assert "Traceback" not in log + said
    copied = [p for p in site.rglob("*")] if site.exists() else []
    assert copied == [], f"the generator copied files before the check stopped it: {copied[:5]}"
    assert any(phrase in said for phrase in guide_phrases())
    # What `make zensical` runs before Zensical, which copies docs/ before it runs our macros.
    preflight = subprocess.run([sys.executable, "-m", "macros.tools.preflight"], cwd=project, capture_output=True, text=True)
    assert preflight.returncode == 1 and preflight.stderr.startswith(expected) and "Traceback" not in preflight.stderr


def test_mkdocs_yml_saved_as_utf16_is_named_by_the_build_and_make_check(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_bytes(config.read_text().encode("utf-16"))
    (build, log), (check, said) = build_and_check(project, tmp_path / "site")
    for code, output in ((build, log), (check, said)):
        assert code != 0 and "mkdocs.yml, line 1: is not saved as UTF-8" in output, output[-2000:]
        assert "Traceback" not in output


def test_mkdocs_yml_badly_indented_is_named_with_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace("    name: Londonwide LMCs", "   name: Londonwide LMCs"))
    line = text[: text.index("    tagline:")].count("\n") + 1
    (build, log), (check, said) = build_and_check(project, tmp_path / "site")
    assert build != 0 and f'mkdocs.yml", line {line}' in log, log[-2000:]  # MkDocs' own message, before any hook
    assert check != 0 and f"mkdocs.yml, line {line}: malformed YAML" in said, said[-2000:]
    assert "Traceback" not in log + said


def test_a_page_saved_with_windows_line_ends_builds_and_its_mistakes_are_named(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    text = page.read_text()
    page.write_bytes(text.replace("\n", "\r\n").encode())
    (build, log), (check, said) = build_and_check(project, tmp_path / "site")
    assert build == 0 and check == 0, (log + said)[-2000:]
    page.write_bytes(re.sub(r"last_reviewed: .*\n", "", text, count=1).replace("\n", "\r\n").encode())
    (build, log), (check, said) = build_and_check(project, tmp_path / "site2")
    for code, output in ((build, log), (check, said)):
        assert code != 0 and re.search(r"docs/about\.md, line \d+: field `last_reviewed`: is missing", output), output[-2000:]
        assert "has no front matter" not in output
