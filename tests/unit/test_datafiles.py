"""Loading YAML data: malformed files and invalid fields name the file and field."""
import pytest
from pydantic import BaseModel, ConfigDict

from macros.content.datafiles import load_model
from macros.content.errors import ContentError


class Thing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    count: int = 0


def test_valid_file_loads(tmp_path):
    path = tmp_path / "thing.yml"
    path.write_text("name: A\ncount: 2\n")
    assert load_model(path, Thing) == Thing(name="A", count=2)


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "thing.yml"
    path.write_text("name: A\ncount: [1, 2\n")
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert "thing.yml" in str(caught.value)
    assert "malformed YAML" in str(caught.value)
    assert caught.value.line is not None


def test_missing_field_is_named(tmp_path):
    path = tmp_path / "thing.yml"
    path.write_text("count: 2\n")
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert caught.value.field == "name"
    assert "field `name`: is missing" in str(caught.value)


def test_unknown_field_is_named(tmp_path):
    path = tmp_path / "thing.yml"
    path.write_text("name: A\ncolour: red\n")
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert caught.value.field == "colour"
    assert "not a known field" in str(caught.value)


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "thing.yml"
    path.write_text("")
    with pytest.raises(ContentError, match="is empty"):
        load_model(path, Thing)


def bomb(levels: int = 9) -> str:
    """Nested aliases: nine lines that stand for 9**levels values (a "billion laughs")."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_anchor_bomb_is_refused_at_its_line_before_anything_is_built(tmp_path):
    import time

    path = tmp_path / "thing.yml"
    path.write_text(bomb())
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert time.perf_counter() - started < 5, "refused from the text, not by walking 9**9 values"
    assert caught.value.line == 4, "the first alias that takes the file over the limit"
    assert "repeat more than 1000 values" in str(caught.value) and "malformed" not in str(caught.value)


def test_a_few_small_aliases_are_still_allowed():
    from macros.content.datafiles import parse_yaml

    assert parse_yaml("base: &b {name: A}\nother: *b\nmore: [*b, *b]\n")["more"] == [{"name": "A"}, {"name": "A"}]


@pytest.mark.parametrize("text", ["a: &a [1, *a]\n", "a: *nowhere\n"])
def test_an_alias_to_itself_or_to_nothing_is_refused(tmp_path, text):
    path = tmp_path / "thing.yml"
    path.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert caught.value.line == 1 and "refers to no finished anchor" in str(caught.value)


@pytest.mark.parametrize(
    "text, line",
    [("name: A\ncount: 1\nname: B\n", 3), ("name: A\nlist:\n  - {x: 1, x: 2}\n", 3), ("name: A\ninner:\n  a: 1\n  b: 2\n  a: 3\n", 5)],
    ids=["top level", "in a flow group", "nested"],
)
def test_a_field_written_twice_is_refused_at_the_second(tmp_path, text, line):
    path = tmp_path / "thing.yml"
    path.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert caught.value.line == line
    assert "is written twice in the same group" in str(caught.value)


def test_the_same_key_in_different_groups_and_merges_are_fine():
    from macros.content.datafiles import parse_yaml

    assert parse_yaml("a: {name: 1}\nb: {name: 2}\nc:\n  <<: {name: 3}\n  <<: {other: 4}\n")["b"] == {"name": 2}


@pytest.mark.parametrize("tag", ["!include secrets.yml", "!!python/object/apply:os.system [ls]", "!ENV HOME"])
def test_a_yaml_tag_is_named_not_a_traceback(tmp_path, tag):
    path = tmp_path / "thing.yml"
    path.write_text(f"name: A\ncount: {tag}\n")
    with pytest.raises(ContentError) as caught:
        load_model(path, Thing)
    assert caught.value.line == 2
    assert f"uses the YAML tag `{tag.split()[0].replace('!!', 'tag:yaml.org,2002:')}`" in str(caught.value)


def test_windows_line_ends_and_a_byte_order_mark_read_as_plain_text(tmp_path):
    from macros.content.datafiles import read_text

    path = tmp_path / "thing.yml"
    path.write_bytes(b"\xef\xbb\xbfname: A\r\ncount: 2\r\n")
    assert read_text(path) == "name: A\ncount: 2\n"
    assert load_model(path, Thing) == Thing(name="A", count=2)
