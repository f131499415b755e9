"""The checks that must pass before any generator reads the project: mkdocs.yml
(macros/content/config_file.py) and the symbolic links in docs/, macros/data/ and
overrides/ (macros/content/symlinks.py).

MkDocs runs them itself (the hook checks mkdocs.yml as MkDocs loads it; the macros check
the links before MkDocs copies anything). Zensical copies docs/ before it runs the
project's macros, so `make zensical` runs `python -m macros.tools.preflight` first.
"""
from __future__ import annotations

import sys

from macros.content.config_file import read_config_file
from macros.content.datafiles import DATA_DIR, PROJECT_DIR
from macros.content.errors import ContentError
from macros.content.symlinks import check_links


def main() -> int:
    try:
        read_config_file()
        check_links([PROJECT_DIR / "docs", DATA_DIR, PROJECT_DIR / "overrides"])
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
