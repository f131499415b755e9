"""Build steps run on the finished site, whichever generator wrote it (MkDocs or Zensical).

Today: every page gets its Content Security Policy <meta> (macros/csp.py).
`python -m macros.site_steps SITE_DIR` runs them (`make zensical` does); the
MkDocs hook (macros/hooks.py) calls the same function, so `mkdocs serve` keeps
it live. The steps are idempotent: running them twice changes nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .csp import add_policy_meta


def add_policies(site_dir: Path) -> int:
    """Add the security policy to every HTML page under site_dir; return how many pages were written."""
    written = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        with_policy = add_policy_meta(html)
        if with_policy != html:
            page.write_text(with_policy, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    if not site.is_dir():
        print(f"{site} is not a built site: build it first", file=sys.stderr)
        return 2
    print(f"Security policy added to {add_policies(site)} pages in {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
