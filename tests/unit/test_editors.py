"""Editors' tools: error messages with line and hint, schemas, scaffolds, change history."""
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from macros.content.datafiles import line_of
from macros.content.errors import ContentError
from macros.content.letters import load_letter
from macros.content.front_matter import read_all_pages
from macros.pages.review import changes
from macros.tools.scaffold import add_to_nav
from macros.tools.schemas import MODELS, SCHEMA_DIR, schema_text

HOUSING = Path(__file__).resolve().parents[2] / "macros" / "data" / "letters" / "housing.yml"


def broken_copy(tmp_path, change):
    data = yaml.safe_load(HOUSING.read_text())
    change(data)
    path = tmp_path / "housing.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_missing_sources_says_what_would_be_right(tmp_path):
    path = broken_copy(tmp_path, lambda d: d.pop("sources"))
    with pytest.raises(ContentError) as caught:
        load_letter(path)
    assert str(caught.value).endswith(
        "housing.yml, line 1: field `sources`: is missing — every letter needs at least one source: publisher, title, https:// address and a date"
    )


def test_misspelt_field_names_its_line(tmp_path):
    path = broken_copy(tmp_path, lambda d: d["fields"][0].update(labl="x"))
    with pytest.raises(ContentError) as caught:
        load_letter(path)
    lines = path.read_text().splitlines()
    assert caught.value.field == "fields.0.labl"
    assert "labl" in lines[caught.value.line - 1]


def test_line_of_finds_nested_fields():
    text = "a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n"
    assert line_of(text, ("list", 1, "y")) == 5
    assert line_of(text, ("missing",)) == 1


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_schemas_match_the_models(name):
    committed = (SCHEMA_DIR / f"{name}.schema.json").read_text()
    assert committed == schema_text(MODELS[name]), f"run `make schemas` and commit macros/schemas/{name}.schema.json"


def test_every_data_file_points_at_its_schema():
    data = Path(__file__).resolve().parents[2] / "macros" / "data"
    for path in data.rglob("*.yml"):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file(), path


def test_add_to_nav_appends_to_the_right_section():
    config = "nav:\n  - Letters:\n      - letters/index.md\n      - letters/a.md\n  - Posters:\n      - posters/index.md\n"
    updated = add_to_nav(config, "Letters", "letters/b.md")
    assert updated.splitlines()[4] == "      - letters/b.md"
    assert updated.splitlines()[5] == "  - Posters:"


def test_changes_group_pages_by_review_date_newest_first(tmp_path):
    page = "---\ntitle: {t}\ndescription: D\nlast_reviewed: {d}\n{extra}---\n"
    (tmp_path / "a.md").write_text(page.format(t="A", d="2026-01-05", extra="review_note: Fees wording\n"))
    (tmp_path / "b.md").write_text(page.format(t="B", d="2026-03-01", extra=""))
    (tmp_path / "c.md").write_text(page.format(t="C", d="2026-03-01", extra="draft: true\n"))
    groups = changes(read_all_pages(tmp_path))
    assert [(day, [p for p, _ in items]) for day, items in groups] == [
        (date(2026, 3, 1), ["b.md"]),
        (date(2026, 1, 5), ["a.md"]),
    ]
    assert groups[1][1][0][1].review_note == "Fees wording"


def test_the_editors_guide_explains_every_field():
    from macros.content.letter_models import Letter
    from macros.content.front_matter import PageMeta
    from macros.content.posters import Poster

    guide = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text()
    from macros.content.sources import Source

    for model in (Letter, Poster, PageMeta, Source):
        for name in model.model_fields:
            assert f"`{name}`" in guide, f"CONTRIBUTING.md does not explain `{name}` ({model.__name__})"
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "CONTRIBUTING.md" in readme


def test_every_message_the_guide_explains_is_one_the_code_can_say():
    """The "When `make check` says" table quotes real messages: each phrase is in the code that says it."""
    import re

    guide = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text()
    section = guide.split("## When `make check` says")[1].split("\n## ")[0]
    phrases = [p.strip() for p in re.findall(r"^\| (.+?) \| ", section, re.M)][2:]  # after the header rows
    code = "\n".join(p.read_text() for p in (Path(__file__).resolve().parents[2] / "macros").rglob("*.py"))
    assert len(phrases) >= 30
    for phrase in phrases:
        assert phrase in code, f"CONTRIBUTING.md explains {phrase!r}, which no message in macros/ says"


def test_the_guides_field_tables_are_written_from_the_models():
    """Each field table in CONTRIBUTING.md is the model's own (macros/tools/guide.py): a hand edit,
    or a model changed without `make schemas`, fails here."""
    from macros.tools.guide import BLOCK, GUIDE, TABLES, written

    guide = GUIDE.read_text(encoding="utf-8")
    assert sorted(match.group(2) for match in BLOCK.finditer(guide)) == sorted(TABLES)
    assert written(guide) == guide, "CONTRIBUTING.md's field tables differ from the models: run `make schemas`"


def test_a_limit_changed_in_the_model_changes_the_guide():
    from macros.content.posters import MAX_MESSAGE_WORDS
    from macros.tools.guide import GUIDE

    assert f"| `message` | the main text, at most {MAX_MESSAGE_WORDS} words" in GUIDE.read_text(encoding="utf-8")
