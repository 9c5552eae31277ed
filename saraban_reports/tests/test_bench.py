"""Rendering time per page: the forms (WeasyPrint) beside Odoo's stock wkhtmltopdf path.

Not part of the default run: ``--test-tags saraban_reports_bench``.
"""

import io
import json
import logging
import os
import statistics
import time

from PyPDF2 import PdfReader

from odoo.tests import HttpCase, tagged

from .common import FORMS_DIR
from .test_forms import LONG_BODY

_logger = logging.getLogger(__name__)
REPEAT = 5


@tagged("post_install", "-at_install", "-standard", "saraban_reports_bench")
class BenchReports(HttpCase):
    def measure(self, report, ids):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        Report._render_qweb_pdf(report, ids)  # warm-up: fonts, assets
        times = []
        for _n in range(REPEAT):
            started = time.perf_counter()
            pdf, _type = Report._render_qweb_pdf(report, ids)
            times.append(time.perf_counter() - started)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        median = statistics.median(times)
        return {"pages": pages, "median_s": round(median, 4), "per_page_s": round(median / pages, 4),
                "runs_s": [round(t, 4) for t in times]}

    def test_bench(self):
        self.env.company.saraban_thai_digits = True
        Doc = self.env["saraban.document"]
        letter = Doc.create({"name": "ขอความร่วมมือสำรวจข้อมูลถนน", "direction": "outgoing",
                             "letter_type": "external", "letter_number": "ชบ 52701/123",
                             "letter_date": "2026-11-22", "salutation": "เรียน นายอำเภอบ้านสวน",
                             "body": "<p>ด้วยเทศบาลตำบลบ้านสวนมีความประสงค์จะสำรวจข้อมูลถนน</p>"})
        long_letter = Doc.create({"name": "สำรวจถนน", "direction": "outgoing", "letter_type": "directive",
                                  "letter_subtype": "order", "letter_number": "16", "letter_date": "2026-11-22",
                                  "secrecy": "secret", "body": LONG_BODY})
        module = self.env["ir.module.module"].search([("name", "=", "saraban_reports")])
        stock = self.env.ref("base.ir_module_reference_print")
        results = {
            "weasyprint_external_letter": self.measure(letter._saraban_form_report(), letter.ids),
            "weasyprint_long_order": self.measure(long_letter._saraban_form_report(), long_letter.ids),
            "wkhtmltopdf_stock_module_reference": self.measure(stock, module.ids),
        }
        wk = results["wkhtmltopdf_stock_module_reference"]["per_page_s"]
        for key in ("weasyprint_external_letter", "weasyprint_long_order"):
            results[key]["ratio_to_wkhtmltopdf_per_page"] = round(results[key]["per_page_s"] / wk, 3)
        path = os.path.join(os.path.dirname(FORMS_DIR), "bench_reports.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            json.dump(results, handle, indent=2)
        _logger.info("report rendering benchmark (%s): %s", path, json.dumps(results))
        for value in results.values():
            self.assertGreater(value["pages"], 0)
