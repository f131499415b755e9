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
