"""The LMC's contacts as rows for the support pages (a contact left empty says so)."""
from __future__ import annotations

import re

from markupsafe import Markup

from macros.content.branding import Branding


def contact_rows(branding: Branding) -> list[dict]:
    """One row per way to reach the LMC, each either configured or missing.

    A row is {"kind", "label", "value", "href"}; `value` is "" when the LMC
    has not configured it, and the template then says to ask the LMC.
    """
    rows = [
        ("website", "Website", branding.website, branding.website),
        ("email", "Email", branding.email, f"mailto:{branding.email}" if branding.email else ""),
        ("phone", "Phone", branding.phone, "tel:" + re.sub(r"[^0-9+]", "", branding.phone) if branding.phone else ""),
    ]
    return [{"kind": k, "label": label, "value": v, "href": h} for k, label, v, h in rows]


def escape_for_pages(lmc: dict | None) -> None:
    """Make the page variable `lmc`'s checked text values (extra.lmc) escaped text, in place.

    mkdocs-macros prints a page's `{{ lmc.name }}` as it is (its templates do not escape). As
    Markup, each value prints as text, and a template that escapes it (`| e`) leaves it as it is.
    The logo is a checked file path, left alone.
    """
    for key, value in (lmc or {}).items():
        if isinstance(value, str) and key != "logo":
            lmc[key] = Markup.escape(value)
