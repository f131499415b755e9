"""mkdocs.yml is checked as editors' files are, before MkDocs walks it: one line naming the line."""
import pytest

from macros.content.config_file import read_config_file
from macros.content.errors import ContentError
from tests.helpers import PROJECT
from tests.unit.test_datafiles import bomb

CONFIG = (PROJECT / "mkdocs.yml").read_text()


def config_with(tmp_path, text):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
    return path


def line_of(text, fragment):
    return text[: text.index(fragment)].count("\n") + 1


def test_the_projects_own_file_passes_with_mkdocs_tags_read_as_nothing():
    config = read_config_file(PROJECT / "mkdocs.yml")
    assert config["site_name"] and config["site_url"] is None and config["extra"]["lmc"]["name"]


def test_mkdocs_and_material_tags_are_accepted(tmp_path):
    path = config_with(tmp_path, "site_name: S\nsite_url: !ENV [SITE_URL, '']\nx: !relative $config_dir\n"
                                 "y: !!python/name:material.extensions.emoji.twemoji\n")
    assert read_config_file(path)["y"] is None


@pytest.mark.parametrize(
    "change, line, says",
    [
        (lambda text: text.replace("extra:\n", "extra:\n" + "".join("  " + l + "\n" for l in bomb().splitlines()), 1),
         lambda text: line_of(text, "  d: &d"), "repeat more than 1000 values"),
        (lambda text: text.replace("site_name: Safe working pack\n", "site_name: Safe working pack\nsite_name: Other\n"),
         lambda text: line_of(text, "site_name: Other"), "the field `site_name` is written twice"),
        (lambda text: text.replace("    name: Londonwide LMCs\n", "    name: Londonwide LMCs\n    name: Another LMC\n"),
         lambda text: line_of(text, "    name: Another LMC"), "the field `name` is written twice"),
        (lambda text: text.replace("  lmc:\n    name:", "  lmc:\n   name:"), lambda text: line_of(text, "    tagline"), "malformed YAML"),
        (lambda text: text.replace("site_name: Safe working pack", "site_name: Safe <script>x()</script>"),
         lambda text: line_of(text, "site_name:"), "field `site_name`: has <"),
        (lambda text: text.replace("copyright: Safe working pack for London general practice", "copyright: 'The \"safe working\" pack'"), lambda text: line_of(text, "copyright:"), 'field `copyright`: has "'),
        (lambda text: text.replace("  - Home: index.md", "  - Home<img src=x>: index.md"), lambda text: line_of(text, "  - Home"),
         "field `nav (Home<img src=x>)`: has <"),
    ],
    ids=["anchor bomb", "site_name twice", "extra.lmc.name twice", "bad indent", "script in site_name", "quote in copyright", "markup in a nav title"],
)
def test_each_problem_names_mkdocs_yml_and_its_line(tmp_path, change, line, says):
    text = change(CONFIG)
    assert text != CONFIG
    with pytest.raises(ContentError) as caught:
        read_config_file(config_with(tmp_path, text))
    assert str(caught.value).startswith(f"mkdocs.yml, line {line(text)}: ") or caught.value.line == line(text), str(caught.value)
    assert says in str(caught.value)


def test_a_file_saved_as_utf16_is_named(tmp_path):
    with pytest.raises(ContentError, match="line 1: is not saved as UTF-8"):
        read_config_file(config_with(tmp_path, CONFIG.encode("utf-16")))
