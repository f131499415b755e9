"""Third-party JavaScript the site ships, taken from the npm registry: `make vendor`.

Each library is pinned in VENDORED below. `python -m macros.tools.vendor` downloads the
pinned package with `npm pack` (npm checks the registry's integrity hash), copies
the one browser file the site needs and its licence into docs/assets/vendor/<name>/,
and records the version, licence, registry integrity and the file's SHA-256 in
vendor.json beside it. The site build copies that folder like any other asset;
tests check the file still matches its record, so nothing is edited by hand.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from macros.content.datafiles import PROJECT_DIR

VENDOR_DIR = PROJECT_DIR / "docs" / "assets" / "vendor"

# name: (version, file inside the package, file name in the site, why we ship it)
VENDORED = {
    "fflate": (
        "0.8.3",
        "package/umd/index.js",
        "fflate.min.js",
        "Zips the Word (.docx) file a letter page builds in the browser; loaded only when a GP clicks Download.",
    ),
    "lunr": (
        "2.3.9",
        "package/lunr.min.js",
        "lunr.min.js",
        "Answers searches in the site's search worker (assets/javascripts/search-worker.js) from the "
        "index the build prepared; loaded only by that worker, when a page's search starts.",
    ),
    "papaparse": (
        "5.7.1",
        "package/papaparse.min.js",
        "papaparse.min.js",
        "Reads practices' CSV reports as spreadsheets save them (quoted separators and newlines, "
        "semicolons, byte-order marks); loaded only on the combine-reports page.",
    ),
}


def sha256(path: Path) -> str:
    """The file's SHA-256, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(name: str) -> dict:
    """What vendor.json says about a vendored library."""
    return json.loads((VENDOR_DIR / name / "vendor.json").read_text(encoding="utf-8"))


def refresh(name: str) -> dict:
    """Download the pinned package from npm and write its browser file, licence and record."""
    version, inner, filename, purpose = VENDORED[name]
    target = VENDOR_DIR / name
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        packed = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", tmp],
            check=True, capture_output=True, text=True,
        )
        info = json.loads(packed.stdout)[0]
        with tarfile.open(Path(tmp) / info["filename"]) as archive:
            (target / filename).write_bytes(archive.extractfile(inner).read())
            (target / "LICENSE.txt").write_bytes(archive.extractfile("package/LICENSE").read())
            package = json.load(archive.extractfile("package/package.json"))
    entry = {
        "package": name,
        "version": version,
        "license": package["license"],
        "source": f"https://www.npmjs.com/package/{name}/v/{version}",
        "registry_integrity": info["integrity"],
        "file": filename,
        "from": inner.removeprefix("package/"),
        "sha256": sha256(target / filename),
        "purpose": purpose,
    }
    (target / "vendor.json").write_text(json.dumps(entry, indent=2) + "\n", encoding="utf-8")
    return entry


def main(names: list[str] | None = None) -> int:
    for name in names or VENDORED:
        entry = refresh(name)
        print(f"{name} {entry['version']} ({entry['license']}) -> docs/assets/vendor/{name}/{entry['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
