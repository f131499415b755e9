"""Sources are data: each has a publisher, a title, an https:// address (or a reason it has none) and a date."""
import pytest
from pydantic import ValidationError

from macros.content.datafiles import parse_model
from macros.content.errors import ContentError
from macros.content.letter_models import Letter
from macros.content.front_matter import PageMeta
from macros.content.sources import Source

GOOD = {"publisher": "BMA", "title": "GPCE updated guidance", "url": "https://www.bma.org.uk/x", "updated": "29 April 2026"}


def source(**changes):
    data = {**GOOD, **changes}
    return Source.model_validate({k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize("written", ["29 April 2026", "April 2026", "2026", " 1  May 2023 "])
def test_dates_written_as_a_reader_reads_them(written):
    assert source(updated=written).updated == " ".join(written.split())


def test_citation_reads_as_a_line_of_a_letter():
    item = source(published="1 November 2021", accessed="24 November 2026", note="Revised since.")
    assert item.citation() == "BMA, GPCE updated guidance, published 1 November 2021, updated 29 April 2026, accessed 24 November 2026. Revised since."
    assert [kind for kind, _ in item.dates()] == ["published", "updated", "accessed"]


def test_offline_document_says_why():
    item = source(url=None, offline="A manual sent to practices; not published online")
    assert "Not online: A manual sent" in item.citation()


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"url": None}, "has no `url`"),
        ({"url": "http://www.bma.org.uk/x"}, "should match pattern"),
        ({"url": "https://www.bma.org.uk/x y"}, "should match pattern"),
        ({"url": "https://studylib.net/doc/1/guidance-on-nhs-p..."}, "looks cut short"),
        ({"offline": "Not online, for a reason"}, "has both `url` and `offline`"),
        ({"updated": None}, "has no date"),
        ({"updated": "2026-04-29"}, "is not a date"),
        ({"updated": "29/04/2026"}, "is not a date"),
        ({"updated": "Spring 2026"}, "is not a date"),
        ({"publisher": ""}, "at least 1 character"),
        ({"title": "  "}, "at least 1 character"),
        ({"colour": "red"}, "Extra inputs are not permitted"),
    ],
)
def test_bad_sources_are_refused(changes, words):
    with pytest.raises(ValidationError, match=words):
        source(**changes)


def test_an_iso_date_from_yaml_says_how_to_write_it():
    from datetime import date

    with pytest.raises(ValidationError, match='write it like "29 April 2026"'):
        Source.model_validate({**GOOD, "updated": date(2026, 4, 29)})


def test_a_page_source_without_an_address_names_the_file_the_source_and_the_line():
    text = "title: T\ndescription: D\nlast_reviewed: 2026-11-24\nsources:\n  - publisher: BMA\n    title: Something\n    accessed: 2026\n"
    import yaml

    with pytest.raises(ContentError) as caught:
        parse_model("docs/x.md", yaml.safe_load(text), PageMeta, text=text)
    message = str(caught.value)
    assert message.startswith("docs/x.md, line 5: field `sources.0`: has no `url`")
    assert "Value error" not in message


def test_letters_need_a_source():
    fields = Letter.model_fields["sources"]
    assert fields.is_required()
