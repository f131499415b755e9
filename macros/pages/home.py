"""The home page's "I've been asked to…" list, from the pages' own data.

Each letter names the work it answers in its `task` line (or one per variant), and a
guidance page names its own in front matter (`tasks:`), so a new letter or page
appears on the home page with no second edit. Entries follow the menu's order.
"""
from __future__ import annotations

from macros.content.front_matter import PageMeta
from macros.content.letter_models import Letter
from macros.pages.guidance import relative_link

# Who asks: letters in the `nhs` group, then everyone else (other letters, then guidance pages).
FROM_NHS = "A hospital or another NHS service wants us to"
FROM_OTHERS = "Someone else wants us to"


def asked_tasks(letters: dict[str, Letter], pages: dict[str, tuple[PageMeta, str]], menu: list[str], from_page: str) -> list[dict]:
    """[{"heading", "tasks": [{"phrase", "href"}]}]: the tasks the site answers, grouped by who asks."""
    order = {path: place for place, path in enumerate(menu)}

    def in_menu_order(path: str) -> tuple[int, str]:
        return order.get(path, len(order)), path

    nhs, others = [], []
    for letter_id in sorted(letters, key=lambda letter_id: in_menu_order(f"letters/{letter_id}.md")):
        letter, page = letters[letter_id], f"letters/{letter_id}.md"
        if letter.draft:
            continue
        found = [(v.task, f"{page}#task-{v.id}") for v in letter.variants if v.task] or ([(letter.task, page)] if letter.task else [])
        (nhs if letter.group == "nhs" else others).extend(found)
    for path in sorted(pages, key=in_menu_order):
        meta = pages[path][0]
        if not meta.draft:
            others.extend((phrase, path) for phrase in meta.tasks)
    return [
        {"heading": heading, "tasks": [{"phrase": phrase, "href": relative_link(target, from_page)} for phrase, target in found]}
        for heading, found in ((FROM_NHS, nhs), (FROM_OTHERS, others)) if found
    ]
