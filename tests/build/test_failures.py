"""Bad input fails the strict build, and the message names the file."""
import re

from tests.helpers import build_site, copy_project


def failing_build(tmp_path):
    project = copy_project(tmp_path / "project")
    return project, lambda: build_site(project, tmp_path / "site")


def output(result):
    return result.stdout + result.stderr


def test_broken_macro_call_fails_and_names_the_page(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n{{ lmc_directory(colour='red') }}\n")
    result = build()
    assert result.returncode != 0
    assert "about.md" in output(result)


def test_undefined_variable_fails(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n{{ lmc.fax_number }}\n")
    result = build()
    assert result.returncode != 0
    assert "about.md" in output(result)


def test_broken_internal_link_fails_and_names_the_page(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n[gone](no-such-page.md)\n")
    result = build()
    assert result.returncode != 0
    assert "about.md" in output(result) and "no-such-page.md" in output(result)


def test_broken_anchor_fails(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n[gone](support/index.md#no-such-heading)\n")
    result = build()
    assert result.returncode != 0
    assert "no-such-heading" in output(result)


def test_malformed_data_fails_and_names_the_file(tmp_path):
    project, build = failing_build(tmp_path)
    data = project / "macros" / "data" / "lmcs.yml"
    data.write_text(data.read_text().replace("  - name: North Central London", "  - name: [North Central London"))
    result = build()
    assert result.returncode != 0
    assert "macros/data/lmcs.yml" in output(result) and "malformed YAML" in output(result)


def test_invalid_data_field_fails_and_names_the_field(tmp_path):
    project, build = failing_build(tmp_path)
    data = project / "macros" / "data" / "lmcs.yml"
    data.write_text(data.read_text().replace("{name: Barnet, lmc: Londonwide LMCs}", "{name: Barnet}"))
    result = build()
    assert result.returncode != 0
    assert "macros/data/lmcs.yml" in output(result) and "icbs.0.boroughs.0.lmc" in output(result)


def test_invented_bad_contact_in_config_fails(tmp_path):
    project, build = failing_build(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace('    email: ""', '    email: "not an email"'))
    result = build()
    assert result.returncode != 0
    assert "mkdocs.yml: field `lmc.email`" in output(result)


def test_page_without_review_date_fails(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text().replace("last_reviewed: 2026-11-23\n", "", 1))
    result = build()
    assert result.returncode != 0
    assert re.search(r"docs/about\.md, line \d+: field `last_reviewed`: is missing", output(result))


def test_unknown_letter_variant_fails_and_names_it(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "letters" / "trust-tasks.md"
    page.write_text(page.read_text().replace('letter("trust-tasks")', 'letter("trust-tasks", ticked=["sick-note"])'))
    result = build()
    assert result.returncode != 0
    assert "has no variant `sick-note`" in output(result) and "trust-tasks" in output(result)


def test_undeclared_placeholder_fails_and_names_file_and_field(tmp_path):
    project, build = failing_build(tmp_path)
    data = project / "macros" / "data" / "letters" / "housing.yml"
    text = data.read_text()
    data.write_text(text.replace("[Patient name]", "[Patients name]", 1))
    result = build()
    assert result.returncode != 0
    assert "macros/data/letters/housing.yml: field `" in output(result)
    assert "[Patients name], which is not a declared field" in output(result)


def test_missing_letter_field_fails_and_names_it(tmp_path):
    project, build = failing_build(tmp_path)
    data = project / "macros" / "data" / "letters" / "housing.yml"
    data.write_text("\n".join(l for l in data.read_text().splitlines() if not l.startswith("rule:")))
    result = build()
    assert result.returncode != 0
    assert re.search(r"macros/data/letters/housing\.yml, line \d+: field `rule`: is missing — the rule", output(result))


def test_poster_over_the_word_limit_fails(tmp_path):
    project, build = failing_build(tmp_path)
    data = project / "macros" / "data" / "posters" / "dental.yml"
    data.write_text(data.read_text().replace("message: >-\n", "message: >-\n  " + "far too long " * 25 + "\n", 1))
    result = build()
    assert result.returncode != 0
    assert re.search(r"macros/data/posters/dental\.yml, line \d+: field `message`: .*has \d+ words", output(result))


def test_guidance_page_missing_a_section_fails_and_names_it(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "guidance" / "dental.md"
    page.write_text(page.read_text().replace("## What the practice need not do", "## Other things"))
    result = build()
    assert result.returncode != 0
    assert "docs/guidance/dental.md: has no `## What the practice need not do` section" in output(result)


def test_broken_variant_anchor_fails(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n[MED3](letters/trust-tasks.md#task-med3)\n")
    result = build()
    assert result.returncode != 0
    assert "task-med3" in output(result)


def test_unknown_topic_tag_fails_and_names_the_page(tmp_path):
    project, build = failing_build(tmp_path)
    page = project / "docs" / "letters" / "housing.md"
    page.write_text(page.read_text().replace("tags: [housing, fees]", "tags: [housing, gardening]"))
    result = build()
    assert result.returncode != 0
    assert "docs/letters/housing.md: field `tags.1`" in output(result)
