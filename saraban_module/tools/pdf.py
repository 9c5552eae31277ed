"""Small helpers for the plain PDFs the core draws with reportlab.

The official forms are printed by saraban_reports; the core only draws a plain
kept copy when no form engine is installed, and the demo draws sample scans.
"""

import logging
import os

_logger = logging.getLogger(__name__)

THAI_FONTS = (
    "/usr/share/fonts/truetype/tlwg/Laksaman.ttf",
    "/usr/share/fonts/truetype/thai-tlwg/Laksaman.ttf",
    "/usr/share/fonts/truetype/sarabun/Sarabun-Regular.ttf",
    "/usr/share/fonts/truetype/tlwg/Garuda.ttf",
    "/usr/share/fonts/truetype/tlwg/Loma.ttf",
)
FONT_NAME = "SarabanThai"


def thai_font():
    """Register a Thai TrueType font with reportlab and return its name; None when none is installed."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    for path in THAI_FONTS:
        if os.path.exists(path):
            try:
                pdfmetrics.registerFont(TTFont(FONT_NAME, path))
            except Exception:  # noqa: BLE001 - an unusable font file: try the next one
                _logger.debug("cannot use font %s", path, exc_info=True)
                continue
            return FONT_NAME
    return None


def wrap_text(text, font, size, width):
    """Split ``text`` into lines no wider than ``width`` (Thai has no spaces between words)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for char in text:
        if line and stringWidth(line + char, font, size) > width:
            cut = line.rfind(" ")
            if cut > len(line) // 2:
                lines.append(line[:cut])
                line = line[cut + 1 :]
            else:
                lines.append(line)
                line = ""
        line += char
    if line:
        lines.append(line)
    return lines
