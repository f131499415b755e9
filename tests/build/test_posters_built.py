"""Built poster pages, the gallery, and the QR code with and without SITE_URL."""
import re

import pytest
import segno

from macros.content.posters import load_posters
from tests.helpers import PROJECT, build_site

POSTERS = load_posters()
SITE_URL = "https://intranet.example.nhs.uk/safe-working/"


def test_every_poster_page_exists_with_its_words(site_dir):
    for poster_id, poster in POSTERS.items():
        built = (site_dir / "posters" / f"{poster_id}.html").read_text()
        assert 'class="swp-poster swp-poster--a4"' in built
        assert poster.call_to_action.replace("'", "&#39;") in built or poster.call_to_action in built
        assert 'data-field-input="practice_name"' in built
        assert 'id="paper-a4-' in built and 'id="paper-a3-' in built


def test_gallery_previews_and_links_every_poster(site_dir):
    built = (site_dir / "posters" / "index.html").read_text()
    assert built.count('class="swp-gallery__item"') == len(POSTERS)
    for href in re.findall(r'class="swp-gallery__link" href="([^"]+)"', built):
        assert (site_dir / "posters" / href).is_file(), href


def test_without_site_url_there_is_no_qr_code_or_link(site_dir):
    for poster_id in POSTERS:
        built = (site_dir / "posters" / f"{poster_id}.html").read_text()
        assert "swp-poster__qr" not in built and "<svg" not in built.split('class="swp-poster ')[1].split("</article>")[0]


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    target = tmp_path_factory.mktemp("site-url")
    result = build_site(PROJECT, target, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def test_qr_code_opens_the_poster_page(site_with_url):
    for poster_id in POSTERS:
        built = (site_with_url / "posters" / f"{poster_id}.html").read_text()
        url = f"{SITE_URL}posters/{poster_id}.html"
        svg = re.search(r'<figure class="swp-poster__qr">\s*(<svg.*?</svg>)', built, re.S).group(1)
        expected = segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, title=f"QR code: {url}")
        assert svg == expected.replace('"', '"'), poster_id
        assert f"visit {url}" in built
