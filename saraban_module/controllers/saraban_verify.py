import hashlib

from odoo import http
from odoo.http import request

from ..tools import format_thai_date, format_thai_datetime


class SarabanVerify(http.Controller):
    """Public page that tells whether a signed letter is genuine.

    The printed letter carries a QR code to ``/saraban/verify/<token>``: the page
    shows the letter's number, date and subject as the agency keeps them and the
    SHA-256 of its kept copy; a PDF uploaded there is compared with every signed
    version of the letter. Secret letters show their number and date only.
    """

    def _document(self, token):
        if not token or len(token) < 16:
            return None
        doc = request.env["saraban.document"].sudo().search(
            [("verification_token", "=", token), ("direction", "=", "outgoing")], limit=1
        )
        return doc or None

    @http.route(
        "/saraban/verify/<string:token>", type="http", auth="public", methods=["GET", "POST"],
        csrf=False, sitemap=False,
    )
    def verify(self, token, letter=None, **_kwargs):
        doc = self._document(token)
        if not doc:
            return request.make_response(
                "Unknown letter / ไม่พบหนังสือ", headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=404,
            )
        digits = doc.company_id.saraban_thai_digits
        versions = doc.version_ids.sorted("version_no")
        values = {
            "doc": doc,
            "agency": doc.company_id.name,
            "letter_number": doc.letter_number,
            "letter_date": format_thai_date(doc.letter_date, digits),
            "subject": False if doc.is_secret else doc.name,
            "signed_at": format_thai_datetime(doc.signed_at, digits),
            "sha256": doc.signed_pdf_sha256,
            "version_no": doc.current_version_id.version_no,
            "versions": versions,
            "checked": False,
            "match": False,
        }
        if request.httprequest.method == "POST" and letter is not None and hasattr(letter, "read"):
            digest = hashlib.sha256(letter.read()).hexdigest()
            values["checked"] = digest
            values["match"] = versions.filtered(lambda v: v.sha256 == digest)[:1]
        return request.render("saraban_module.saraban_verify_page", values)
