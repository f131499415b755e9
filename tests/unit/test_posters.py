"""Poster data: limits that keep a poster on one page, and the QR code."""
import pytest
import segno
import yaml

from macros.content.errors import ContentError
from macros.content.posters import check_poster_pages, load_poster, load_posters
from macros.pages.posters import poster_url, qr_svg

MINIMAL = {
    "id": "sample",
    "title": "A title",
    "message": "A short message.",
    "points": ["One"],
    "call_to_action": "Ask at reception.",
    "page": "guidance/dental.md",
    "sources": [{"publisher": "P", "title": "T", "url": "https://example.org/t", "published": "2026"}],
    "last_reviewed": "2026-11-23",
    "easy_read": {"title": "Easy", "lines": [{"text": f"Line {n}.", "icon": "doctor", "alt": "A doctor"} for n in range(3)]},
}


def write(tmp_path, data):
    path = tmp_path / "sample.yml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_shipped_posters_load():
    posters = load_posters()
    assert len(posters) >= 8
    for required in ["nhs-and-fees", "self-certify", "hospital", "dental", "housing", "dwp-appeals", "zero-tolerance", "online-record"]:
        assert required in posters


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"message": "word " * 61}, "message", "has 61 words"),
        ({"points": ["a", "b", "c", "d"]}, "points", "at most 3"),
        ({"points": ["word " * 15]}, "points", "point 1 has 15 words"),
        ({"title": "x" * 60}, "title", "at most 48"),
        ({"page": "http://example.org"}, "page", "is not written in the expected form"),
    ],
)
def test_bad_poster_names_file_and_field(tmp_path, change, field, words):
    with pytest.raises(ContentError) as caught:
        load_poster(write(tmp_path, {**MINIMAL, **change}))
    assert caught.value.field == field and "sample.yml" in str(caught.value)
    assert words in str(caught.value)


def test_poster_page_must_exist():
    posters = load_posters()
    with pytest.raises(ContentError, match="is not a page under docs/"):
        check_poster_pages(posters, {"index.md"})


def test_no_site_url_means_no_qr_code():
    assert poster_url("dental", "") == "" and poster_url("dental", None) == ""
    assert qr_svg("") == ""


def test_qr_code_encodes_the_poster_url():
    url = poster_url("dental", "https://intranet.example/safe-working/")
    assert url == "https://intranet.example/safe-working/posters/dental.html"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "http" not in svg.split(">", 1)[0]
    assert svg == segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, title=f"QR code: {url}")
    assert svg != qr_svg(poster_url("housing", "https://intranet.example/safe-working/"))
