"""Session fixtures: the site is built once, strictly, for all build and browser tests."""
from __future__ import annotations

import pytest

from tests.helpers import PROJECT, build_site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The site built from the working tree with `mkdocs build --strict`."""
    target = tmp_path_factory.mktemp("site")
    result = build_site(PROJECT, target)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return target
