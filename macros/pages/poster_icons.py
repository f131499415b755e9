"""Easy-read pictures: Material Design Icons (the SVG set Material for MkDocs ships),
read at build time and drawn inline by the poster template; nothing is fetched."""
from __future__ import annotations

import re
from functools import lru_cache

from macros.content.easy_read import ICON_SET, icon_path
from macros.content.errors import ContentError

SVG = re.compile(r'^<svg xmlns="http://www.w3.org/2000/svg" viewBox="([0-9. ]+)">((?:<path d="[^"<>]+"/>)+)</svg>\s*$')
PATH = re.compile(r'<path d="([^"<>]+)"/>')


@lru_cache(maxsize=None)
def icon(name: str) -> dict:
    """{"viewbox": ..., "paths": [...]} for one icon; its path data only, so the template writes the markup."""
    found = SVG.match(icon_path(name).read_text(encoding="utf-8"))
    if not found:
        raise ContentError(str(icon_path(name)), f"is not a plain path icon from {ICON_SET}; choose another", field="icon")
    return {"viewbox": found.group(1), "paths": PATH.findall(found.group(2))}
