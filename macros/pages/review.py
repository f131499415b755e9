"""Change history a reader can see: pages grouped by the date they were last reviewed."""
from __future__ import annotations

from datetime import date
from itertools import groupby

from macros.content.front_matter import PageMeta


def changes(pages: dict[str, tuple[PageMeta, str]]) -> list[tuple[date, list[tuple[str, PageMeta]]]]:
    """(review date, [(page path, meta), ...]) newest first; drafts left out."""
    reviewed = sorted(
        ((path, meta) for path, (meta, _) in pages.items() if not meta.draft),
        key=lambda item: (item[1].last_reviewed, item[1].title),
        reverse=True,
    )
    return [(day, sorted(items, key=lambda item: item[1].title)) for day, items in groupby(reviewed, key=lambda item: item[1].last_reviewed)]
