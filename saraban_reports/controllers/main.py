from odoo import http
from odoo.http import content_disposition, request


class SarabanReportsController(http.Controller):
    @http.route("/saraban_reports/register.xlsx", type="http", auth="user", methods=["GET"])
    def register_xlsx(self, ids="", **kwargs):
        """The registers of the given entries as an XLSX file (R16)."""
        entry_ids = [int(i) for i in ids.split(",") if i.strip().isdigit()]
        entries = request.env["saraban.register.entry"].browse(entry_ids).exists()
        entries.check_access("read")
        data = entries._saraban_register_xlsx()
        return request.make_response(
            data,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition("saraban-register.xlsx")),
            ],
        )
