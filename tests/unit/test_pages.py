"""Front matter of pages: required keys, unknown keys, overdue reviews."""
from datetime import date

import pytest

from macros.content.errors import ContentError
from macros.content.front_matter import overdue, read_all_pages, read_page, split_front_matter

GOOD = "---\ntitle: T\ndescription: D\nlast_reviewed: 2026-01-01\n---\n\n# T\n"


def test_split_front_matter():
    head, body = split_front_matter(GOOD)
    assert "title: T" in head and body.strip() == "# T"
    assert split_front_matter("# no front matter") == ("", "# no front matter")


def test_good_page(tmp_path):
    (tmp_path / "p.md").write_text(GOOD)
    meta, body = read_page(tmp_path / "p.md")
    assert meta.last_reviewed == date(2026, 1, 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# no front matter\n", "has no front matter"),
        ("---\ntitle: T\ndescription: D\n---\n", "field `last_reviewed`: is missing"),
        (GOOD.replace("title: T", "titel: T"), "`titel`: is not a known field"),
        ("---\ntitle: a: b\n---\n", "malformed front matter"),
    ],
)
def test_bad_front_matter_names_file_and_field(tmp_path, text, expected):
    (tmp_path / "bad.md").write_text(text)
    with pytest.raises(ContentError) as caught:
        read_page(tmp_path / "bad.md")
    assert "bad.md" in str(caught.value)
    assert expected in str(caught.value)


def test_overdue_lists_only_past_review_dates(tmp_path):
    (tmp_path / "late.md").write_text(GOOD.replace("last_reviewed", "review_due: 2026-02-01\nlast_reviewed"))
    (tmp_path / "fine.md").write_text(GOOD.replace("last_reviewed", "review_due: 2027-02-01\nlast_reviewed"))
    (tmp_path / "none.md").write_text(GOOD)
    pages = read_all_pages(tmp_path)
    assert [path for path, _ in overdue(pages, date(2026, 11, 23))] == ["late.md"]


def test_tags_must_be_known_topics(tmp_path):
    from macros.content.front_matter import check_tags, load_topics

    topics = load_topics()
    (tmp_path / "p.md").write_text(GOOD.replace("last_reviewed", "tags: [records, gardening]\nlast_reviewed"))
    with pytest.raises(ContentError) as caught:
        check_tags(read_all_pages(tmp_path), topics)
    assert caught.value.field == "tags.1" and "`gardening` is not a topic" in str(caught.value)


def test_a_page_saved_with_windows_line_ends_reads_as_any_other(tmp_path):
    (tmp_path / "p.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    meta, body = read_page(tmp_path / "p.md")
    assert meta.title == "T" and body.strip() == "# T"
    (tmp_path / "p.md").write_bytes(GOOD.replace("\n", "\r\n").replace("last_reviewed: 2026-01-01\r\n", "").encode())
    with pytest.raises(ContentError, match="field `last_reviewed`: is missing"):
        read_page(tmp_path / "p.md")


@pytest.mark.parametrize(
    "field, value",
    [("title", "<script>window.__marker = 1</script>"), ("title", "About</title><script>x()</script>"),
     ("description", 'Ends the attribute" onfocus="x()'), ("description", "<img src=x>")],
)
def test_markup_in_a_title_or_description_is_refused_naming_the_field_and_line(tmp_path, field, value):
    text = GOOD.replace(f"{field}: {field[0].upper()}", f"{field}: '{value}'")
    (tmp_path / "p.md").write_text(text)
    with pytest.raises(ContentError) as caught:
        read_page(tmp_path / "p.md")
    assert caught.value.field == field and caught.value.line == (2 if field == "title" else 3)
    assert "which this field may not hold: it is plain text" in str(caught.value)


def test_plain_titles_keep_their_apostrophes_ampersands_and_curly_quotes(tmp_path):
    (tmp_path / "p.md").write_text(GOOD.replace("title: T", "title: What's a “fit note” & A&E?"))
    assert read_page(tmp_path / "p.md")[0].title == "What's a “fit note” & A&E?"


def test_a_front_matter_field_written_twice_is_named(tmp_path):
    (tmp_path / "p.md").write_text(GOOD.replace("description: D\n", "description: D\ntitle: Again\n"))
    with pytest.raises(ContentError) as caught:
        read_page(tmp_path / "p.md")
    assert caught.value.line == 4 and "the field `title` is written twice" in str(caught.value)


def test_topics_are_plain_text_and_their_file_is_read_without_a_traceback(tmp_path):
    from macros.content.front_matter import load_topics

    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  records: Records\n  '<b>x</b>': Bold\n")
    with pytest.raises(ContentError, match="the topic `<b>x</b>` has <"):
        load_topics(path)
    path.write_text("topics:\n  records: [Records\n")
    with pytest.raises(ContentError, match="malformed YAML"):
        load_topics(path)
    path.write_text("topics: !include other.yml\n")
    with pytest.raises(ContentError, match="uses the YAML tag `!include`"):
        load_topics(path)
