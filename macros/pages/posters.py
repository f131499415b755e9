"""Posters laid out for a page: the view the template needs, and the QR code that points back to the site."""
from __future__ import annotations

import segno

from macros.content.posters import Poster


def poster_url(poster_id: str, site_url: str | None) -> str:
    """The poster's own page on the published site, or "" without SITE_URL."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + f"/posters/{poster_id}.html"


def qr_svg(url: str) -> str:
    """An inline SVG QR code for the URL (segno; no network), sized by CSS."""
    if not url:
        return ""
    return segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, title=f"QR code: {url}")


def poster_view(poster: Poster, site_url: str | None) -> dict:
    """What the poster template needs."""
    url = poster_url(poster.id, site_url)
    return {"poster": poster, "url": url, "qr": qr_svg(url)}
