import json

from odoo import http
from odoo.http import request


class SarabanContact(http.Controller):
    """Public page with the agency's central saraban address and checking officer's phone (R2)."""

    def _contact(self, company_id=None):
        Company = request.env["res.company"].sudo()
        company = Company.browse(int(company_id)).exists() if company_id else None
        if not company:
            company = request.env.company.sudo() if request.env.company else Company.search([], limit=1)
        return {
            "agency": company.name,
            "central_email": company.saraban_central_email or "",
            "checking_officer_phone": company.saraban_check_officer_phone or "",
            "agency_code": company.saraban_agency_code or "",
        }

    @http.route(["/saraban/contact", "/saraban/contact/<int:company_id>"], type="http", auth="public",
                methods=["GET"], sitemap=False)
    def contact(self, company_id=None, **kwargs):
        return request.render("saraban_mail.saraban_contact_page", {"contact": self._contact(company_id)})

    @http.route(["/saraban/contact.json", "/saraban/contact/<int:company_id>/json"], type="http",
                auth="public", methods=["GET"], sitemap=False)
    def contact_json(self, company_id=None, **kwargs):
        return request.make_response(
            json.dumps(self._contact(company_id), ensure_ascii=False),
            headers=[("Content-Type", "application/json; charset=utf-8"),
                     ("Access-Control-Allow-Origin", "*")],
        )
