"""mkdocs-macros entry point: `define_env` checks the content, then registers macros.

The logic lives in the small modules beside this one; this file only wires
them to the macros plugin.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .branding import contact_rows, load_branding
from .errors import ContentError
from .directory import boroughs_by_lmc, load_directory
from .pages import read_all_pages
from .render import render_partial


def define_env(env):
    """Validate every page and data file (fail fast, naming the file), then register macros."""
    try:
        branding = load_branding(env.conf["extra"])
        read_all_pages(Path(env.conf["docs_dir"]))
        directory = load_directory()
    except ContentError as error:
        raise PluginError(str(error)) from None

    @env.macro
    def lmc_contacts():
        """The LMC's configured contacts; those not set up say to ask the LMC."""
        return render_partial("swp/contacts.html", lmc=branding, rows=contact_rows(branding))

    @env.macro
    def lmc_directory():
        """The borough LMCs, grouped by ICB, with contacts where configured."""
        return render_partial(
            "swp/lmc_directory.html",
            lmc=branding,
            directory=directory,
            by_lmc=boroughs_by_lmc(directory),
        )
