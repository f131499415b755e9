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
from .pages import check_tags, load_topics, read_all_pages
from .guidance import check_guidance, guidance_pages, relative_link
from .letters import INVITATIONS_DIR, letter_page, load_letters
from .posters import check_poster_pages, load_posters, poster_view
from .render import render_partial


def define_env(env):
    """Validate every page and data file (fail fast, naming the file), then register macros."""
    try:
        branding = load_branding(env.conf["extra"])
        pages = read_all_pages(Path(env.conf["docs_dir"]))
        check_tags(pages, load_topics())
        for path, (meta, body) in pages.items():
            if meta.type == "guidance":
                check_guidance(f"docs/{path}", meta, body)
        directory = load_directory()
        letters = load_letters()
        invitations = load_letters(INVITATIONS_DIR)
        posters = load_posters()
        check_poster_pages(posters, set(pages))
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

    @env.macro
    def letter(letter_id, ticked=None):
        """A template letter's page body: facts, form, letter, LMC note, sources."""
        every = {**letters, **invitations}
        return render_partial("swp/letter.html", **letter_page(every, letter_id, ticked, root=_root(env)))

    @env.macro
    def letters_index():
        """Every letter: what it is for and who should act instead, linked."""
        here = _src(env)
        items = [(relative_link(f"letters/{lid}.md", here), item) for lid, item in letters.items()]
        return render_partial("swp/letters_index.md", items=items)

    @env.macro
    def guidance_index():
        """Every guidance page with its one-line answer, linked."""
        here = _src(env)
        items = [(relative_link(path, here), meta) for path, meta in guidance_pages(pages)]
        return render_partial("swp/guidance_index.md", items=items)

    @env.macro
    def poster(poster_id):
        """A poster's page: controls, the printable sheet, the detail link, sources."""
        if poster_id not in posters:
            raise ContentError("macros/data/posters", f"no poster has the id `{poster_id}` (known: {', '.join(posters)})", field="id")
        view = poster_view(posters[poster_id], env.conf.get("site_url"))
        return render_partial("swp/poster.html", **view, detail_href=relative_link(posters[poster_id].page, _src(env)))

    @env.macro
    def poster_gallery():
        """Every poster as a scaled preview linked to its page."""
        here = _src(env)
        items = [
            {"poster": item, "href_html": relative_link(f"posters/{pid}.html", here)}
            for pid, item in posters.items()
        ]
        return render_partial("swp/poster_gallery.html", items=items)


def _src(env) -> str:
    """The current page's path under docs/ (letters/index.md when unknown)."""
    page = getattr(env, "page", None)
    return page.file.src_uri if page is not None else "letters/index.md"


def _root(env) -> str:
    """The relative path from the current page to the site root ("../" for letters/x.md)."""
    page = getattr(env, "page", None)
    depth = page.file.src_uri.count("/") if page is not None else 1
    return "../" * depth
