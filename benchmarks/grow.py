"""Grow the pack to N times its size, from its real content, in a throw-away copy (for `make bench`).

Every page in a section of the navigation gets N-1 copies beside it, named `<page>-copy<k>.md`, listed in the same section; a letter's or
poster's page is copied with its data file (`macros/data/letters/<id>-copy<k>.yml`, its `id`
changed to match), so each copy is a real letter or poster that the macros render and the
checks validate. The home page and the pages that list the whole pack (the letters', posters' and
guidance overviews, topics, changes) are not copied: they grow with it, as they will. Nothing is written into the project itself.

    python benchmarks/grow.py 10 /tmp/pack10    # a copy of the project at 10x, ready to build
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ("docs", "overrides", "macros", "mkdocs.yml")
# A page that calls one of these lists every letter, poster or page: it grows with the pack.
LISTS_THE_PACK = ("letters_index(", "guidance_index(", "poster_gallery(", "whats_changed(", "asked_to(", "<!-- material/tags")


def copy_project(target: Path) -> Path:
    """The site's sources, copied to `target` (created)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def nav_entry(line: str) -> str | None:
    """The Markdown file a nav line names (`- path.md` or `- Title: path.md`), or None."""
    match = re.match(r"^\s+- (?:[^:]+: )?([\w/.-]+\.md)\s*$", line)
    return match.group(1) if match else None


def copy_page(project: Path, page: str, k: int) -> str:
    """Copy one page (and its letter or poster data) as copy k; return the copy's path under docs/."""
    stem = page[:-3]
    copy = f"{stem}-copy{k}.md"
    text = (project / "docs" / page).read_text(encoding="utf-8")
    for kind, folder in (("letter", "letters"), ("poster", "posters")):
        item = Path(stem).name
        data = project / "macros" / "data" / folder / f"{item}.yml"
        if page.startswith(f"{folder}/") and data.is_file():
            new_id = f"{item}-copy{k}"
            body = data.read_text(encoding="utf-8")
            body = re.sub(rf"^id: {re.escape(item)}$", f"id: {new_id}", body, count=1, flags=re.M)
            body = re.sub(rf"^page: {re.escape(page)}", f"page: {copy}", body, count=1, flags=re.M)
            (data.parent / f"{new_id}.yml").write_text(body, encoding="utf-8")
            text = text.replace(f'{kind}("{item}"', f'{kind}("{new_id}"')
    (project / "docs" / copy).write_text(text, encoding="utf-8")
    return copy


def grow(project: Path, times: int) -> int:
    """Make the project at `project` `times` as big; return how many pages it then has in its nav."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    out, in_nav, pages = [], False, 0
    for line in lines:
        out.append(line)
        if line.startswith("nav:"):
            in_nav = True
            continue
        if in_nav and line and not line.startswith((" ", "#")):
            in_nav = False
        page = nav_entry(line) if in_nav else None
        if page is None:
            continue
        pages += 1
        nested = line.startswith("      ")  # inside a section, not the home page
        if not nested or any(call in (project / "docs" / page).read_text(encoding="utf-8") for call in LISTS_THE_PACK):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        for k in range(2, times + 1):
            out.append(f"{indent}- {copy_page(project, page, k)}")
            pages += 1
    config.write_text("\n".join(out) + "\n", encoding="utf-8")
    return pages


def grown_copy(target: Path, times: int) -> tuple[Path, int]:
    """A copy of the project at `target`, grown `times` over; (its folder, its nav's page count)."""
    project = copy_project(target)
    return project, grow(project, times)


if __name__ == "__main__":
    folder, count = grown_copy(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{folder}: {count} pages in the nav")
