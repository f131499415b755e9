"""JSON Schemas for editors' tools, generated from the pydantic models.

`make schemas` writes them to macros/schemas/; a test fails if they are out of
date. Each YAML data file names its schema on its first line
(`# yaml-language-server: $schema=…`), so VS Code (with the YAML extension)
completes fields and flags mistakes while an editor types.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from macros.content.datafiles import PROJECT_DIR
from macros.content.directory import Directory
from macros.content.letter_models import FieldRegistry, Letter
from macros.content.front_matter import PageMeta, Topics
from macros.content.posters import Poster
from macros.content.transfers import Organisations, TransferForm

SCHEMA_DIR = PROJECT_DIR / "macros" / "schemas"
MODELS: dict[str, type[BaseModel]] = {
    "letter": Letter,
    "poster": Poster,
    "page": PageMeta,
    "directory": Directory,
    "letter_fields": FieldRegistry,
    "topics": Topics,
    "transfers": TransferForm,
    "organisations": Organisations,
}


def schema_text(model: type[BaseModel]) -> str:
    """The model's JSON Schema, as the file holds it."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(exist_ok=True)
    written = []
    for name, model in MODELS.items():
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all():
        print(f"wrote {written_path}")
    sys.exit(0)
