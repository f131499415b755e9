"""The one shape of a guidance page, checked at build time."""
from datetime import date

import pytest

from macros.errors import ContentError
from macros.guidance import SECTIONS, check_guidance, relative_link, sections
from macros.pages import PageMeta

META = PageMeta(title="T", description="D", last_reviewed=date(2026, 11, 23), review_due=date(2027, 11, 23), type="guidance")


def body(**replace):
    text = {h: f"Text for {h}." for h in SECTIONS}
    text["What to do next"] = "- [A letter](../letters/index.md)"
    text["Sources"] = "- NHS England, Something (2023)."
    text.update(replace)
    return "# T\n\n" + "\n\n".join(f"## {h}\n\n{t}" for h, t in text.items() if t is not None)


def test_good_page_passes():
    check_guidance("docs/guidance/x.md", META, body())
    assert list(sections(body())) == SECTIONS


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"What the practice need not do": None}, "has no `## What the practice need not do` section"),
        ({"Sources": ""}, "has an empty `## Sources` section"),
        ({"Sources": "Just words."}, "has no sources listed"),
        ({"Sources": "- NHS England, undated."}, "has a source without a date"),
        ({"What to do next": "Call us."}, "has no link under `## What to do next`"),
    ],
)
def test_broken_shape_names_the_page(changes, words):
    with pytest.raises(ContentError) as caught:
        check_guidance("docs/guidance/x.md", META, body(**changes))
    assert str(caught.value).startswith("docs/guidance/x.md") and words in str(caught.value)


def test_sections_out_of_order():
    text = body().replace("## In short", "## Moved").replace("## Sources", "## In short\n\nx\n\n## Sources")
    with pytest.raises(ContentError, match="out of order"):
        check_guidance("docs/guidance/x.md", META, text)


def test_review_due_required():
    with pytest.raises(ContentError, match="review_due"):
        check_guidance("docs/guidance/x.md", META.model_copy(update={"review_due": None}), body())


def test_relative_link():
    assert relative_link("guidance/dental.md", "guidance/index.md") == "dental.md"
    assert relative_link("access/index.md", "guidance/index.md") == "../access/index.md"
    assert relative_link("letters/x.md", "index.md") == "letters/x.md"
