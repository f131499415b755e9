"""Template letters laid out for a page: text split at its fill-in fields, the variants ticked, the sources printed at its foot."""
from __future__ import annotations

from macros.content.errors import ContentError
from macros.content.letter_models import FieldDef, Letter
from macros.content.letters import PLACEHOLDER, letter_fields, standard_fields


def split_placeholders(text: str, fields: list[FieldDef]) -> list[dict]:
    """Split text into pieces: {"text": ...} or {"field": name, "label": ..., "identifying": ...}."""
    by_label = {f.label: f for f in fields}
    pieces, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > last:
            pieces.append({"text": text[last:match.start()], "field": None})
        field = by_label[match.group(1)]
        pieces.append({"field": field.name, "label": field.label, "identifying": field.identifying, "multiline": field.multiline})
        last = match.end()
    if last < len(text):
        pieces.append({"text": text[last:], "field": None})
    return pieces


def check_variants(letter: Letter, ticked: list[str] | None) -> list[str]:
    """The ticked variant ids, refusing any the letter does not have."""
    known = [v.id for v in letter.variants]
    for variant in ticked or []:
        if variant not in known:
            raise ContentError(
                f"macros/data/letters/{letter.id}.yml",
                f"has no variant `{variant}` (known: {', '.join(known) or 'none'})",
                field="variants",
            )
    return list(ticked or [])


def letter_view(letter: Letter, shared: dict[str, FieldDef] | None = None) -> dict:
    """Everything the letter template needs, with text split at placeholders."""
    fields = letter_fields(letter, letter.id, shared or standard_fields())

    def split(text: str) -> list[dict]:
        return split_placeholders(text, fields)

    date_field = next((f for f in fields if f.name == "date"), None)
    return {
        "practice_address": next((f for f in fields if f.name == "practice_address"), None),
        "letter": letter,
        "fields": fields,
        "date": date_field,
        "address": [split(line) for line in letter.address],
        "subject": split(letter.subject),
        "greeting": split(letter.greeting),
        "body": [split(text) for text in letter.body],
        "variants": [
            {"id": v.id, "label": v.label, "search_terms": v.search_terms, "body": [split(t) for t in v.body]}
            for v in letter.variants
        ],
        "body_end": [split(text) for text in letter.body_end],
        "closing": split(letter.closing),
        "signature": [split(line) for line in letter.signature],
        "copy_to": [split(line) for line in letter.copy_to],
        "sms": split(letter.sms),
        "identifying": [f.name for f in fields if f.identifying],
    }


def plain_blocks(letter: Letter, ticked: list[str] | None = None) -> list[list[str]]:
    """The letter as blocks of lines, placeholders kept as [Label].

    Used by tests and editors' tools; `ticked` chooses variants (None: all).
    """
    chosen = [v for v in letter.variants if ticked is None or v.id in ticked]
    blocks: list[list[str]] = []
    if "date" in letter.standard_fields:
        blocks.append(["[Date]"])
    if letter.address:
        blocks.append(list(letter.address))
    if letter.subject:
        blocks.append([letter.subject])
    blocks.append([letter.greeting])
    blocks += [[p] for p in letter.body]
    for variant in chosen:
        blocks += [[p] for p in variant.body]
    blocks += [[p] for p in letter.body_end]
    blocks.append([letter.closing])
    if letter.signature:
        blocks.append(list(letter.signature))
    if letter.copy_to:
        blocks.append(["Copy to: " + "; ".join(letter.copy_to)])
    return blocks


def source_lines(letter: Letter) -> list[tuple[str, str | None]]:
    """The sources a letter prints at its foot, without their notes: (citation, address or None). Invitations have none."""
    if letter.kind == "invitation":
        return []
    return [(source.citation(with_note=False), source.url) for source in letter.sources]


# Longest text a letter's box takes (maxlength): a name or a line of an address, and the
# practice address of several lines. Enough for any real value; far short of a pasted document.
FIELD_LIMITS = {"line": 200, "lines": 600}


def letter_page(letters: dict[str, Letter], letter_id: str, ticked: list[str] | None = None) -> dict:
    """The template context for a letter's page."""
    if letter_id not in letters:
        raise ContentError("macros/data/letters", f"no letter has the id `{letter_id}` (known: {', '.join(letters)})", field="id")
    letter = letters[letter_id]
    check_variants(letter, ticked)
    return {**letter_view(letter), "ticked": list(ticked or []), "limits": FIELD_LIMITS}
