"""Load YAML data files and validate them against pydantic models.

Every failure becomes a ContentError naming the file (relative to the
project) and the field, so a build log points straight at the mistake.
"""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"

Model = TypeVar("Model", bound=BaseModel)
# libyaml's loader when PyYAML has it (it usually does): several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> object:
    """Parse YAML text safely (plain data only, no Python objects)."""
    return yaml.load(text, Loader=Loader)


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the project when possible."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


def field_path(loc: tuple) -> str:
    """Turn pydantic's error location into `fields.2.label`-style text."""
    return ".".join(str(part) for part in loc) or "(top level)"


def read_yaml(path: Path) -> object:
    """Parse one YAML file; malformed YAML names the file and the line."""
    name = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(name, f"cannot be read ({error.strerror})") from error
    try:
        return parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(name, f"malformed YAML: {problem}", line=line) from error


def validation_error(name: str, error: ValidationError) -> ContentError:
    """The first pydantic error, as a ContentError (the rest follow in the text)."""
    problems = [(field_path(e["loc"]), _wording(e)) for e in error.errors()]
    field, message = problems[0]
    if len(problems) > 1:
        others = "; ".join(f"`{f}`: {m}" for f, m in problems[1:])
        message = f"{message} (also {others})"
    return ContentError(name, message, field=field)


def _wording(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a known field (check the spelling)"
    return error.get("msg", "is not valid")


def load_model(path: Path, model: type[Model]) -> Model:
    """Read a YAML file and validate it as `model`."""
    data = read_yaml(path)
    return parse_model(display_path(path), data, model)


def parse_model(name: str, data: object, model: type[Model]) -> Model:
    """Validate already-parsed data as `model`, naming `name` on failure."""
    if data is None:
        raise ContentError(name, "is empty")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise validation_error(name, error) from error
