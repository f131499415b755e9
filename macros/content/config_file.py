"""mkdocs.yml, checked as editors' content is: read as UTF-8, its YAML's shape checked (no key
written twice, no aliases that expand into a huge tree), and the values the theme prints as
they are (the site's name, description and copyright, the menu's titles) plain text.

`make check` runs it first, and the MkDocs hook (macros/steps/hooks.py) runs it while MkDocs
loads the file, before MkDocs goes on to walk it: a few nested aliases would hang MkDocs itself.
"""
from __future__ import annotations

from pathlib import Path

from macros.content.datafiles import PROJECT_DIR, Loader, display_path, line_of, read_text, read_yaml
from macros.content.errors import ContentError
from macros.content.plain_text import plain_text

CONFIG_FILE = PROJECT_DIR / "mkdocs.yml"
# The site's settings the theme prints into every page as they are.
SITE_TEXT = ("site_name", "site_description", "site_author", "copyright")


class ConfigLoader(Loader):
    """Our safe loader, reading MkDocs' tags (`!ENV`, `!relative`, `!!python/name:`) as no value."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config_file(path: Path = CONFIG_FILE) -> dict:
    """mkdocs.yml as plain data, once checked; a problem names the file, the line and the setting."""
    data = read_yaml(path, ConfigLoader)
    name = display_path(path)
    if not isinstance(data, dict):
        raise ContentError(name, "is not a list of settings (site_name: …, nav: …): check it against the project's copy")
    text = read_text(path)
    for key in SITE_TEXT:
        if isinstance(data.get(key), str):
            _plain(name, text, data[key], (key,))
    for loc, title in nav_titles(data.get("nav") or []):
        _plain(name, text, title, ("nav", *loc))
    return data


def nav_titles(nav: list, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """Every title written in the nav (`- Title: page.md`), with where it is."""
    found = []
    for index, item in enumerate(nav if isinstance(nav, list) else []):
        if isinstance(item, dict):
            for title, value in item.items():
                found.append(((*loc, index, title), str(title)))
                if isinstance(value, list):
                    found += nav_titles(value, (*loc, index, title))
    return found


def _plain(name: str, text: str, value: str, loc: tuple) -> None:
    try:
        plain_text(value)
    except ValueError as error:
        field = loc[0] if loc[0] != "nav" else f"nav ({value})"
        raise ContentError(name, str(error), field=field, line=line_of(text, loc)) from None
