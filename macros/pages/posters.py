"""Posters laid out for a page: every version of a poster (English, easy read, each
translation), and the QR code that points back to the site."""
from __future__ import annotations

from macros.content.posters import Poster
from macros.pages.poster_icons import icon

ENGLISH = "english"
EASY_READ = "easy-read"


def poster_url(poster_id: str, site_url: str | None) -> str:
    """The poster's own page on the published site, or "" without SITE_URL."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + f"/posters/{poster_id}.html"


def qr_svg(url: str) -> str:
    """An inline SVG QR code for the URL (segno; no network), sized by CSS."""
    if not url:
        return ""
    import segno  # here, not at the top: only a site with SITE_URL draws QR codes (a fifth of the macros' start-up)

    return segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, title=f"QR code: {url}")


def version_url(page_url: str, key: str) -> str:
    """The address of one version: the poster page, with #version-<key> except for English."""
    if not page_url or key == ENGLISH:
        return page_url
    return f"{page_url}#version-{key}"


def easy_lines(poster: Poster, texts: list[str] | None = None) -> list[dict]:
    """The easy-read lines with their pictures; `texts` replaces the words (a translation)."""
    return [
        {"text": texts[index] if texts else line.text, "alt": line.alt, "icon": icon(line.icon)}
        for index, line in enumerate(poster.easy_read.lines)
    ]


def poster_versions(poster: Poster) -> list[dict]:
    """Every version, English first: what the sheet template and the version menu need."""
    versions = [
        {"key": ENGLISH, "kind": "standard", "lang": "en", "dir": "ltr", "name": "English", "suffix": "", "english_name": "",
         "checked": True, "title": poster.title, "message": poster.message, "points": poster.points,
         "call_to_action": poster.call_to_action, "english_title": ""},
        {"key": EASY_READ, "kind": "easy", "lang": "en", "dir": "ltr", "name": "Easy read", "suffix": "", "english_name": "",
         "checked": True, "title": poster.easy_read.title, "lines": easy_lines(poster), "english_title": ""},
    ]
    for item in poster.translations:
        language = item.language
        common = {"lang": item.lang, "dir": language.direction, "english_name": language.english, "checked": item.checked,
                  "check": item.check}
        versions.append({**common, "key": item.lang, "kind": "standard", "name": language.own_name, "suffix": "",
                         "title": item.title, "message": item.message, "points": item.points,
                         "call_to_action": item.call_to_action, "english_title": poster.title})
        if item.easy_read:
            versions.append({**common, "key": f"{item.lang}-{EASY_READ}", "kind": "easy", "name": language.own_name, "suffix": "Easy read",
                             "english_name": f"{language.english}, easy read", "title": item.easy_read.title,
                             "lines": easy_lines(poster, item.easy_read.lines), "english_title": poster.easy_read.title})
    return versions


def poster_view(poster: Poster, site_url: str | None) -> dict:
    """What the poster template needs: each version with its own address and QR code."""
    url = poster_url(poster.id, site_url)
    versions = []
    for version in poster_versions(poster):
        address = version_url(url, version["key"])
        versions.append({**version, "url": address, "qr": qr_svg(address)})
    return {"poster": poster, "url": url, "qr": versions[0]["qr"], "versions": versions}
