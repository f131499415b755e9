"""`make dist`: unzip anywhere, open index.html, and everything works with no network."""
import subprocess
import zipfile
from urllib.parse import urlsplit

import pytest

from tests.browser.search import search
from tests.helpers import PROJECT, docx_text, download_word

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    result = subprocess.run(["make", "dist"], cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    version = next(line.split('"')[1] for line in (PROJECT / "pyproject.toml").read_text().splitlines() if line.startswith("version"))
    archive = PROJECT / "dist" / f"safe-working-pack-{version}.zip"
    assert archive.is_file()
    target = tmp_path_factory.mktemp("shared-drive")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    folder = target / f"safe-working-pack-{version}"
    assert (folder / "index.html").is_file()
    return folder


def test_the_build_steps_ran(unzipped):
    """`make dist` builds with `make build`: the search words and the security policy are in."""
    assert '"keywords":' in (unzipped / "search" / "search_index.js").read_text()
    assert (unzipped / "letters" / "sick-notes.html").read_text().count('http-equiv="Content-Security-Policy"') == 1


def test_unzipped_site_works_from_disk_with_search(unzipped, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto((unzipped / "index.html").as_uri())
    hrefs = search(page, "did not attend")
    assert any(href.endswith("letters/dna-discharge.html") for href in hrefs[:3]), hrefs[:3]
    page.goto((unzipped / "letters" / "dna-discharge.html").as_uri())
    page.fill("#field-patient_name", "Jane Doe")
    assert "Jane Doe" in page.locator(".swp-letter").inner_text()
    download = download_word(page)
    assert "Jane Doe" in docx_text(download.path())
    outside = [url for url in requests if urlsplit(url).scheme not in ("file", "data", "blob", "about")]
    assert outside == [] and errors == []
    context.close()
