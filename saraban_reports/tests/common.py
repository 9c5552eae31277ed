"""Shared helpers of the saraban_reports tests: render a form, read the PDF back."""

import io
import logging
import os
import re
import subprocess
import tempfile
import unicodedata
from unittest.mock import patch

import lxml.html
from PyPDF2 import PdfReader

from odoo.addons.saraban_module.tests.common import SarabanCase

_logger = logging.getLogger(__name__)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
FORMS_DIR = os.environ.get("SARABAN_FORMS_DIR") or os.path.join(REPO, "artifacts", "forms")
A4 = (595.28, 841.89)

# Thai marks that sit above or below a consonant: PDF text extraction places,
# drops or remaps them imperfectly (private-use code points U+F700-U+F71F).
_UNSTABLE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf700-\uf71f\\s\u00a0]")


def normalise(text):
    """Text without spaces and Thai above/below marks, for order checks on extracted text.

    สระอำ comes back from the PDF as สระอา (its nikhahit is a separate mark).
    """
    text = unicodedata.normalize("NFC", text or "").replace("\u0e33", "\u0e32")
    return _UNSTABLE.sub("", text)


def html_text(html):
    root = lxml.html.fromstring(html)
    for node in root.xpath("//style|//head"):
        node.getparent().remove(node)
    return " ".join(root.text_content().split())


def assert_in_order(case, text, parts, what):
    """Every part occurs in ``text``, each after the previous one."""
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        case.assertGreater(found, position, f"{what}: {part!r} missing or out of order")
        position = found


class SarabanReportsCase(SarabanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "name": "เทศบาลตำบลบ้านสวนทดสอบ",
                "street": "๑๒๓ หมู่ ๔ ถนนสุขุมวิท",
                "city": "อำเภอเมืองชลบุรี จังหวัดชลบุรี",
                "zip": "20000",
                "phone": "0 3827 4000",
                "email": "info@bansuan.go.th",
                "saraban_central_email": "saraban@bansuan.go.th",
                "saraban_thai_digits": True,
            }
        )
        cls.Report = cls.env["ir.actions.report"]
        os.makedirs(FORMS_DIR, exist_ok=True)

    @classmethod
    def letter(cls, letter_type, subtype=False, optional=None, **values):
        """A letter for the forms; ``optional`` fields are set only where they exist."""
        vals = {
            "name": "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล",
            "direction": "outgoing",
            "letter_type": letter_type,
            "letter_subtype": subtype,
            "letter_number": "ชบ 52701/123",
            "letter_date": "2026-11-22",
            "salutation": "เรียน นายอำเภอบ้านสวน",
            "owner_unit_id": cls.unit_works.id,
            "body": "<p>ด้วยเทศบาลตำบลบ้านสวนมีความประสงค์จะสำรวจข้อมูลถนนในเขตเทศบาล "
            "เพื่อใช้ประกอบการจัดทำแผนพัฒนาท้องถิ่น</p>"
            "<p>จึงเรียนมาเพื่อโปรดพิจารณาให้ความร่วมมือด้วย จะขอบคุณยิ่ง</p>",
        }
        vals.update(values)
        # Outgoing letters get their number and date at signing only: they are
        # written here as the signing does, with the optional fields that exist.
        numbered = {key: vals.pop(key) for key in ("letter_number", "letter_date") if key in vals}
        doc = cls.env["saraban.document"].create(vals)
        numbered.update(
            {
                name: value
                for name, value in (optional or {}).items()
                if name in doc._fields and not doc._fields[name].compute
            }
        )
        doc.with_context(saraban_signing=True).write(numbered)
        return doc

    def render(self, report_ref, docs, name=None):
        """Render through the Print path; return (pdf bytes, html given to the engine)."""
        captured = []
        Report = type(self.env["ir.actions.report"])
        original = Report._saraban_html_to_pdf

        def spy(report_self, html):
            captured.append(html)
            return original(report_self, html)

        with patch.object(Report, "_saraban_html_to_pdf", spy):
            pdf, report_type = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(
                report_ref, docs.ids
            )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "not a PDF")
        self.assertTrue(captured, "the form did not go through WeasyPrint")
        if name:
            self.save_png(pdf, name)
        return pdf, captured

    def pages(self, pdf):
        return PdfReader(io.BytesIO(pdf)).pages

    def assert_a4(self, pdf, landscape=False):
        for page in self.pages(pdf):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            expected = (A4[1], A4[0]) if landscape else A4
            self.assertAlmostEqual(width, expected[0], delta=1)
            self.assertAlmostEqual(height, expected[1], delta=1)

    def run_tool(self, args, pdf):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            result = subprocess.run(args + [handle.name] + (["-"] if args[0] == "pdftotext" else []),
                                    capture_output=True, check=True, timeout=60)
        return result.stdout.decode()

    def assert_thai_fonts_embedded(self, pdf):
        output = self.run_tool(["pdffonts"], pdf)
        rows = [line for line in output.splitlines()[2:] if line.strip()]
        self.assertTrue(rows, "no font in the PDF")
        for row in rows:
            self.assertRegex(row, r"(Laksaman|Sarabun)", f"unexpected font: {row}")
            self.assertIn(" yes ", row, f"font not embedded: {row}")

    def pdf_text(self, pdf, page=None):
        args = ["pdftotext", "-layout", "-enc", "UTF-8"]
        if page:
            args += ["-f", str(page), "-l", str(page)]
        return self.run_tool(args, pdf)

    def save_png(self, pdf, name):
        """Page 1 as a PNG in artifacts/forms/, for people to look at."""
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", handle.name,
                 os.path.join(FORMS_DIR, name)],
                check=True, timeout=60,
            )
        with open(os.path.join(FORMS_DIR, name + ".pdf"), "wb") as out:
            out.write(pdf)
        _logger.info("form render: %s", os.path.join(FORMS_DIR, name + ".png"))
