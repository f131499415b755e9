"""The browser scripts' pure logic (tests/js/*.test.js), run with Node's own test runner.

`make test` installs Node.js (Debian's) with the W3C checker when the machine has none.
Each JavaScript test file is one Node test; a failure prints Node's report."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import PROJECT

JS_TESTS = sorted((PROJECT / "tests" / "js").glob("*.test.js"))


def test_there_are_javascript_unit_tests():
    assert len(JS_TESTS) >= 2


@pytest.mark.parametrize("path", JS_TESTS, ids=lambda path: path.name)
def test_node_test_runner_passes(path):
    node = shutil.which("node")
    assert node, "no Node.js: run `make test`, which installs Debian's"
    result = subprocess.run([node, "--test", str(path)], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
