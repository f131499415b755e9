"""Third-party JavaScript: each vendored file is exactly what `make vendor` took from npm."""
import json

import pytest

from macros.tools.vendor import VENDOR_DIR, VENDORED, record, sha256

PERMISSIVE = {"MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0"}


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_vendored_file_matches_its_record(name):
    version, inner, filename, purpose = VENDORED[name]
    entry = record(name)
    assert entry["package"] == name and entry["version"] == version, "run `make vendor` after changing the pin"
    assert entry["file"] == filename and entry["from"] == inner.removeprefix("package/")
    assert sha256(VENDOR_DIR / name / filename) == entry["sha256"], f"{filename} was edited by hand: run `make vendor`"
    assert entry["registry_integrity"].startswith("sha512-")
    assert entry["source"] == f"https://www.npmjs.com/package/{name}/v/{version}"


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_vendored_file_ships_with_its_licence(name):
    entry = record(name)
    assert entry["license"] in PERMISSIVE
    licence = (VENDOR_DIR / name / "LICENSE.txt").read_text(encoding="utf-8")
    assert entry["license"].split("-")[0] in licence or "Permission is hereby granted" in licence


def test_nothing_else_is_vendored():
    assert sorted(p.name for p in VENDOR_DIR.iterdir()) == sorted(VENDORED)
    for name in VENDORED:
        assert sorted(p.name for p in (VENDOR_DIR / name).iterdir()) == sorted(["LICENSE.txt", "vendor.json", VENDORED[name][2]])
        json.loads((VENDOR_DIR / name / "vendor.json").read_text(encoding="utf-8"))
