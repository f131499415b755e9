"""Values the theme prints as they are: plain text only.

A page's title and description, the site's name, description and copyright, the menu's
titles and the LMC's details (`extra.lmc`) go into every page's <head>, header, menus and
links. Our templates escape them, but Material's own print some as they are, so these
fields may not hold the characters that start markup or end an attribute.
"""
from __future__ import annotations

import re

MARKUP = re.compile(r'[<>"]')


def plain_text(value: str) -> str:
    """`value` unchanged, or a ValueError naming the character that makes it markup."""
    found = MARKUP.search(value)
    if found:
        raise ValueError(
            f"has {found.group()}, which this field may not hold: it is plain text, printed as it is in the "
            "pages' titles, header and menus, where <, > or a straight double quote (\") could start markup "
            "or run a script. Remove it (write quotes as “…” or '…')"
        )
    return value
