"""Load YAML data files and validate them against pydantic models.

Every failure becomes a ContentError naming the file (relative to the
project) and the field, so a build log points straight at the mistake.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from macros.content.errors import ContentError

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "macros" / "data"

Model = TypeVar("Model", bound=BaseModel)
# libyaml's loader when PyYAML has it (it usually does): several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):
    """Safe YAML, with dates left as text for the models to check: PyYAML would turn
    2026-11-24 into a date itself, and fail on 2026-13-45 with a traceback, not a message."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path) -> str:
    """A content file's text; a file not saved as UTF-8 names the file and the line, never a traceback.

    Read as MkDocs reads pages: a byte-order mark at the start is dropped and Windows
    (and old Mac) line ends become plain newlines, so a page saved on Windows reads the same."""
    name = display_path(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ContentError(name, f"cannot be read ({error.strerror})") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            name,
            "is not saved as UTF-8 text (a Windows editor may have saved it as UTF-16, or with a curly quote "
            "UTF-8 cannot read): save it again with the encoding \"UTF-8\"",
            line=line,
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, loader: type = Loader) -> object:
    """Parse YAML text safely (plain data only, no Python objects), once its shape is checked."""
    check_yaml_structure(text, loader)
    return yaml.load(text, Loader=loader)


# How many values aliases (*name) may add to a file by repeating what an anchor (&name) holds.
# Our files use none; a few nested aliases can otherwise stand for billions of values (an
# "anchor bomb") that hang whatever walks them.
ALIAS_LIMIT = 1000


class YAMLStructureError(yaml.MarkedYAMLError):
    """YAML that parses, refused as content: a key written twice, or aliases that repeat too much."""


def check_yaml_structure(text: str, loader: type = Loader) -> None:
    """Refuse a key written twice in one group (YAML would silently keep the last) and aliases
    that repeat more than ALIAS_LIMIT values, from the parser's events, before any value is built:
    the time taken grows with the text, never with what the aliases stand for."""
    sizes: dict[str, int] = {}  # anchor -> how many values it holds
    groups: list[dict] = []  # the lists and groups of fields open at this point
    repeated = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)) and groups:
            _check_key(groups[-1], event)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes:
                raise YAMLStructureError(
                    problem=f"the alias *{event.anchor} refers to no finished anchor &{event.anchor} above it "
                    "(or to the group it sits in): write the values out instead",
                    problem_mark=event.start_mark,
                )
            repeated += sizes[event.anchor]
            if repeated > ALIAS_LIMIT:
                raise YAMLStructureError(
                    problem=f"its aliases (*{event.anchor} and others) repeat more than {ALIAS_LIMIT} values: "
                    "a few nested aliases can stand for millions of values. Write the values out instead of using aliases",
                    problem_mark=event.start_mark,
                )
            _add(groups, sizes[event.anchor])
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            _add(groups, 1)
        elif isinstance(event, yaml.CollectionStartEvent):
            groups.append({"anchor": event.anchor, "size": 1, "count": 0,
                           "keys": set() if isinstance(event, yaml.MappingStartEvent) else None})
        elif isinstance(event, yaml.CollectionEndEvent):
            group = groups.pop()
            if group["anchor"]:
                sizes[group["anchor"]] = group["size"]
            _add(groups, group["size"])


def _add(groups: list[dict], size: int) -> None:
    """Count a finished value (of `size` values) into the group it belongs to."""
    if groups:
        groups[-1]["size"] += size
        groups[-1]["count"] += 1


def _check_key(group: dict, event: yaml.Event) -> None:
    """In a group of fields, every other value is a key: refuse one written twice (`<<` merges are allowed)."""
    if group["keys"] is None or group["count"] % 2 or not isinstance(event, yaml.ScalarEvent) or event.value == "<<":
        return
    if event.value in group["keys"]:
        raise YAMLStructureError(
            problem=f"the field `{event.value}` is written twice in the same group: YAML would silently keep "
            "only the last one. Keep one",
            problem_mark=event.start_mark,
        )
    group["keys"].add(event.value)


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the project when possible."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


def field_path(loc: tuple) -> str:
    """Turn pydantic's error location into `fields.2.label`-style text."""
    return ".".join(str(part) for part in loc) or "(top level)"


def read_yaml(path: Path, loader: type = Loader) -> object:
    """Parse one YAML file; malformed YAML names the file and the line."""
    name = display_path(path)
    text = read_text(path)
    try:
        return parse_yaml(text, loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ContentError(name, yaml_message(error, text), line=line) from None


def yaml_message(error: yaml.YAMLError, text: str, malformed: str = "malformed YAML") -> str:
    """An editor's message for YAML that cannot be read (`malformed`: how a syntax error starts)."""
    if isinstance(error, YAMLStructureError):
        return error.problem
    problem = getattr(error, "problem", None) or ""
    tag = re.search(r"constructor for the tag '([^']*)'", problem)
    if isinstance(error, yaml.constructor.ConstructorError) and tag:
        return (f"uses the YAML tag `{tag.group(1)}`, which content may not: data and front matter hold plain "
                "values (text, numbers, dates, lists and fields). Remove the tag")
    return f"{malformed}: {yaml_problem(error, text)}"


def yaml_problem(error: yaml.YAMLError, text: str = "") -> str:
    """What is wrong with the YAML, with what to do for the mistakes editors make most."""
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None)
    at_line = text.splitlines()[mark.line] if mark is not None and text and mark.line < len(text.splitlines()) else ""
    tab_there = "cannot start any token" in problem and "\t" in at_line[: mark.column + 1] if mark is not None else False
    if "\\t" in problem or "\t" in problem or "tab character" in problem or tab_there:
        return "a tab is used for indenting: YAML indents with spaces only, so replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return (f"{problem}: a value with a colon in it (e.g. a time or a title) must be in quotes, "
                "or the line above is missing its closing quote")
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return f"{problem}: check the indenting (spaces, lined up with the line above) and that every quote is closed"
    return problem


def validation_error(name: str, error: ValidationError, model: type[BaseModel] | None = None, text: str | None = None) -> ContentError:
    """The first pydantic error as a ContentError: file, line where known, field,
    what is wrong and (from the model's field description) what would be right."""
    errors = error.errors()
    first = errors[0]
    message = _wording(first)
    # The field's description says what would be right, unless a validator already did.
    hint = describe(model, first["loc"]) if model is not None and first.get("type") != "value_error" else ""
    if hint:
        message = f"{message} — {hint}"
    if len(errors) > 1:
        others = "; ".join(f"`{field_path(e['loc'])}`: {_wording(e)}" for e in errors[1:])
        message = f"{message} (also {others})"
    line = line_of(text, first["loc"]) if text else None
    # A rule across several fields (e.g. a letter's `task`) names them in its message.
    return ContentError(name, message, field=field_path(first["loc"]) if first["loc"] else None, line=line)


# Pydantic's error kinds, in an editor's words (the field's description follows with what is right).
PLAIN_WORDS = {
    "missing": "is missing",
    "extra_forbidden": "is not a known field (check the spelling)",
    "date_type": "is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24",
    "date_parsing": "is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24",
    "date_from_datetime_parsing": "is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24",
    "date_from_datetime_inexact": "should be a date without a time: write it as YYYY-MM-DD",
    "string_pattern_mismatch": "is not written in the expected form",
    "string_type": "should be text (put it in quotes if it starts with a special character)",
    "string_too_short": "is empty: write something, or leave the field out if it is optional",
    "list_type": "should be a list: one item per line, each starting with `- `",
    "too_short": "needs at least one item",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "dict_type": "should be a group of fields (name: value lines, indented under it)",
    "model_type": "should be a group of fields (name: value lines, indented under it)",
    "url_parsing": "is not a web address: write it in full, starting https://",
}


def _wording(error: dict) -> str:
    """The error in plain English: our validators' own words, or pydantic's kind reworded."""
    kind = error.get("type", "")
    if kind in PLAIN_WORDS:
        return PLAIN_WORDS[kind]
    message = error.get("msg", "is not valid")
    if kind == "literal_error":
        return "must be one of " + message.removeprefix("Input should be ")
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message.replace("Input should be", "should be")


def describe(model: type[BaseModel], loc: tuple) -> str:
    """The description of the field at `loc` in `model`, if it has one."""
    current: object = model
    description = ""
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return ""
        info = fields[part]
        description = info.description or ""
        current = _inner_model(info.annotation)
    return description


def _inner_model(annotation: object) -> object:
    """The pydantic model inside list[...], X | None, dict[str, ...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def line_of(text: str, loc: tuple) -> int | None:
    """The 1-based line of the field at `loc` in YAML text (its parent's, if it is missing)."""
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
            key = next((k for k, v in node.value if k.value == str(part)), None)
            if match is None:
                return line
            line, node = key.start_mark.line + 1, match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


# Files already read and validated in this process, by path, model and exact text: a build's
# macros and its build steps (search words) both need the letters and posters, and `mkdocs serve`
# rebuilds often; a file whose text changed is read again. Models are never changed once loaded.
_VALIDATED: dict[tuple[str, type, str], BaseModel] = {}


def load_model(path: Path, model: type[Model]) -> Model:
    """Read a YAML file and validate it as `model` (once per text: see _VALIDATED)."""
    text = read_text(path)
    key = (str(Path(path).resolve()), model, text)
    if key not in _VALIDATED:
        _VALIDATED[key] = parse_model(display_path(path), read_yaml(path), model, text=text)
    return _VALIDATED[key]


def parse_model(name: str, data: object, model: type[Model], text: str | None = None) -> Model:
    """Validate already-parsed data as `model`, naming `name` (and the line, given the text) on failure."""
    if data is None:
        raise ContentError(name, "is empty")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise validation_error(name, error, model, text) from error
