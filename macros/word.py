"""Word (.docx) versions of the letters, written with python-docx at build time.

A letter ends with its sources, each address a working hyperlink, as on screen.
"""
from __future__ import annotations

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from .letter_models import Letter

SOURCES_SIZE = Pt(8.5)  # the letter's sources, in small type, as when printed from the page
from .letters import plain_blocks, source_lines


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
    sources = source_lines(letter)
    if sources:
        heading = document.add_paragraph()
        heading.paragraph_format.space_before = Pt(12)
        title = heading.add_run("Sources")
        title.bold, title.font.size = True, SOURCES_SIZE
        for citation, url in sources:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.add_run(citation + (" " if url else "")).font.size = SOURCES_SIZE
            if url:
                add_hyperlink(paragraph, url, url)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """Append a clickable hyperlink run (python-docx has no API for one)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(SOURCES_SIZE.pt * 2)))  # half-points
    props.extend([colour, size, underline])
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.extend([props, text_element])
    link.append(run)
    paragraph._p.append(link)
