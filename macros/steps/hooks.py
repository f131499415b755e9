"""MkDocs hooks: thin callers, nothing the site needs is made here.

- MkDocs' broken-link warnings are reworded for editors (macros/steps/links.py).
- Under `mkdocs serve` only, the build steps (macros/steps/run.py: search words,
  security policy) run after each rebuild, so the live site has them. For a real
  build they run after the generator, outside MkDocs: `make build` runs
  `mkdocs build` and then `python -m macros.steps site`, exactly as
  `make zensical` does for Zensical, which ignores MkDocs hooks.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads hooks by file path: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros.steps.links import install as install_link_words
from macros.steps.run import run_steps

log = logging.getLogger("mkdocs.hooks.steps")
_command: dict[str, str] = {}


def on_startup(command, dirty):
    """Remember whether this is `mkdocs serve` or `mkdocs build`."""
    _command["name"] = command


def on_pre_build(config):
    """Word MkDocs' broken-link warnings for editors."""
    install_link_words(Path(config.docs_dir))


@event_priority(-200)
def on_post_build(config):
    """Serving: run the build steps after every plugin (the offline plugin inlines the index at -100)."""
    if _command.get("name") == "serve":
        for line in run_steps(Path(config.site_dir), Path(config.docs_dir)):
            log.info(line)
