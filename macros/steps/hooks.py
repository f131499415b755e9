"""MkDocs hooks: thin callers, nothing the site needs is made here.

- While MkDocs loads mkdocs.yml (it imports this file then), the file is checked as editors'
  files are, so a key written twice or an anchor bomb stops the build with one line.
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

from mkdocs.exceptions import Abort

from macros.content.config_file import read_config_file
from macros.content.errors import ContentError
from macros.steps.links import install as install_link_words
from macros.steps.run import run_steps

log = logging.getLogger("mkdocs.hooks.steps")
_command: dict[str, str] = {}


def config_being_loaded() -> Path:
    """The configuration file MkDocs is reading: it imports this hook while it checks the file's settings."""
    frame = sys._getframe(1)
    while frame is not None:
        path = getattr(frame.f_locals.get("self"), "config_file_path", None)
        if path:
            return Path(path)
        frame = frame.f_back
    return Path(__file__).resolve().parents[2] / "mkdocs.yml"


def refuse_unsafe_config() -> None:
    """Check mkdocs.yml as editors' files are (macros/content/config_file.py) before MkDocs goes on:
    next it prints every setting to its debug log, which nested YAML aliases would make hang."""
    try:
        read_config_file(config_being_loaded())
    except ContentError as error:
        raise Abort(f"Aborted: {error}") from None


refuse_unsafe_config()


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
