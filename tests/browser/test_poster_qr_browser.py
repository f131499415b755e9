"""The QR code as a phone sees it: each poster version's code, drawn by Chromium
on screen and in the print layout, is read back with a real decoder (zxing-cpp)
and must open that version's own address on the detail page (the English
version's is the page itself; every other version's ends #version-<key>)."""
import base64

import pytest
import zxingcpp

from macros.content.posters import load_posters
from macros.pages.posters import poster_versions, version_url
from tests.helpers import PROJECT, build_site

pytestmark = pytest.mark.browser
POSTERS = load_posters()
SITE_URL = "https://intranet.example.nhs.uk/safe-working/"

# Chromium decodes the PNG for us (no imaging library needed): draw it on a
# canvas and hand back one grey byte per pixel, base64-encoded.
GREY_PIXELS = """async (png) => {
    const image = new Image();
    image.src = "data:image/png;base64," + png;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let grey = "";
    for (let i = 0; i < rgba.length; i += 4) {
        grey += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
    }
    return [canvas.width, canvas.height, btoa(grey)];
}"""


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    target = tmp_path_factory.mktemp("site-qr-decode")
    result = build_site(PROJECT, target, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def decoder(browser):
    """A blank page that turns a PNG screenshot into the texts of the QR codes in it."""
    page = browser.new_page()

    def decode(png: bytes) -> list[str]:
        width, height, grey = page.evaluate(GREY_PIXELS, base64.b64encode(png).decode("ascii"))
        pixels = memoryview(base64.b64decode(grey)).cast("B", (height, width))
        return [code.text for code in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]

    yield decode
    page.close()


def test_the_decoder_is_real(decoder, browser):
    """A blank screenshot holds no code: the decoder does not echo what we expect."""
    page = browser.new_page(viewport={"width": 200, "height": 200})
    page.set_content("<body style='background:#fff'></body>")
    assert decoder(page.screenshot()) == []
    page.close()


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("poster_id", sorted(POSTERS))
def test_each_versions_qr_code_decodes_to_its_own_address(poster_id, media, site_with_url, decoder, browser):
    context = browser.new_context(viewport={"width": 1000, "height": 1400}, device_scale_factor=2)
    page = context.new_page()
    page.emulate_media(media=media)
    address = (site_with_url / "posters" / f"{poster_id}.html").as_uri()
    for version in poster_versions(POSTERS[poster_id]):
        key = version["key"]
        page.goto(f"{address}#version-{key}")
        code = page.locator(f"#version-{key} .swp-poster__qr svg")
        assert page.locator(".swp-poster:not([hidden])").get_attribute("id") == f"version-{key}"
        expected = version_url(f"{SITE_URL}posters/{poster_id}.html", key)
        assert decoder(code.screenshot()) == [expected], f"{poster_id} {key} ({media})"
    context.close()
