"""Load and check all the content at once: every page's front matter and every data file.

Used by `define_env` (each build) and by `make check`. The first problem
found stops the load with a ContentError that names the file and the field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.content.branding import Branding, check_logo_file, load_branding
from macros.content.directory import Directory, load_directory
from macros.content.datafiles import DATA_DIR, PROJECT_DIR, display_path, line_of, read_text
from macros.content.errors import ContentError
from macros.content.guidance import check_guidance, check_no_sources_heading
from macros.content.letter_models import Letter
from macros.content.letters import INVITATIONS_DIR, LETTERS_DIR, load_letters
from macros.content.front_matter import PageMeta, check_tags, line_in_body, load_topics, read_all_pages
from macros.content.symlinks import check_links
from macros.content.posters import Poster, check_poster_pages, load_posters
from macros.content.transfers import REPORT_PAGE, Organisations, TransferForm, load_organisations, load_transfer_form


@dataclass
class Content:
    branding: Branding
    pages: dict[str, tuple[PageMeta, str]]
    directory: Directory
    letters: dict[str, Letter]
    invitations: dict[str, Letter]
    posters: dict[str, Poster]
    transfer_form: TransferForm
    organisations: Organisations

    def drafts(self) -> list[str]:
        """Pages and data still marked `draft: true`."""
        found = [f"docs/{path}" for path, (meta, _) in self.pages.items() if meta.draft]
        found += [f"macros/data/letters/{i}.yml" for i, item in self.letters.items() if item.draft]
        found += [f"macros/data/posters/{i}.yml" for i, item in self.posters.items() if item.draft]
        return found


def check_data_pages(pages: dict[str, tuple[PageMeta, str]], folder: str, items: dict, kind: str) -> None:
    """Each letter or poster has its page, and both carry the same review date.

    A letter's page also says which contract year the letter is correct for;
    the page's sources, search words and tasks are the letter's or poster's own (its data),
    never a second list.
    """
    for item_id, item in items.items():
        path = f"{folder}/{item_id}.md"
        if path not in pages:
            raise ContentError(f"macros/data/{folder}/{item_id}.yml", f"has no page: create docs/{path} that shows it with {{{{ {kind}(\"{item_id}\") }}}}")
        meta = pages[path][0]
        if kind == "letter" and meta.contract_year is None:
            raise ContentError(f"docs/{path}", "is missing: add the GP contract year the letter is correct for, e.g. contract_year: 2026/27", field="contract_year")
        if meta.sources:
            raise ContentError(
                f"docs/{path}",
                f"lists sources, but this page shows macros/data/{folder}/{item_id}.yml: keep its sources there only",
                field="sources",
            )
        for field in ("search_terms", "tasks"):
            if getattr(meta, field):
                raise ContentError(
                    f"docs/{path}",
                    f"lists {field}, but this page shows macros/data/{folder}/{item_id}.yml: keep them there only"
                    + (" (a letter's work is its `task`)" if field == "tasks" else ""),
                    field=field,
                )
        if meta.last_reviewed != item.last_reviewed:
            raise ContentError(
                f"docs/{path}",
                f"{meta.last_reviewed} does not match macros/data/{folder}/{item_id}.yml ({item.last_reviewed}): "
                "when you review, set both to the date of the review",
                field="last_reviewed",
            )


def check_sources_finished(name: str, sources: list, draft: bool) -> None:
    """A finished page, letter or poster keeps none of the scaffold's TODO sources."""
    if draft:
        return
    for index, source in enumerate(sources):
        if "TODO" in " ".join(filter(None, (source.publisher, source.title, source.url, source.offline))):
            raise ContentError(name, "still has the scaffold's TODO: give the real publisher, title, url and date (or keep `draft: true`)", field=f"sources.{index}")


MACRO_CALL = re.compile(r"\{\{|\{%")


def check_macros_opt_in(name: str, meta: PageMeta, body: str, first_line: int) -> None:
    """A page that calls a macro must opt in, or readers would see the {{ … }} text itself."""
    found = MACRO_CALL.search(body)
    if found and not meta.render_macros:
        raise ContentError(
            name,
            "calls a macro ({{ … }}) but its front matter has no `render_macros: true`: add it, "
            "or readers see the braces instead of the letter or list",
            line=line_in_body(body, found.start(), first_line),
        )


def _scheme(word: str) -> str:
    """A pattern for `word` (e.g. "javascript:") as a browser still reads it: any character written
    as an HTML entity (&#106; &#x6A; &colon;), in any case, with tabs or line breaks between them."""
    gap = r"(?:\s|&(?:tab|newline);|&#0*(?:9|10|13);?|&#x0*(?:9|a|d);?)*"
    named = {":": "|&colon;"}
    return gap.join(
        f"(?:{re.escape(char)}|&#0*{ord(char)};?|&#x0*{ord(char):x};?{named.get(char, '')})" for char in word
    )


# An attribute starts after a space, a slash or a closing quote (<svg/onload=…>, <a href="x"ping=…>).
ATTRIBUTE = r"<[a-z][^>]*?[\s/\"']"
NO_SCRIPTS = "Remove it; for a link, write an ordinary https:// address"
# What no page or data file may hold: the site's security policy blocks most of them anyway,
# but an editor should hear about it from `make check`, not from a reader.
ACTIVE_CONTENT = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element", NO_SCRIPTS),
    (re.compile(ATTRIBUTE + r"on[a-z]+\s*=", re.I | re.S), "an inline event handler (onclick= or the like)", NO_SCRIPTS),
    (re.compile(_scheme("javascript:"), re.I), "a javascript: address", NO_SCRIPTS),
    (re.compile(r"(?<![\w.+-])" + _scheme("data:") + r"[ \t]*(?:[a-z][\w.+-]*/[\w.+-]+)?[ \t]*[;,]", re.I),
     "a data: address (a whole file or page written into a link)", NO_SCRIPTS),
    (re.compile(r"<\s*(iframe|frame|frameset|object|embed|applet|portal)\b", re.I), "an embedded frame or object", NO_SCRIPTS),
    (re.compile(r"<\s*meta\b", re.I), "a <meta> element (a refresh would take the reader to another page or site)", "Remove it"),
    (re.compile(r"<\s*base\b", re.I), "a <base> element (it changes where every link on the page goes)", "Remove it"),
    (re.compile(r"<\s*form\b", re.I), "a <form> (it could send what a reader types somewhere else)", "Remove it"),
    (re.compile(r"<\s*link\b", re.I), "a <link> element (it loads another file into the page)",
     "Remove it: the site's own stylesheets are listed in mkdocs.yml"),
    (re.compile(r"<\s*style\b", re.I), "a <style> element", "Remove it: styles belong in docs/assets/stylesheets/"),
    (re.compile(ATTRIBUTE + r"style\s*=\s*(?:\"[^\"]*?|'[^']*?|[^\s>]*?)(?:url\s*\(|\\|&)", re.I | re.S),
     "a style attribute that loads an address (url(…))", "Remove it: styles belong in docs/assets/stylesheets/"),
    (re.compile(ATTRIBUTE + r"ping\s*=", re.I | re.S), "a ping= attribute (it reports each click to an address)", "Remove it"),
]


def check_no_active_content(name: str, text: str) -> None:
    """Pages and data never carry scripts, or anything that loads, sends or redirects: refuse them naming the file and line."""
    for pattern, what, instead in ACTIVE_CONTENT:
        found = pattern.search(text)
        if found:
            raise ContentError(
                name,
                f"has {what}: pages and data files may not run scripts, embed or redirect to other pages, "
                f"load other files or send what a reader types. {instead}",
                line=text[: found.start()].count("\n") + 1,
            )


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
TITLE_LINE = re.compile(r"^ {0,3}#(?:[ \t]|$)|^\s*<h1[\s>]", re.I)
SETEXT_TITLE = re.compile(r"^ {0,3}=+[ \t]*$")


def title_lines(body: str) -> list[int]:
    """The 0-based lines of the body's top-level headings (`# …`, a line underlined with ===, or
    <h1>), outside fenced code."""
    found, fence = [], ""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif TITLE_LINE.match(line) or (SETEXT_TITLE.match(line) and index and lines[index - 1].strip()):
            found.append(index)
    return found


def check_one_title(name: str, body: str, first_line: int) -> None:
    """A page has one title: a second `# …` heading is refused (the menu, the search and a
    screen reader's outline would all take the page's title from the first)."""
    titles = title_lines(body)
    if len(titles) > 1:
        raise ContentError(
            name,
            "has a second title (a top-level `# …` heading): a page has one title, its first `# …` heading. "
            "Make this one a section, `## …`",
            line=first_line + titles[1],
        )


DOCUMENT_CALL = re.compile(r"""\b(letter|poster)\(\s*["']([^"']*)["']""")


def check_called_documents(name: str, body: str, first_line: int, letters: dict, posters: dict) -> None:
    """A page that shows a letter or a poster names one whose data file exists."""
    for call in DOCUMENT_CALL.finditer(body):
        kind, item_id = call.groups()
        known = letters if kind == "letter" else posters
        if item_id not in known:
            raise ContentError(
                name,
                f'shows {kind}("{item_id}"), but there is no macros/data/{kind}s/{item_id}.yml: restore the file, '
                f"or use one of the ids that exist ({', '.join(sorted(known))})",
                line=line_in_body(body, call.start(), first_line),
            )


def check_unique_ids(letters: dict, invitations: dict) -> None:
    """Letters and invitations share page and Word file names: one id each."""
    for item_id in sorted(set(letters) & set(invitations)):
        path = LETTERS_DIR / f"{item_id}.yml"
        raise ContentError(
            display_path(path),
            f"`{item_id}` is also the id of macros/data/invitations/{item_id}.yml: give the letter another id (and file name)",
            field="id",
            line=line_of(read_text(path), ("id",)),
        )


def body_line(path: Path, body: str) -> int:
    """The file line on which a page's body (after its front matter) starts."""
    text = read_text(path)
    return text[: len(text) - len(body)].count("\n") + 1


def load_content(docs_dir: Path, extra: dict) -> Content:
    """Read and check everything; raise ContentError at the first problem."""
    check_links([Path(docs_dir), DATA_DIR, PROJECT_DIR / "overrides"])
    branding = load_branding(extra)
    check_logo_file(branding, Path(docs_dir))
    pages = read_all_pages(Path(docs_dir))
    check_tags(pages, load_topics())
    for data_file in sorted(DATA_DIR.rglob("*.yml")):
        check_no_active_content(display_path(data_file), read_text(data_file))
    for path, (meta, body) in pages.items():
        first_line = body_line(Path(docs_dir) / path, body)
        check_no_active_content(f"docs/{path}", read_text(Path(docs_dir) / path))
        check_one_title(f"docs/{path}", body, first_line)
        check_no_sources_heading(f"docs/{path}", body, first_line=first_line)
        check_macros_opt_in(f"docs/{path}", meta, body, first_line)
        check_sources_finished(f"docs/{path}", meta.sources, meta.draft)
        if meta.type == "guidance":
            check_guidance(f"docs/{path}", meta, body)
    letters = load_letters()
    invitations = load_letters(INVITATIONS_DIR)
    check_unique_ids(letters, invitations)
    posters = load_posters()
    for folder, items in (("letters", letters), ("posters", posters)):
        for item_id, item in items.items():
            check_sources_finished(f"macros/data/{folder}/{item_id}.yml", item.sources, item.draft)
    for path, (meta, body) in pages.items():
        if meta.render_macros:
            first_line = body_line(Path(docs_dir) / path, body)
            check_called_documents(f"docs/{path}", body, first_line, {**letters, **invitations}, posters)
    check_poster_pages(posters, set(pages))
    check_data_pages(pages, "letters", letters, "letter")
    check_data_pages(pages, "posters", posters, "poster")
    if letters and REPORT_PAGE not in pages:
        raise ContentError(f"docs/{REPORT_PAGE}", "is missing: every letter links to it for reporting a transfer to the LMC; restore it")
    return Content(branding, pages, load_directory(), letters, invitations, posters, load_transfer_form(), load_organisations())
