"""The LMC's branding and contacts, from extra.lmc."""
import pytest

from macros.pages.branding import contact_rows
from macros.content.branding import load_branding
from macros.content.errors import ContentError


def test_unconfigured_contacts_are_empty_not_invented():
    branding = load_branding({"lmc": {"name": "Test LMC"}})
    rows = {row["kind"]: row for row in contact_rows(branding)}
    assert rows["email"]["value"] == "" and rows["email"]["href"] == ""
    assert rows["phone"]["value"] == "" and rows["phone"]["href"] == ""


def test_configured_contacts_get_links():
    branding = load_branding(
        {"lmc": {"name": "Test LMC", "email": "help@example.org", "phone": "020 7946 0000", "website": "https://example.org"}}
    )
    rows = {row["kind"]: row for row in contact_rows(branding)}
    assert rows["email"]["href"] == "mailto:help@example.org"
    assert rows["phone"]["href"] == "tel:02079460000"
    assert rows["website"]["href"] == "https://example.org"


@pytest.mark.parametrize(
    "field, value",
    [("email", "not-an-email"), ("phone", "call us"), ("website", "www.example.org"), ("website", "http://www.lmc.org.uk"),
     ("name", "<script>window.__marker = 1</script>"), ("tagline", 'Closes" onmouseover="x()'), ("email", 'a"b@example.org')],
)
def test_bad_contact_names_mkdocs_yml_and_field(field, value):
    with pytest.raises(ContentError) as caught:
        load_branding({"lmc": {"name": "Test LMC", field: value}})
    assert str(caught.value).startswith("mkdocs.yml, line ") and "field `extra.lmc." + field + "`" in str(caught.value)


def test_missing_lmc_name():
    with pytest.raises(ContentError, match="extra.lmc.name"):
        load_branding({"lmc": {}})


def test_missing_lmc_section():
    with pytest.raises(ContentError, match="field `extra.lmc`"):
        load_branding({})


def test_a_website_over_plain_http_is_refused_as_the_message_says():
    with pytest.raises(ContentError, match="field `extra.lmc.website`: must start with https://"):
        load_branding({"lmc": {"name": "Test LMC", "website": "http://www.lmc.org.uk"}})


@pytest.mark.parametrize(
    "logo, says",
    [("https://example.org/logo.svg", "never a web address"), ("//example.org/logo.svg", "never a web address"),
     ("/etc/logo.svg", "never a web address or a path outside docs/"), ("../README.svg", "a path outside docs/"),
     ("data:image/png;base64,AAAA", "never a web address"), ('logo.svg" onerror="x()', "may not hold"),
     ("assets/logo.html", "must be an image file")],
)
def test_a_logo_must_be_an_image_file_under_docs(logo, says):
    with pytest.raises(ContentError) as caught:
        load_branding({"lmc": {"name": "Test LMC", "logo": logo}})
    assert "field `extra.lmc.logo`" in str(caught.value) and says in str(caught.value)


def test_a_logo_that_is_not_there_is_named(tmp_path):
    from macros.content.branding import check_logo_file

    branding = load_branding({"lmc": {"name": "Test LMC", "logo": "assets/images/logo.svg"}})
    with pytest.raises(ContentError) as caught:
        check_logo_file(branding, tmp_path)
    assert str(caught.value).startswith("mkdocs.yml, line ") and "which is not a file in docs/ (docs/assets/images/logo.svg)" in str(caught.value)
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "logo.svg").write_text("<svg/>")
    check_logo_file(branding, tmp_path)


def test_checked_lmc_values_print_as_text_in_pages_and_are_not_escaped_twice():
    from jinja2 import Environment

    from macros.pages.branding import escape_for_pages

    lmc = {"name": "Kent & Medway <LMC>", "website": "https://example.org/?a=1&b=2", "logo": "assets/logo.svg"}
    escape_for_pages(lmc)
    page = Environment()  # as mkdocs-macros renders a page: no autoescaping
    assert page.from_string("Tell {{ lmc.name }}.").render(lmc=lmc) == "Tell Kent &amp; Medway &lt;LMC&gt;."
    assert page.from_string('<a href="{{ lmc.website | e }}">').render(lmc=lmc) == '<a href="https://example.org/?a=1&amp;b=2">'
    assert lmc["logo"] == "assets/logo.svg"
