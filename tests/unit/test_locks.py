"""Installs are locked: every dependency in pyproject.toml is pinned, with hashes, in its lock file."""
import re
import tomllib

import pytest

from tests.helpers import PROJECT

PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text())
DEPENDENCIES = PYPROJECT["project"]["dependencies"]
EXTRAS = PYPROJECT["project"]["optional-dependencies"]


def name_of(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pinned(lock: str) -> dict[str, str]:
    text = (PROJECT / "requirements" / f"{lock}.lock").read_text()
    return {m[0].lower(): m[1] for m in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M)}


@pytest.mark.parametrize("lock, wanted", [("site", DEPENDENCIES), ("test", DEPENDENCIES + EXTRAS["test"]), ("zensical", DEPENDENCIES + EXTRAS["zensical"]),
                                          ("properdocs", DEPENDENCIES + EXTRAS["properdocs"])])
def test_each_lock_pins_every_dependency_with_hashes(lock, wanted):
    versions = pinned(lock)
    for requirement in wanted:
        assert name_of(requirement) in versions, f"requirements/{lock}.lock lacks {requirement}: run `make lock`"
    text = (PROJECT / "requirements" / f"{lock}.lock").read_text()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    for block in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", body.strip()):
        assert "--hash=sha256:" in block, f"requirements/{lock}.lock: {block.splitlines()[0]} has no hash"


def test_the_locked_material_has_the_search_fix():
    major, minor, patch = (int(p) for p in pinned("site")["mkdocs-material"].split(".")[:3])
    assert (major, minor, patch) >= (9, 7, 7)


def test_make_installs_from_the_locks_only():
    makefile = (PROJECT / "Makefile").read_text()
    installs = re.findall(r"pip install [^\n]*", makefile)
    assert installs and all("--require-hashes -r requirements/" in line or "pip-tools" in line for line in installs), installs


def test_properdocs_builds_with_the_versions_mkdocs_builds_with():
    """The ProperDocs venv differs from the site's only by ProperDocs, so the two builds can be compared byte for byte."""
    site, properdocs = pinned("site"), pinned("properdocs")
    assert {name: version for name, version in properdocs.items() if name != "properdocs"} == site
