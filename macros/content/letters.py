"""Template letters: load and check the data, and lay a letter out for a page or a Word file.

A letter's text refers to fill-in fields as [Label]. The checks here make
sure every placeholder is a declared field and every declared field is used,
so a typo cannot leave a blank that nobody fills in.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from macros.content.datafiles import DATA_DIR, display_path, line_of, load_model, read_text
from macros.content.errors import ContentError
from macros.content.letter_models import FieldDef, FieldRegistry, Letter

LETTERS_DIR = DATA_DIR / "letters"
INVITATIONS_DIR = DATA_DIR / "invitations"
FIELDS_FILE = DATA_DIR / "letter_fields.yml"
PLACEHOLDER = re.compile(r"\[([^\[\]]+)\]")
# Fields the page template prints itself (the practice's address and the date, above the recipient's).
PRINTED_BY_TEMPLATE = {"date", "practice_address"}
# Offered on every letter (not the invitation), without being listed in its file.
EVERY_LETTER = ("practice_address",)


@lru_cache(maxsize=4)
def standard_fields(path: Path = FIELDS_FILE) -> dict[str, FieldDef]:
    """The shared fields, by name, in form order."""
    registry = load_model(path, FieldRegistry)
    return {field.name: field for field in registry.fields}


def text_parts(letter: Letter) -> list[tuple[str, str]]:
    """Every piece of letter text, with the field path that holds it."""
    parts = [(f"address.{i}", line) for i, line in enumerate(letter.address)]
    parts += [("subject", letter.subject), ("greeting", letter.greeting), ("closing", letter.closing), ("sms", letter.sms)]
    for key in ("body", "body_end", "signature", "copy_to"):
        parts += [(f"{key}.{i}", text) for i, text in enumerate(getattr(letter, key))]
    for v, variant in enumerate(letter.variants):
        parts += [(f"variants.{v}.body.{i}", text) for i, text in enumerate(variant.body)]
    return parts


def letter_fields(letter: Letter, name: str, shared: dict[str, FieldDef]) -> list[FieldDef]:
    """The letter's fields in form order: standard ones first, then its own."""
    fields = []
    for index, key in enumerate(letter.standard_fields):
        if key not in shared:
            known = ", ".join(shared)
            raise ContentError(name, f"`{key}` is not a standard field (known: {known})", field=f"standard_fields.{index}")
        fields.append(shared[key])
    if letter.kind == "letter":
        fields += [shared[key] for key in EVERY_LETTER if key in shared and key not in letter.standard_fields]
    return sorted(fields, key=lambda f: list(shared).index(f.name)) + list(letter.fields)


def check_letter(letter: Letter, name: str, shared: dict[str, FieldDef]) -> None:
    """Cross-field checks: placeholders declared, fields used, ids unique."""
    stem = Path(name).stem
    if letter.id != stem:
        raise ContentError(name, f"is `{letter.id}` but the file is {stem}.yml: they must match", field="id")
    fields = letter_fields(letter, name, shared)
    by_label = {f.label: f for f in fields}
    seen: dict[str, str] = {}
    for index, field in enumerate(letter.fields):
        if field.name in shared or field.name in seen:
            raise ContentError(name, f"name `{field.name}` is declared twice", field=f"fields.{index}.name")
        seen[field.name] = field.label
    if len(by_label) != len(fields):
        raise ContentError(name, "two fields share one label", field="fields")
    used: set[str] = set()
    for path, text in text_parts(letter):
        for label in PLACEHOLDER.findall(text):
            if label not in by_label:
                standard = next((key for key, f in shared.items() if f.label == label), None)
                if standard:
                    raise ContentError(
                        name,
                        f"uses [{label}], a standard field the letter does not list: add `{standard}` to its "
                        "`standard_fields` list",
                        field=path,
                    )
                raise ContentError(
                    name,
                    f"uses [{label}], which is not a declared field: check the spelling, declare it under "
                    f"`fields`, or use one of: {', '.join('[' + l + ']' for l in by_label)}",
                    field=path,
                )
            used.add(label)
    for index, key in enumerate(letter.standard_fields):
        if key not in PRINTED_BY_TEMPLATE and shared[key].label not in used:
            raise ContentError(name, f"declares `{key}` but never uses [{shared[key].label}]", field=f"standard_fields.{index}")
    for index, field in enumerate(letter.fields):
        if field.label not in used:
            raise ContentError(name, f"declares `{field.name}` but never uses [{field.label}]", field=f"fields.{index}")
    ids = [v.id for v in letter.variants]
    if len(ids) != len(set(ids)):
        raise ContentError(name, "two variants share one id", field="variants")


def load_letter(path: Path, shared: dict[str, FieldDef] | None = None) -> Letter:
    """Read, validate and cross-check one letter file; cross-check errors carry their line."""
    letter = load_model(path, Letter)
    try:
        check_letter(letter, display_path(path), shared or standard_fields())
    except ContentError as error:
        if error.field and error.line is None:
            loc = tuple(int(part) if part.isdigit() else part for part in error.field.split("."))
            raise ContentError(error.file, error.message, field=error.field, line=line_of(read_text(path), loc)) from None
        raise
    return letter


# HTML, entities or template code in a letter's text: printed exactly as written, never as formatting.
MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|\{\{|\{%|&[A-Za-z]+;|&#[0-9]+;")


def markup_warnings(letters: dict[str, Letter], directory: Path = LETTERS_DIR) -> list[str]:
    """Warnings for letter text that holds HTML or template code: each names the file, line and field,
    and shows the editor what the letter will print (it is not a build failure)."""
    found = []
    for letter_id, letter in letters.items():
        path = Path(directory) / f"{letter_id}.yml"
        text = read_text(path)
        for field, part in text_parts(letter):
            markup = MARKUP.search(part)
            if markup:
                loc = tuple(int(p) if p.isdigit() else p for p in field.split("."))
                found.append(
                    f"{display_path(path)}, line {line_of(text, loc)}: field `{field}`: has HTML or template code "
                    f"({markup.group(0)}), which a letter prints exactly as written, on the page and in Word. "
                    f"It will show: \"{part}\". Write plain text instead."
                )
    return found


def load_letters(directory: Path = LETTERS_DIR) -> dict[str, Letter]:
    """Every letter, by id, in file-name order."""
    return {path.stem: load_letter(path) for path in sorted(Path(directory).glob("*.yml"))}
