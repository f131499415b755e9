"""MkDocs hooks: add the generated Word files to the build's files.

They are generated into MkDocs' own file collection (File.generated), so
strict link validation sees them and nothing is written behind its back.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

# MkDocs loads hooks by file path: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.letters import INVITATIONS_DIR, downloads, load_letters
from macros.word import letter_docx


def on_files(files, config):
    every = {**load_letters(), **load_letters(INVITATIONS_DIR)}
    for letter in every.values():
        for path, ticked in downloads(letter):
            files.append(File.generated(config, path, content=letter_docx(letter, ticked)))
    return files
