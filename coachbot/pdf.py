"""A one-page PDF from localised text sections and a chart (fpdf2, DejaVu Sans for any alphabet).

The layout is fixed so it can never spill onto a second page: a title, two
columns of sections that stop (with an ellipsis) when full, and the chart in
the space reserved at the bottom.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"   # DejaVu Sans, shipped with its licence
MARGIN = 12.0
GAP = 6.0
LINE = 4.2
CHART_HEIGHT = 100.0


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


def render_pdf(content: PdfContent, chart_png: bytes | None) -> bytes:
    """PDF bytes: always exactly one A4 page."""
    # fpdf2 is imported on first use, normally in coachbot.render's child process.
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font("DejaVu", "", str(font_dir() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(font_dir() / "DejaVuSans-Bold.ttf"))
    pdf.set_title(content.title)
    pdf.set_creator("coachbot")
    pdf.add_page()
    width = pdf.w - 2 * MARGIN

    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(width, 8, content.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(width, LINE, content.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    footer_top = pdf.h - MARGIN - 2 * LINE
    chart_top = footer_top - CHART_HEIGHT - 2 if chart_png else footer_top
    _columns(pdf, content.sections, top=pdf.get_y(), bottom=chart_top - 2,
             col_width=(width - GAP) / 2)

    if chart_png:
        pdf.image(io.BytesIO(chart_png), x=MARGIN, y=chart_top, w=width, h=CHART_HEIGHT,
                  keep_aspect_ratio=True)
    pdf.set_xy(MARGIN, footer_top)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 3.5, content.footer, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def font_dir() -> Path:
    """DejaVu Sans (any alphabet), shipped inside the package with its licence."""
    return FONT_DIR


def _columns(pdf: FPDF, sections: Sequence[Section], top: float, bottom: float, col_width: float) -> None:
    """Flow sections down the left column, then the right one; stop with '…' when both are full."""
    lefts = [MARGIN, MARGIN + col_width + GAP]
    column, y = 0, top
    for section in sections:
        blocks = [("B", 10, section.heading), *(("", 8.5, line) for line in section.lines)]
        for index, (style, size, text) in enumerate(blocks):
            pdf.set_font("DejaVu", style, size)
            lines = pdf.multi_cell(col_width, LINE, text, align="L", dry_run=True, output="LINES")
            height = len(cast(list[str], lines)) * LINE
            # Keep a heading with its first line.
            need = height + (LINE if index == 0 and len(blocks) > 1 else 0)
            if y + need > bottom:
                if column == 1:
                    pdf.set_xy(lefts[column], min(y, bottom - LINE))
                    pdf.cell(col_width, LINE, "…")
                    return
                column, y = 1, top
            pdf.set_xy(lefts[column], y + (1.5 if index == 0 and y > top else 0))
            pdf.multi_cell(col_width, LINE, text, align="L", new_x="LEFT", new_y="NEXT")
            y = pdf.get_y()
