"""The languages a poster can be translated into: code, English name, own name, direction.

The own name is what the poster page and the gallery show, so a reader finds
their language in their own script; the English name is for staff and search.
Each script's fonts are chosen in CSS (docs/assets/stylesheets/posters.css,
`:lang(...)`), from fonts that Windows, macOS, iOS and Android already have.
Add a language here before adding a translation in it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    english: str
    own_name: str
    direction: str = "ltr"


LANGUAGES = {language.code: language for language in (
    Language("ar", "Arabic", "العربية", "rtl"),
    Language("bn", "Bengali", "বাংলা"),
    Language("es", "Spanish", "Español"),
    Language("fa", "Persian (Farsi)", "فارسی", "rtl"),
    Language("gu", "Gujarati", "ગુજરાતી"),
    Language("it", "Italian", "Italiano"),
    Language("lt", "Lithuanian", "Lietuvių"),
    Language("pa", "Panjabi", "ਪੰਜਾਬੀ"),
    Language("pl", "Polish", "Polski"),
    Language("pt", "Portuguese", "Português"),
    Language("ro", "Romanian", "Română"),
    Language("so", "Somali", "Soomaali"),
    Language("ta", "Tamil", "தமிழ்"),
    Language("tr", "Turkish", "Türkçe"),
    Language("uk", "Ukrainian", "Українська"),
    Language("ur", "Urdu", "اردو", "rtl"),
)}
