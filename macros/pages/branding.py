"""The LMC's contacts as rows for the support pages (a contact left empty says so)."""
from __future__ import annotations

import re

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
