"""Shared helpers for the tests: build a site, copy the project, list pages."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "overrides", "macros", "mkdocs.yml")


def build_site(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Build as `make build` (and a bare `mkdocs build`) does: `mkdocs build --strict` (no -q/-v:
    they hide link validation); the hook in mkdocs.yml runs the build steps at its end."""
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    run_env.pop("SITE_URL", None) if env is None or "SITE_URL" not in env else None
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=run_env, capture_output=True, text=True, timeout=300)


def copy_project(target: Path) -> Path:
    """A throw-away copy of the site's sources, to break on purpose."""
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def html_pages(site_dir: Path) -> list[str]:
    """Every built page, as a path relative to the site root."""
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.relative_to(site_dir).parts
    )


def docx_text(path) -> str:
    """A Word file's text, paragraph by paragraph (line breaks as newlines), hyperlinks included."""
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def words(text: str) -> list[str]:
    """Text as a list of words, so layout (line breaks, spacing) does not count."""
    return text.split()


# The letter as it reads on screen, without the source notes (they stay on the page,
# not on paper or in Word) and without links' hidden heading anchors.
SCREEN_LETTER_TEXT = """() => {
    const letter = document.querySelector('.swp-letter');
    let text = letter.innerText;
    for (const note of letter.querySelectorAll('.swp-source-note')) text = text.replace(note.innerText, '');
    return text;
}"""


def download_word(page, action: str = "word"):
    """Click a letter's Word button and return the saved file's path."""
    with page.expect_download() as info:
        page.click(f"button[data-action={action}]")
    download = info.value
    assert download.failure() is None, download.failure()
    return download


def nav_files(nav) -> list[str]:
    """Every Markdown file named in mkdocs.yml's nav."""
    files = []
    for item in nav:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=Loader)


# Scripts a hostile or mistaken value would run: in a page's title (printed by Material's menus as it
# is) and in the LMC's name (printed only by our templates).
TITLE_SCRIPT = "<script>window.__marker = 'title'</script>"
LMC_SCRIPT = "<script>window.__marker = 'lmc'</script>"


def build_with_checks_off(target: Path) -> tuple[Path, subprocess.CompletedProcess]:
    """Build a copy of the project whose guidance/dental.md title and extra.lmc.name carry a script,
    with the checks that refuse them turned off in the copy (as if the values had slipped past
    `make check`), so the layers after it (escaping, the policy step) can be tested on their own.
    Returns the site folder (what the generator wrote) and the build's result."""
    project = copy_project(target / "project")
    plain = project / "macros" / "content" / "plain_text.py"
    plain.write_text(plain.read_text() + "\n\ndef plain_text(value):  # this test's copy only: the check is off\n    return value\n")
    load = project / "macros" / "content" / "load.py"
    load.write_text(load.read_text() + "\n\nACTIVE_CONTENT.clear()  # this test's copy only: the check is off\n")
    page = project / "docs" / "guidance" / "dental.md"
    page.write_text(re.sub(r"^title: (.*)$", lambda m: f'title: "{TITLE_SCRIPT}{m.group(1)}"', page.read_text(), count=1, flags=re.M))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    name: Londonwide LMCs", f'    name: "{LMC_SCRIPT}Londonwide LMCs"'))
    site = target / "site"
    return site, build_site(project, site)
