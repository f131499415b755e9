"""MkDocs hooks (also run by ProperDocs): thin callers, nothing the site needs is made here.

- While MkDocs loads mkdocs.yml (it imports this file then), the file is checked as editors'
  files are, so a key written twice or an anchor bomb stops the build with one line.
- MkDocs' broken-link warnings are reworded for editors (macros/steps/links.py), and
  mkdocs-macros' second announcement of our one module is dropped (OneModuleLine).
- Every command that writes a site (`mkdocs build`, `mkdocs gh-deploy`, `mkdocs serve` after
  each rebuild, and the same under `properdocs`) ends with the build steps
  (macros/steps/run.py: markup fixes, search words, security policy), after every plugin,
  so `mkdocs build` alone gives the finished site. Zensical runs no hooks: `make zensical`
  runs `python -m macros.steps` itself.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

# MkDocs loads hooks by file path: make the project's macros package importable.
_PROJECT = str(Path(__file__).resolve().parents[2])
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from macros.content.config_file import read_config_file
from macros.content.errors import ContentError
from macros.pages.render import compiled_templates
from macros.steps.links import install as install_link_words
from macros.steps.run import run_steps

log = logging.getLogger("mkdocs.hooks.steps")


def config_being_loaded() -> Path:
    """The configuration file MkDocs is reading: it imports this hook while it checks the file's settings."""
    frame = sys._getframe(1)
    while frame is not None:
        path = getattr(frame.f_locals.get("self"), "config_file_path", None)
        if path:
            return Path(path)
        frame = frame.f_back
    return Path(_PROJECT) / "mkdocs.yml"


def refuse_unsafe_config() -> None:
    """Check mkdocs.yml as editors' files are (macros/content/config_file.py) before MkDocs goes on:
    next it prints every setting to its debug log, which nested YAML aliases would make hang."""
    try:
        read_config_file(config_being_loaded())
    except ContentError as error:
        raise Abort(f"Aborted: {error}") from None


refuse_unsafe_config()


class OneModuleLine(logging.Filter):
    """mkdocs-macros 1.5 loads the project's module once but announces it twice: "Found local
    Python module 'macros'", then, as it runs define_env, "Found external Python module 'macros'"
    for the same folder. Drop that second line, so the log says what happened."""

    def __init__(self):
        super().__init__()
        self.local: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for kind in ("local", "external"):
            marker = f"Found {kind} Python module "
            if marker in message:
                name = message.split(marker, 1)[1].split(" in:", 1)[0]
                if kind == "local":
                    self.local.add(name)
                    return True
                return name not in self.local
        return True


def quiet_second_module_line() -> None:
    """Install OneModuleLine on mkdocs-macros' logger (once, however often MkDocs loads this file)."""
    logger = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")
    for old in [f for f in logger.filters if type(f).__name__ == "OneModuleLine"]:
        logger.removeFilter(old)
    logger.addFilter(OneModuleLine())


quiet_second_module_line()


def material_search_worker(theme_dirs) -> str | None:
    """The address of Material's own search worker in the site (its name carries a hash), or None."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    return None


def on_env(env, config, files):
    """The theme's templates come compiled from Jinja's cache when their text is unchanged; they
    learn the name of Material's search worker, which overrides/main.html swaps for the site's."""
    if env.bytecode_cache is None:
        env.bytecode_cache = compiled_templates(env, "theme")
    worker = material_search_worker(config.theme.dirs)
    if worker:
        env.globals["material_search_worker"] = worker
    return env


def on_pre_build(config):
    """Word MkDocs' broken-link warnings for editors."""
    install_link_words(Path(config.docs_dir))


# Last of all: Material's offline plugin inlines the search index at priority -100, and the
# search words must reach that copy too.
@event_priority(-200)
def on_post_build(config):
    """The build steps on the site just written, whichever command wrote it."""
    for line in run_steps(Path(config.site_dir), Path(config.docs_dir)):
        log.info(line)
