"""Render the e-Saraban forms with WeasyPrint instead of wkhtmltopdf.

Debian's wkhtmltopdf drops running headers and footers, which the forms need
for page numbers and secrecy marks, and mangles Thai marks in the PDF text
layer. Reports whose ``saraban_engine`` is ``weasyprint`` keep Odoo's whole
printing path (Print menu, ``/report/pdf`` route, attachments, merging); only
the HTML-to-PDF step changes.
"""

import io
import logging
import mimetypes
import os
import time

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_path

_logger = logging.getLogger(__name__)

try:
    import weasyprint
except ImportError:  # pragma: no cover - checked by the manifest
    weasyprint = None

PDF_VARIANT = "pdf/a-3b"
BLANK_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def _static_url_fetcher(url, timeout=10, ssl_context=None):
    """Resolve ``/<module>/static/...`` URLs from the addons on disk.

    Nothing is fetched from the network: a letter's text is user input, and an
    image pointing elsewhere must not make the server issue requests.
    """
    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    path = url
    if "://" in path:
        path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
    path = path.split("?", 1)[0].split("#", 1)[0]
    parts = path.lstrip("/").split("/")
    if len(parts) >= 3 and parts[1] == "static":
        try:
            full = file_path(os.path.join(*parts))
        except (FileNotFoundError, ValueError):
            full = None
        if full:
            with open(full, "rb") as handle:
                data = handle.read()
            return {
                "string": data,
                "mime_type": mimetypes.guess_type(full)[0] or "application/octet-stream",
                "redirected_url": url,
            }
    # Anything else is replaced by an empty image, without a request.
    _logger.info("saraban_reports: not fetching %s while rendering a PDF", url)
    return {"string": BLANK_SVG, "mime_type": "image/svg+xml", "redirected_url": url}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    saraban_engine = fields.Selection(
        [("weasyprint", "WeasyPrint")],
        string="PDF Engine",
        help="Render this PDF report with WeasyPrint (Thai shaping, running page headers, "
        "PDF/A-3b) instead of wkhtmltopdf.",
    )
    saraban_per_record = fields.Boolean(
        string="One PDF per Record",
        help="Render every record as its own document (page numbers restart), then merge.",
    )

    @api.model
    def _saraban_html_to_pdf(self, html):
        """PDF bytes of one HTML document (PDF/A-3b, fonts embedded)."""
        if weasyprint is None:
            raise UserError(_("The Python package WeasyPrint is needed to print this form."))
        if isinstance(html, bytes):
            html = html.decode()
        started = time.perf_counter()
        document = weasyprint.HTML(string=html, base_url="/", url_fetcher=_static_url_fetcher)
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
        _logger.debug("saraban_reports: WeasyPrint rendered %s bytes in %.3f s", len(pdf),
                      time.perf_counter() - started)
        return pdf

    def _saraban_render_html(self, report_ref, res_ids, data):
        html = self.with_context(debug=False)._render_qweb_html(report_ref, res_ids, data=dict(data))[0]
        return html.decode() if isinstance(html, bytes) else str(html)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        report_sudo = self._get_report(report_ref)
        if report_sudo.saraban_engine != "weasyprint":
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        data = dict(data or {})
        data.setdefault("report_type", "pdf")
        data.setdefault("debug", False)
        has_duplicated_ids = res_ids and len(res_ids) != len(set(res_ids))
        collected = {}
        if res_ids and not has_duplicated_ids:
            records = self.env[report_sudo.model].browse(res_ids)
            for record in records:
                attachment = stream = None
                if report_sudo.attachment and not self._context.get("report_pdf_no_attachment"):
                    attachment = report_sudo.retrieve_attachment(record)
                    if attachment and report_sudo.attachment_use:
                        stream = io.BytesIO(attachment.raw)
                collected[record.id] = {"stream": stream, "attachment": attachment}
        missing = [res_id for res_id, value in collected.items() if not value["stream"]]
        if not res_ids or has_duplicated_ids or not report_sudo.saraban_per_record or len(missing) <= 1:
            ids = res_ids if (has_duplicated_ids or not res_ids) else missing
            if res_ids and not ids:
                return collected
            pdf = self._saraban_html_to_pdf(self._saraban_render_html(report_ref, ids, data))
            stream = io.BytesIO(pdf)
            if has_duplicated_ids or not res_ids:
                return {False: {"stream": stream, "attachment": None}}
            if len(missing) == 1:
                collected[missing[0]]["stream"] = stream
                return collected
            # Several records in one document (e.g. register lines): not split.
            for res_id in missing:
                del collected[res_id]
            collected[False] = {"stream": stream, "attachment": None}
            return collected
        for res_id in missing:
            pdf = self._saraban_html_to_pdf(self._saraban_render_html(report_ref, [res_id], data))
            collected[res_id]["stream"] = io.BytesIO(pdf)
        return collected
