"""Scaffolds for editors: `make new-letter ID=…`, `make new-poster ID=…`, `make new-guidance ID=…`.

Each creates a valid skeleton (data file and page), adds it to the nav in
mkdocs.yml, and marks it `draft: true`, so it builds at once, shows a draft
banner, and is listed by `make check` until someone finishes it.
"""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from macros.content.contract_year import contract_year_on
from macros.content.datafiles import PROJECT_DIR
from macros.content.guidance import MAX_ANSWER_WORDS, SECTIONS as GUIDANCE_HEADINGS
from macros.content.letter_models import SLUG as SLUG_PATTERN
from macros.content.posters import MAX_MESSAGE_WORDS, MAX_POINT_WORDS, MAX_TITLE_CHARS

SLUG = re.compile(SLUG_PATTERN)
SECTIONS = {"letter": "Letters", "poster": "Posters", "guidance": "Guidance"}
# What a new guidance page puts under each of its headings (the headings themselves, and their
# order, come from macros/content/guidance.py); a heading not listed here gets "- TODO".
GUIDANCE_PROMPTS = {
    "In short": "TODO: the detail a reader needs next, in two or three sentences.",
    "What to say to the patient": "> TODO: a few plain sentences a receptionist can read out.",
    "What to do next": "- Contact your LMC: see [Support from the LMC](../support/index.md).",
}

LETTER = """# yaml-language-server: $schema=../../schemas/letter.schema.json
# DRAFT: replace every TODO, then set draft: false. See CONTRIBUTING.md.
id: {id}
draft: true
title: "TODO: the letter's name"
group: nhs  # TODO: where the letters index lists it: nhs, private, organisations, patients or icb
summary: "TODO: one line for the letters index"
task: "TODO: what the practice was asked to do, to follow: We were asked to…"
when_to_use: "TODO: the situation in which a GP reaches for this letter"
rule: "TODO: the rule in one line, naming its source"
who_instead: "TODO: who should do the work instead"
recipient: "TODO: who the letter goes to"
standard_fields: [date, recipient_name, organisation, patient_name, nhs_number, date_of_birth, clinician_name, clinician_role, practice_name]
fields: []
address: ["[Recipient name]", "[Organisation]"]
subject: "Re: [Patient name], NHS number [NHS number], born [Date of birth]"
greeting: "Dear [Recipient name],"
body:
  - "TODO: what was asked."
  - "TODO: the rule, and who should do the work instead."
  - "TODO: what the practice has done (for example, told [Patient name])."
closing: "Yours sincerely,"
signature: ["[Clinician name]", "[Clinician role]", "[Practice name]"]
copy_to: ["The patient", "Our local medical committee (LMC), with patient details removed"]
sources:
  - publisher: "TODO: publisher"
    title: "TODO: title"
    offline: "TODO: replace with the source's https:// address under url"
    accessed: {day}
last_reviewed: {today}
search_terms: []
"""

LETTER_PAGE = """---
title: "TODO: the letter's name"
description: "TODO: one line: what this letter answers"
last_reviewed: {today}
contract_year: {contract_year}
draft: true
render_macros: true
tags: []
---

# TODO: the letter's name

TODO: one line: what this letter answers.

{{{{ letter("{id}") }}}}
"""

POSTER = """# yaml-language-server: $schema=../../schemas/poster.schema.json
# DRAFT: replace every TODO, then set draft: false. See CONTRIBUTING.md.
id: {id}
draft: true
title: "TODO: the heading, at most {max_title} characters"
message: >-
  TODO: at most {max_words} words, addressed to the patient.
points:
  - "TODO: a short line, at most {max_point} words"
call_to_action: "TODO: what to do now"
# Easy read: one short sentence per line, each with a Material Design Icons picture
# (https://pictogrammers.com/library/mdi/) and what the picture shows.
easy_read:
  title: "TODO: a short title"
  lines:
    - {{text: "TODO: one short sentence.", icon: information-outline, alt: "An information sign"}}
    - {{text: "TODO: one short sentence.", icon: information-outline, alt: "An information sign"}}
    - {{text: "TODO: one short sentence.", icon: information-outline, alt: "An information sign"}}
page: index.md
sources:
  - publisher: "TODO: publisher"
    title: "TODO: title"
    offline: "TODO: replace with the source's https:// address under url"
    accessed: {day}
last_reviewed: {today}
search_terms: []
"""

POSTER_PAGE = """---
title: "TODO: the poster's question or message"
description: "TODO: one line"
last_reviewed: {today}
draft: true
render_macros: true
tags: []
hide:
  - toc
---

# TODO: the poster's question or message

Print this poster for the waiting room: choose A4 or A3, add your practice name if you like, then print. It prints on one page.

{{{{ poster("{id}") }}}}
"""

GUIDANCE_PAGE = """---
title: "TODO: the question this page answers"
description: "TODO: the answer in one line"
type: guidance
draft: true
tags: []
last_reviewed: {today}
review_due: {due}
contract_year: {contract_year}
search_terms: []
sources:
  - publisher: "TODO: publisher"
    title: "TODO: title"
    offline: "TODO: replace with the source's https:// address under url"
    accessed: {day}
---

# TODO: the question this page answers

TODO: the answer, in one sentence of at most {max_answer} words.

{guidance_sections}
"""


def guidance_sections() -> str:
    """The headings every guidance page has, each with what to write under it."""
    return "\n\n".join(f"## {heading}\n\n{GUIDANCE_PROMPTS.get(heading, '- TODO')}" for heading in GUIDANCE_HEADINGS)


def add_to_nav(config: str, section: str, entry: str) -> str:
    """Add `entry` as the last page of a top-level nav section in mkdocs.yml's text."""
    lines = config.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == f"  - {section}:")
    except StopIteration:
        raise SystemExit(f"mkdocs.yml has no nav section `{section}`") from None
    end = start + 1
    while end < len(lines) and lines[end].startswith("      - "):
        end += 1
    lines.insert(end, f"      - {entry}\n")
    return "".join(lines)


def create(kind: str, item_id: str, project: Path = PROJECT_DIR, today: date | None = None) -> list[Path]:
    """Write the skeleton for a new letter, poster or guidance page; return what was written."""
    if kind not in SECTIONS:
        raise SystemExit(f"kind must be one of: {', '.join(SECTIONS)}")
    if not SLUG.match(item_id or ""):
        raise SystemExit(f"ID must be lower-case words joined by hyphens, e.g. school-trips (got {item_id!r})")
    today = today or date.today()
    values = {
        "id": item_id,
        "today": today.isoformat(),
        "due": today.replace(year=today.year + 1).isoformat(),
        "day": f"{today.day} {today:%B %Y}",
        "contract_year": contract_year_on(today),
        "max_title": MAX_TITLE_CHARS,
        "max_words": MAX_MESSAGE_WORDS,
        "max_point": MAX_POINT_WORDS,
        "max_answer": MAX_ANSWER_WORDS,
        "guidance_sections": guidance_sections(),
    }
    folder = {"letter": "letters", "poster": "posters", "guidance": "guidance"}[kind]
    files: dict[Path, str] = {project / "docs" / folder / f"{item_id}.md": {"letter": LETTER_PAGE, "poster": POSTER_PAGE, "guidance": GUIDANCE_PAGE}[kind]}
    if kind in ("letter", "poster"):
        files[project / "macros" / "data" / folder / f"{item_id}.yml"] = {"letter": LETTER, "poster": POSTER}[kind]
    for path in files:
        if path.exists():
            raise SystemExit(f"{path.relative_to(project)} already exists: choose another ID")
    for path, template in files.items():
        path.write_text(template.format(**values), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), SECTIONS[kind], f"{folder}/{item_id}.md"), encoding="utf-8")
    return [*files, config]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m macros.tools.scaffold letter|poster|guidance ID")
        return 2
    for path in create(argv[0], argv[1]):
        print(f"wrote {path.relative_to(PROJECT_DIR)}")
    print("It is marked as a draft: fill in every TODO, then set draft: false. Check with `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
