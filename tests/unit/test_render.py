"""Rendering partials: autoescaped, strict, one Markdown-safe block."""
import pytest
from jinja2 import UndefinedError

from macros.pages.branding import contact_rows
from macros.content.branding import Branding
from macros.pages.render import render_partial


def test_contacts_partial_escapes_and_has_no_blank_lines():
    """The escaping layer on its own: markup the checks would refuse (so built without them) prints as text."""
    branding = Branding.model_construct(name="<b>LMC</b>", tagline="", website="", email="", phone="", logo="")
    html = render_partial("swp/contacts.html", lmc=branding, rows=contact_rows(branding))
    assert "&lt;b&gt;LMC&lt;/b&gt;" in html and "<b>LMC</b>" not in html
    assert "\n\n" not in html
    assert all(line == line.lstrip() for line in html.splitlines())


def test_missing_variable_fails():
    with pytest.raises(UndefinedError):
        render_partial("swp/contacts.html", rows=[{"label": "Email", "value": "", "href": ""}])
