"""Word (.docx) versions of the letters, written with python-docx at build time."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from .letter_models import Letter
from .letters import plain_blocks


def letter_docx(letter: Letter, ticked: list[str] | None = None) -> bytes:
    """The letter as a .docx file, placeholders kept as [Label] to fill in."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin = Mm(45)  # room for the practice letterhead
    section.bottom_margin = section.left_margin = section.right_margin = Mm(20)
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.core_properties.title = letter.title
    document.core_properties.comments = "Safe working pack template letter. Replace each [bracketed] field."
    subject = letter.subject
    for block in plain_blocks(letter, ticked):
        paragraph = document.add_paragraph()
        if block == ["[Date]"]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, line in enumerate(block):
            run = paragraph.add_run(line)
            run.bold = bool(subject) and line == subject
            if index < len(block) - 1:
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
