"""mkdocs-macros entry point: `define_env` checks the content, then registers macros.

The logic lives in the small modules beside this one; this file only wires
them to the macros plugin.
"""
from __future__ import annotations

import sys
from pathlib import Path

# Zensical loads this file on its own, not as a package: make the package importable.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

try:  # MkDocs reports a PluginError as a clean one-line build error.
    from mkdocs.exceptions import PluginError
except ImportError:  # Zensical, without MkDocs installed
    PluginError = RuntimeError

from macros.content.contract_year import contract_year_on, today
from macros.content.errors import ContentError
from macros.content.guidance import SECTIONS as GUIDANCE_HEADINGS
from macros.content.letter_models import LETTER_GROUPS
from macros.content.letters import INVITATIONS_DIR, LETTERS_DIR, markup_warnings
from macros.content.load import load_content
from macros.content.transfers import DESCRIPTION_LIMIT, MINUTES_LIMIT, NAME_LIMIT, OTHER_TASK, REPORT_PAGE
from macros.pages.branding import contact_rows, escape_for_pages
from macros.pages.directory import boroughs_by_lmc
from macros.pages.guidance import guidance_pages, relative_link
from macros.pages.home import asked_tasks
from macros.pages.letters import letter_page
from macros.pages.macro_errors import install as install_macro_errors
from macros.pages.posters import poster_view
from macros.pages.render import render_partial
from macros.pages.report_page import report_page_urls
from macros.pages.review import changes
from macros.pages.transfers import organisation_names, task_groups


def define_env(env):
    """Validate every page and data file (fail fast, naming the file), then register macros."""
    install_macro_errors()
    try:
        content = load_content(Path(env.conf["docs_dir"]), env.conf["extra"])
    except ContentError as error:
        raise PluginError(str(error)) from None
    branding, pages, directory = content.branding, content.pages, content.directory
    # Theme templates (page-dates.html) compare each page's contract year with this one.
    env.conf["extra"]["contract_year_now"] = contract_year_on(today())
    # Pages print `{{ lmc.name }}` as it is (mkdocs-macros does not escape): make it escaped text.
    for variables in (env.variables, env.variables.get("extra") or {}):
        escape_for_pages(variables.get("lmc"))
    # The theme (main.html) ends these pages with "Something wrong or out of date on this page?".
    env.conf["extra"]["report_pages"] = report_page_urls(pages)
    letters, invitations, posters = content.letters, content.invitations, content.posters
    # Not failures: the letter prints the text as written; the editor is shown what it will print.
    for warning in markup_warnings(letters, LETTERS_DIR) + markup_warnings(invitations, INVITATIONS_DIR):
        print(f"WARNING (the build goes on): {warning}", file=sys.stderr)

    @env.macro
    def lmc_contacts():
        """The LMC's configured contacts; those not set up say to ask the LMC."""
        return render_partial("swp/contacts.html", lmc=branding, rows=contact_rows(branding))

    @env.macro
    def guidance_headings():
        """The headings every guidance page has, in order (macros/content/guidance.py), as a phrase."""
        return "; ".join(GUIDANCE_HEADINGS)

    @env.macro
    def privacy_note():
        """The privacy promise (overrides/swp/privacy.html), the same words as above every form."""
        return render_partial("swp/privacy.html")

    @env.macro
    def about_publisher():
        """Who publishes the pack, from extra.lmc."""
        return render_partial("swp/about_publisher.html", lmc=branding)

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
        return render_partial(
            "swp/letter.html",
            **letter_page(every, letter_id, ticked),
            site_name=env.conf["site_name"],
            report_href=relative_link(REPORT_PAGE.replace(".md", ".html"), _src(env)),
            # "Report this transfer" carries the organisation only when it is one of these.
            organisations=organisation_names(content.organisations),
        )

    @env.macro
    def transfer_report():
        """The workload-transfer report form: tasks from the letters, choices and columns from transfers.yml."""
        here = _src(env)
        return render_partial(
            "swp/transfer_report.html",
            lmc=branding,
            site_name=env.conf["site_name"],
            form=content.transfer_form,
            tasks=task_groups(letters),
            other_task=OTHER_TASK,
            organisations=organisation_names(content.organisations),
            directory=directory,
            directory_href=_directory_href(here),
            description_limit=DESCRIPTION_LIMIT,
            minutes_limit=MINUTES_LIMIT,
            name_limit=NAME_LIMIT,
        )

    @env.macro
    def transfer_columns():
        """The report's CSV columns and codes, for the LMC's page."""
        return render_partial("swp/transfer_columns.html", form=content.transfer_form)

    @env.macro
    def transfer_organisations():
        """The suggested organisations, each with the page its name was checked against."""
        return render_partial("swp/transfer_organisations.html", organisations=content.organisations)

    @env.macro
    def report_address():
        """Where reports go: the LMC's configured email, or where to find the borough LMC (never a guess)."""
        here = _src(env)
        return render_partial(
            "swp/report_address.html",
            lmc=branding,
            directory_href=_directory_href(here),
        )

    @env.macro
    def letters_index():
        """Every letter, grouped by who asks for the work: its one line and its tasks, linked."""
        here = _src(env)
        groups = [
            (heading, [(relative_link(f"letters/{lid}.md", here), item) for lid, item in letters.items() if item.group == key])
            for key, heading in LETTER_GROUPS.items()
        ]
        groups = [(heading, sorted(entries, key=lambda entry: entry[1].title.lower())) for heading, entries in groups if entries]
        return render_partial("swp/letters_index.md", groups=groups)

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

    @env.macro
    def asked_to():
        """The home page's "I've been asked to…" list: every letter's task and every page's `tasks:`."""
        groups = asked_tasks(letters, pages, _menu(env.conf["nav"]), _src(env))
        return render_partial("swp/home_tasks.md", groups=groups)

    @env.macro
    def whats_changed():
        """Content changes by date, from each page's review date and note."""
        here = _src(env)
        groups = [(day, [(relative_link(path, here), meta) for path, meta in items]) for day, items in changes(pages)]
        return render_partial("swp/whats_changed.md", groups=groups)


def _menu(nav) -> list[str]:
    """Every page in the nav (mkdocs.yml), in menu order."""
    found = []
    for item in nav or []:
        for value in (item.values() if isinstance(item, dict) else [item]):
            found.extend(_menu(value) if isinstance(value, list) else [value])
    return found


def _directory_href(here: str) -> str:
    """The borough LMC directory (support/raising-local-issues.md), linked from the page `here`."""
    return relative_link("support/raising-local-issues.html", here) + "#borough-lmcs-in-london"


def _src(env) -> str:
    """The current page's path under docs/ (MkDocs: page.file.src_uri; Zensical: page.path)."""
    page = getattr(env, "page", None)
    if page is None:
        return "letters/index.md"
    file = getattr(page, "file", None)
    return str(file.src_uri if file is not None else page.path).replace("\\", "/")
