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


def test_compiled_templates_are_kept_apart_for_environments_that_differ(tmp_path):
    """One template (swp/sources.html) is compiled by the theme's environment and by ours, which
    trims whitespace: sharing Jinja's cache, the first to compile it decided both outputs."""
    from jinja2 import DictLoader, Environment, FileSystemBytecodeCache

    from macros.pages.render import compiled_templates

    source = {"t.html": "{% if true %}\n  <h2>Sources</h2>\n{% endif %}\n"}
    trimmed = Environment(loader=DictLoader(source), trim_blocks=True, lstrip_blocks=True)
    plain = Environment(loader=DictLoader(source))
    caches = {}
    for env, role in ((trimmed, "partials"), (plain, "theme")):
        cache = compiled_templates(env, role)
        caches[role] = cache.pattern
        env.bytecode_cache = FileSystemBytecodeCache(str(tmp_path), cache.pattern)
    assert caches["partials"] != caches["theme"]
    assert compiled_templates(Environment(trim_blocks=True, lstrip_blocks=True), "partials").pattern == caches["partials"]
    assert trimmed.get_template("t.html").render() == "  <h2>Sources</h2>\n"
    assert plain.get_template("t.html").render() == "\n  <h2>Sources</h2>\n"
