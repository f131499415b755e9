"""Symbolic links in the folders the site is made from: none may lead outside the project.

MkDocs follows links in docs/ and in the theme's folder (overrides/) and copies what they point
to into the site; data in macros/data/ is read through them. A link to /etc/passwd, a private key
or a whole folder would be published. So before the generator reads or copies anything, every
link in those folders is checked: its target must exist, lie inside the project (and not in a
hidden folder such as .git or .venv), and not hold the link itself (a loop MkDocs would walk
for ever). A problem names the link, as the editor sees it.
"""
from __future__ import annotations

import os
from pathlib import Path

from macros.content.datafiles import PROJECT_DIR
from macros.content.errors import ContentError


def check_links(folders: list[Path], project: Path = PROJECT_DIR) -> None:
    """Refuse, naming the link, any link in `folders` (and the folders they lead to) that leads
    outside the project, nowhere, or round in a loop."""
    root = Path(project).resolve()
    seen: set[Path] = set()
    for folder in folders:
        if Path(folder).is_dir():
            _check_folder(Path(folder), root, Path(project), seen)


def _check_folder(folder: Path, root: Path, project: Path, seen: set[Path]) -> None:
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        raise ContentError(_shown(folder, project), f"cannot be read ({error.strerror})") from None
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            if _target(path, root, project).is_dir():
                _check_folder(path, root, project, seen)  # the generator walks through it: so do we
        elif entry.is_dir(follow_symlinks=False):
            _check_folder(path, root, project, seen)


def _target(link: Path, root: Path, project: Path) -> Path:
    """Where `link` leads, once it is known to lead somewhere inside the project."""
    name = _shown(link, project)
    written = os.readlink(link)
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        raise ContentError(name, f"is a link to {written}, which does not exist: remove the link, or put the file itself here") from None
    except (OSError, RuntimeError):
        raise ContentError(name, f"is a link to {written}, which leads round in a loop back to itself: remove the link") from None
    inside = target.is_relative_to(root) and not any(part.startswith(".") for part in target.relative_to(root).parts)
    if not inside:
        raise ContentError(
            name,
            f"is a link to {target}, outside the project's own files: the site would publish what it points to. "
            "Remove the link; if the file belongs in the site, copy the file itself here",
        )
    if target.is_dir() and link.parent.resolve().is_relative_to(target):
        raise ContentError(name, f"is a link to {written}, a folder that holds the link itself, so it loops for ever: remove the link")
    return target


def _shown(path: Path, project: Path) -> str:
    """The path as an editor sees it (the link's own name, not its target's)."""
    try:
        return Path(os.path.relpath(path, project)).as_posix()
    except ValueError:
        return str(path)
