"""The one shape of a guidance page, checked at build time."""
from datetime import date

import pytest

from macros.content.errors import ContentError
from macros.content.guidance import SECTIONS, check_guidance, check_no_sources_heading, lead_answer, sections
from macros.pages.guidance import relative_link
from macros.content.front_matter import PageMeta
from macros.content.sources import Source

SOURCE = Source(publisher="NHS England", title="Something", url="https://www.england.nhs.uk/x", published="2023")
META = PageMeta(
    title="T", description="D", last_reviewed=date(2026, 11, 23), review_due=date(2027, 11, 23),
    type="guidance", contract_year="2026/27", sources=[SOURCE],
)
ANSWER = "You need not do this, because the hospital must."


def body(answer=ANSWER, **replace):
    text = {h: f"Text for {h}." for h in SECTIONS}
    text["What to do next"] = "- [A letter](../letters/index.md)"
    text.update(replace)
    return f"# T\n\n{answer}\n\n" + "\n\n".join(f"## {h}\n\n{t}" for h, t in text.items() if t is not None)


def test_good_page_passes():
    check_guidance("docs/guidance/x.md", META, body())
    assert list(sections(body())) == SECTIONS
    assert lead_answer(body()) == ANSWER


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"What the practice need not do": None}, "has no `## What the practice need not do` section"),
        ({"In short": ""}, "has an empty `## In short` section"),
        ({"What to do next": "Call us."}, "has no link under `## What to do next`"),
        ({"answer": ""}, "has no answer under its title"),
        ({"answer": "One sentence. And another one."}, "opens with 2 sentences"),
        ({"answer": "First paragraph\n\nSecond paragraph"}, "give the answer in one sentence"),
        ({"answer": " ".join(["word"] * 41) + "."}, "41 words"),
    ],
)
def test_broken_shape_names_the_page(changes, words):
    with pytest.raises(ContentError) as caught:
        check_guidance("docs/guidance/x.md", META, body(**changes))
    assert str(caught.value).startswith("docs/guidance/x.md") and words in str(caught.value)


def test_an_abbreviation_is_not_a_sentence_end():
    check_guidance("docs/guidance/x.md", META, body(answer="Refer when needed, e.g. for red flags, as usual."))


def test_sections_out_of_order():
    text = body().replace("## In short", "## Moved").replace("## What to do next", "## In short\n\nx\n\n## What to do next")
    with pytest.raises(ContentError, match="out of order"):
        check_guidance("docs/guidance/x.md", META, text)


@pytest.mark.parametrize(
    "field, words",
    [("review_due", "review_due"), ("contract_year", "contract_year: 2026/27"), ("sources", "at least one source")],
)
def test_front_matter_a_guidance_page_needs(field, words):
    empty = [] if field == "sources" else None
    with pytest.raises(ContentError, match=words) as caught:
        check_guidance("docs/guidance/x.md", META.model_copy(update={field: empty}), body())
    assert caught.value.field == field


def test_a_sources_heading_in_the_text_is_refused_with_its_line():
    text = body() + "\n\n## Sources\n\n- NHS England, Something (2023).\n"
    with pytest.raises(ContentError) as caught:
        check_no_sources_heading("docs/guidance/x.md", text, first_line=9)
    assert caught.value.line == 9 + text[: text.index("## Sources")].count("\n")
    assert "front matter under `sources:`" in str(caught.value)
    check_no_sources_heading("docs/guidance/x.md", body())


def test_relative_link():
    assert relative_link("guidance/dental.md", "guidance/index.md") == "dental.md"
    assert relative_link("access/index.md", "guidance/index.md") == "../access/index.md"
    assert relative_link("letters/x.md", "index.md") == "letters/x.md"
