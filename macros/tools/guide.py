"""The editors' guide's field tables and guidance-page shape, written from the code.

Each table in CONTRIBUTING.md that lists a file's fields sits between two markers,
`<!-- fields: Letter -->` and `<!-- end fields -->`, and is written here from the
model's field descriptions (the one home of each rule, limits included), with
what the data adds (the shared letter fields from macros/data/letter_fields.yml).
The guidance page's shape (`<!-- guidance shape -->`) comes from
macros/content/guidance.py, and the easy-read rules (`<!-- easy read rules -->`) from
macros/content/easy_read.py.
`make schemas` rewrites the tables with the JSON Schemas; a test fails if one
was edited by hand or has fallen behind its model.
"""
from __future__ import annotations

import re
import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from macros.content.datafiles import PROJECT_DIR
from macros.content.front_matter import PageMeta
from macros.content.guidance import MAX_ANSWER_WORDS, SECTIONS
from macros.content.letter_models import Letter
from macros.content.letters import standard_fields
from macros.content.easy_read import EasyReadLine, rules_table
from macros.content.posters import Poster
from macros.content.sources import Source
from macros.content.translations import CheckRecord, Translation

GUIDE = PROJECT_DIR / "CONTRIBUTING.md"
TABLES: dict[str, type[BaseModel]] = {
    "PageMeta": PageMeta, "Source": Source, "Letter": Letter, "Poster": Poster,
    "EasyReadLine": EasyReadLine, "Translation": Translation, "CheckRecord": CheckRecord,
}
BLOCK = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- end fields -->)", re.S)
SHAPE = re.compile(r"(<!-- guidance shape -->)(.*?)(<!-- end guidance shape -->)", re.S)
EASY_READ = re.compile(r"(<!-- easy read rules -->\n)(.*?)(<!-- end easy read rules -->)", re.S)


def guidance_shape() -> str:
    """A guidance page's shape, in words, from macros/content/guidance.py."""
    headings = ", ".join(f"`{heading}`" for heading in SECTIONS)
    return f"one sentence under the title that answers the question (at most {MAX_ANSWER_WORDS} words), then these headings, in order: {headings}"


def extra_words(model: type[BaseModel], name: str) -> str:
    """What the data or the type adds to a field's description."""
    if model is Letter and name == "standard_fields":
        return ": " + ", ".join(f"`{field}`" for field in standard_fields())
    annotation = model.model_fields[name].annotation
    for arg in typing.get_args(annotation) or (annotation,):
        inner = typing.get_args(arg)
        if typing.get_origin(arg) is typing.Literal or (inner and typing.get_origin(inner[0]) is typing.Literal):
            values = typing.get_args(arg if typing.get_origin(arg) is typing.Literal else inner[0])
            if all(str(value) in (model.model_fields[name].description or "") for value in values):
                return ""
            return " (one of " + ", ".join(f"`{value}`" for value in values) + ")"
    return ""


def table(model: type[BaseModel]) -> str:
    """The model's fields as a Markdown table, required ones marked."""
    rows = ["| field | what it is |", "| --- | --- |"]
    for name, field in model.model_fields.items():
        text = (field.description or "") + extra_words(model, name)
        if field.is_required():
            text += " (required)"
        rows.append(f"| `{name}` | {text.replace('|', '/')} |")
    return "\n".join(rows) + "\n"


def written(guide: str) -> str:
    """The guide with every marked table rewritten from its model."""
    def replace(match: re.Match) -> str:
        if match.group(2) not in TABLES:
            raise KeyError(f"CONTRIBUTING.md marks a table for `{match.group(2)}`, which is not one of {', '.join(TABLES)}")
        return match.group(1) + table(TABLES[match.group(2)]) + match.group(4)
    guide = SHAPE.sub(lambda match: match.group(1) + guidance_shape() + match.group(3), guide)
    guide = EASY_READ.sub(lambda match: match.group(1) + rules_table() + match.group(3), guide)
    return BLOCK.sub(replace, guide)


def main() -> int:
    guide = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(written(guide), encoding="utf-8")
    names = ", ".join(match.group(2) for match in BLOCK.finditer(guide))
    print(f"wrote the field tables in {GUIDE.name}: {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
