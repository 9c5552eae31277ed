"""Printed and spreadsheet registers (R3 receive, R13 send, R16 electronic lists)."""

import io
from collections import OrderedDict

import xlsxwriter

from odoo import _, models
from odoo.exceptions import AccessError

from odoo.addons.saraban_module.tools import format_thai_date, thai_digits

REGISTER_TITLES = {
    "receive": "ทะเบียนหนังสือรับ",
    "send": "ทะเบียนหนังสือส่ง",
    "directive": "ทะเบียนคำสั่ง",
    "circular": "ทะเบียนหนังสือเวียน",
    "storage": "ทะเบียนหนังสือเก็บ",
}
NUMBER_HEADINGS = {"receive": "เลขทะเบียนรับ", "send": "เลขทะเบียนส่ง"}
ACTION_WORDS = {
    "forwarded": "ส่ง",
    "ordered": "สั่งการ",
    "acknowledged": "รับทราบ",
    "closed": "ปิดเรื่อง",
}
COLUMNS = ("number", "letter_number", "letter_date", "sender", "recipient", "subject", "actions", "remark")


class SarabanRegisterEntry(models.Model):
    _inherit = "saraban.register.entry"

    def _saraban_register_columns(self, register_type):
        number = NUMBER_HEADINGS.get(register_type, "เลขทะเบียน")
        return [number, "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]

    def _saraban_actions_text(self, digits):
        """การปฏิบัติ: what was done with the letter, from its history (R5)."""
        self.ensure_one()
        parts = []
        try:
            actions = self.document_id.action_ids.sorted(lambda a: (a.date, a.id))
        except AccessError:
            return ""
        for action in actions:
            word = ACTION_WORDS.get(action.action)
            if not word:
                continue
            targets = action.target_unit_ids.mapped("name") + action.target_user_ids.mapped("name")
            text = word + (" " + ", ".join(targets) if targets else "")
            text += f" ({format_thai_date(action.date, digits, short=True)})"
            parts.append(text)
        return "; ".join(parts)

    def _saraban_register_row(self):
        """One printed register line, as texts in COLUMNS order."""
        self.ensure_one()
        digits = self.company_id.saraban_thai_digits
        try:
            doc = self.document_id
            row = {
                "letter_number": thai_digits(doc.letter_number or "", digits),
                "letter_date": format_thai_date(doc.letter_date, digits, short=True),
                "sender": doc.sender_display or (doc.company_id.name if doc.direction != "incoming" else ""),
                "recipient": doc.recipient_display or "",
                "subject": doc.name or "",
            }
        except AccessError:
            row = dict.fromkeys(("letter_number", "letter_date", "sender", "recipient"), "")
            row["subject"] = _("(restricted)")
        remarks = [self.remark or ""]
        if self.cancelled:
            remarks.append("ยกเลิก: %s" % (self.cancel_reason or ""))
        row.update(
            {
                "number": thai_digits(self.number, digits),
                "actions": self._saraban_actions_text(digits),
                "remark": " ".join(r for r in remarks if r),
                "cancelled": self.cancelled,
            }
        )
        return row

    def _saraban_register_groups(self):
        """Entries grouped by register and year, oldest first, for printing."""
        groups = OrderedDict()
        for entry in self.sorted(lambda e: (e.register_id.id, e.year, e.number)):
            key = (entry.register_id, entry.year)
            groups.setdefault(key, self.browse())
            groups[key] |= entry
        result = []
        for (register, year), entries in groups.items():
            digits = register.company_id.saraban_thai_digits
            result.append(
                {
                    "register": register,
                    "title": REGISTER_TITLES.get(register.register_type, register.name),
                    "name": register.name,
                    "agency": register.company_id.name,
                    "unit": register.unit_id.name or "",
                    "year": thai_digits(year + 543, digits),
                    "columns": entries._saraban_register_columns(register.register_type),
                    "rows": [entry._saraban_register_row() for entry in entries],
                }
            )
        return result

    def _saraban_register_xlsx(self):
        """The registers of these entries as an XLSX workbook (bytes), one sheet per register/year."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        title = workbook.add_format({"bold": True, "font_size": 16, "font_name": "TH Sarabun New"})
        head = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "bg_color": "#DDDDDD",
             "text_wrap": True, "font_name": "TH Sarabun New", "font_size": 14}
        )
        cell = workbook.add_format(
            {"border": 1, "valign": "top", "text_wrap": True, "font_name": "TH Sarabun New", "font_size": 14}
        )
        widths = (12, 22, 14, 28, 28, 50, 40, 24)
        used = set()
        for group in self._saraban_register_groups():
            base = f"{group['name']} {group['year']}"[:28]
            sheet_name, n = base, 1
            for char in "[]:*?/\\":
                sheet_name = sheet_name.replace(char, " ")
            while sheet_name in used:
                n += 1
                sheet_name = f"{base[:25]} {n}"
            used.add(sheet_name)
            sheet = workbook.add_worksheet(sheet_name)
            sheet.write(0, 0, f"{group['title']} {group['agency']} พ.ศ. {group['year']}", title)
            if group["unit"]:
                sheet.write(1, 0, group["unit"])
            for col, (heading, width) in enumerate(zip(group["columns"], widths)):
                sheet.set_column(col, col, width)
                sheet.write(2, col, heading, head)
            for row_index, row in enumerate(group["rows"], start=3):
                for col, key in enumerate(COLUMNS):
                    sheet.write_string(row_index, col, row[key] or "", cell)
            sheet.freeze_panes(3, 0)
            sheet.autofilter(2, 0, 2 + len(group["rows"]), len(COLUMNS) - 1)
        if not used:
            workbook.add_worksheet("Register")
        workbook.close()
        return output.getvalue()

    def action_export_register_xlsx(self):
        """Download the selected entries' registers as a spreadsheet."""
        ids = ",".join(str(i) for i in self.ids)
        return {
            "type": "ir.actions.act_url",
            "url": f"/saraban_reports/register.xlsx?ids={ids}",
            "target": "download",
        }
