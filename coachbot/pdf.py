"""A doctor's report as a PDF: localised text sections and a chart on one or two A4 pages.

fpdf2 with DejaVu Sans (shipped with matplotlib), so every alphabet renders. Text
runs the full width of the page; the chart sits after the first sections; a
footer with the page number is on every page. Nothing ever goes past page two:
if the words do not fit, the last line is an ellipsis.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from fpdf import FPDF as _Base
else:
    _Base = object

FONT_DIR = Path(__file__).resolve().parent / "fonts"   # DejaVu Sans, shipped with its licence
MARGIN = 15.0
LINE = 5.0                  # body line height, mm
BODY_SIZE = 10
HEADING_SIZE = 11.5
FOOTER_HEIGHT = 10.0
CHART_HEIGHT = 112.0        # the wide chart's aspect at full width
MIN_CHART_HEIGHT = 60.0     # a chart squeezed below this is left out rather than unreadable
MAX_PAGES = 2


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PdfContent:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    footer: str
    page_label: str = ""     # e.g. "Page {page} of {pages}"
    chart_after: int = 0     # the chart follows this many sections


def font_dir() -> Path:
    """DejaVu Sans (any alphabet), shipped inside the package with its licence."""
    return FONT_DIR


@cache
def _document_class() -> Any:
    """The page layout as an FPDF subclass; fpdf2 is imported on first use, normally in
    coachbot.render's child process, so it never loads in the bot."""
    from fpdf import FPDF

    class Document(_Layout, FPDF):
        pass

    return Document


class _Layout(_Base):
    """Methods of the report's FPDF subclass (mixed in by _document_class)."""

    def __init__(self, content: PdfContent) -> None:
        super().__init__(format="A4", unit="mm")  # type: ignore[call-arg,unused-ignore]
        self.content = content
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font("DejaVu", "", str(font_dir() / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(font_dir() / "DejaVuSans-Bold.ttf"))
        self.set_title(content.title)
        self.set_creator("coachbot")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN

    @property
    def bottom(self) -> float:
        return self.h - MARGIN - FOOTER_HEIGHT

    def footer(self) -> None:
        """Called by fpdf2 on every page: the disclaimer and the page number."""
        self.set_xy(MARGIN, self.h - MARGIN - FOOTER_HEIGHT + 2)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(90, 90, 90)
        # fpdf2 replaces its alias with the page count when the document is written.
        label = self.content.page_label.format(page=self.page_no(), pages=self.str_alias_nb_pages)
        self.multi_cell(self.width - 30, 3.5, self.content.footer, align="L")
        self.set_xy(self.w - MARGIN - 30, self.h - MARGIN - FOOTER_HEIGHT + 2)
        self.cell(30, 3.5, label, align="R")
        self.set_text_color(0, 0, 0)

    def height_of(self, text: str, size: float, style: str = "") -> float:
        self.set_font("DejaVu", style, size)
        lines = self.multi_cell(self.width, LINE, text, align="L", dry_run=True, output="LINES")
        return len(cast(list[str], lines)) * LINE

    def room(self, need: float) -> bool:
        """Make room for `need` mm: a new page if one is still allowed; False when out of pages."""
        if self.get_y() + need <= self.bottom:
            return True
        if self.page_no() >= MAX_PAGES:
            return False
        self.add_page()
        return True

    def write_block(self, text: str, size: float, style: str = "", keep_with: float = 0.0) -> bool:
        """Write a paragraph at full width; False (after an ellipsis) when the pages are full."""
        height = self.height_of(text, size, style)
        if not self.room(height + keep_with):
            self.set_font("DejaVu", "", BODY_SIZE)
            self.set_xy(MARGIN, min(self.get_y(), self.bottom - LINE))
            self.cell(self.width, LINE, "…")
            return False
        self.set_font("DejaVu", style, size)
        self.set_x(MARGIN)
        self.multi_cell(self.width, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        return True


def render_pdf(content: PdfContent, chart_png: bytes | None) -> bytes:
    """PDF bytes: one or two A4 pages."""
    pdf = _document_class()(content)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(pdf.width, 8, content.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.multi_cell(pdf.width, 4.5, content.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _sections(pdf, content.sections[:content.chart_after])
    if chart_png:
        _chart(pdf, chart_png)
    _sections(pdf, content.sections[content.chart_after:])
    return bytes(pdf.output())


def _sections(pdf: Any, sections: Sequence[Section]) -> None:
    for section in sections:
        pdf.ln(1.5)
        first = pdf.height_of(section.lines[0], BODY_SIZE) if section.lines else 0.0
        if not pdf.write_block(section.heading, HEADING_SIZE, "B", keep_with=first):
            return
        for line in section.lines:
            if not pdf.write_block(line, BODY_SIZE):
                return


def _chart(pdf: Any, png: bytes) -> None:
    """The chart at full width; on the next page if it doesn't fit, smaller if it must."""
    height = CHART_HEIGHT
    if not pdf.room(height + 3):
        height = pdf.bottom - pdf.get_y() - 3
        if height < MIN_CHART_HEIGHT:
            return
    top = pdf.get_y() + 2
    pdf.image(io.BytesIO(png), x=MARGIN, y=top, w=pdf.width, h=height, keep_aspect_ratio=True)
    pdf.set_y(top + height + 1)
