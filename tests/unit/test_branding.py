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
    [("email", "not-an-email"), ("phone", "call us"), ("website", "www.example.org")],
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
