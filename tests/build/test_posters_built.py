"""Built poster pages, the gallery, and the QR code with and without SITE_URL."""
import re

import pytest
import segno

from macros.content.posters import load_posters
from tests.helpers import PROJECT, build_site

POSTERS = load_posters()
SITE_URL = "https://intranet.example.nhs.uk/safe-working/"


def unchecked_versions(poster) -> int:
    from macros.pages.posters import poster_versions
    return sum(not version["checked"] for version in poster_versions(poster))


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


def test_each_poster_page_offers_easy_read_and_each_language_by_its_own_name(site_dir):
    from macros.pages.posters import poster_versions
    for poster_id, poster in POSTERS.items():
        built = (site_dir / "posters" / f"{poster_id}.html").read_text()
        menu = built.split('class="swp-versions"')[1].split("</nav>")[0]
        assert ">Easy read<" in menu
        for version in poster_versions(poster):
            assert f'href="#version-{version["key"]}"' in menu
            assert f'id="version-{version["key"]}"' in built
            sheet = re.search(rf'<article [^>]*id="version-{version["key"]}"[^>]*>', built).group(0)
            assert f'lang="{version["lang"]}"' in sheet and f'dir="{version["dir"]}"' in sheet
        for item in poster.translations:
            assert f'<span lang="{item.lang}" dir="{item.language.direction}">{item.language.own_name}</span>' in menu
            if item.easy_read:
                assert f'<span lang="{item.lang}" dir="{item.language.direction}">{item.language.own_name}</span>: Easy read' in menu
        # One band per version of an unchecked translation (its easy read too), none elsewhere.
        assert built.count('class="swp-poster__band"') == unchecked_versions(poster) >= len(poster.unchecked())


def test_easy_read_pictures_are_drawn_in_the_page_with_text_alternatives(site_dir):
    built = (site_dir / "posters" / "hospital.html").read_text()
    sheet = built.split('id="version-easy-read"')[1].split("</article>")[0]
    for line in POSTERS["hospital"].easy_read.lines:
        assert f'role="img" aria-label="{line.alt}"' in sheet and f"<title>{line.alt}</title>" in sheet
    assert "<img" not in sheet and "http" not in sheet.replace("http://www.w3.org", "")


def test_gallery_marks_unchecked_translations(site_dir):
    built = (site_dir / "posters" / "index.html").read_text()
    unchecked = sum(unchecked_versions(poster) for poster in POSTERS.values())
    assert built.count('class="swp-gallery__unchecked"') == unchecked > 0
    assert 'href="nhs-and-fees.html#version-bn" hreflang="bn"' in built


def test_a_checked_translation_loses_its_band_and_its_mark(tmp_path):
    from tests.helpers import copy_project
    project = copy_project(tmp_path / "project")
    path = project / "macros/data/posters/nhs-and-fees.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("check: unchecked")
    path.write_text(text[:first] + 'check: {checked_by: "NHS interpreting service (Bengali)", checked_on: 2026-11-20}' + text[first + len("check: unchecked"):], encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    built = (tmp_path / "site/posters/nhs-and-fees.html").read_text()
    # One check record covers the translation and its easy-read version.
    for key in ("bn", "bn-easy-read"):
        assert "swp-poster__band" not in built.split(f'id="version-{key}"')[1].split("</article>")[0], key
    assert built.count('class="swp-poster__band"') == unchecked_versions(POSTERS["nhs-and-fees"]) - 2
    gallery = (tmp_path / "site/posters/index.html").read_text()
    for key in ("bn", "bn-easy-read"):
        entry = gallery.split(f'href="nhs-and-fees.html#version-{key}"')[1].split("</li>")[0]
        assert "swp-gallery__unchecked" not in entry, key


def test_each_version_has_a_qr_code_for_its_own_address(site_with_url):
    built = (site_with_url / "posters" / "hospital.html").read_text()
    for key in ("easy-read", "ar"):
        url = f"{SITE_URL}posters/hospital.html#version-{key}"
        sheet = built.split(f'id="version-{key}"')[1].split("</article>")[0]
        svg = re.search(r'<figure class="swp-poster__qr">\s*(<svg.*?</svg>)', sheet, re.S).group(1)
        assert svg == segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, title=f"QR code: {url}")
