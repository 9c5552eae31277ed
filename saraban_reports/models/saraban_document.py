"""The official printed form of a letter (R1) and the receipt stamp (R3)."""

import base64
import datetime

import qrcode
import qrcode.image.svg

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext, is_html_empty

from odoo.addons.saraban_module.tools import (
    format_thai_date,
    format_thai_time,
    thai_digits,
    to_bangkok,
)

URGENCY_MARKS = {
    "urgent": "ด่วน",
    "very_urgent": "ด่วนมาก",
    "most_urgent": "ด่วนที่สุด",
}
SECRECY_MARKS = {
    "confidential": "ลับ",
    "secret": "ลับมาก",
    "top_secret": "ลับที่สุด",
}
SUBTYPE_TITLES = {
    "order": "คำสั่ง",
    "regulation": "ระเบียบ",
    "bylaw": "ข้อบังคับ",
    "announcement": "ประกาศ",
    "statement": "แถลงการณ์",
    "news": "ข่าว",
    "certificate": "หนังสือรับรอง",
    "minutes": "รายงานการประชุม",
    "note": "บันทึก",
    "other": "บันทึก",
}
DEFAULT_SUBTYPE = {"directive": "order", "public": "announcement", "evidence": "certificate"}
DEFAULT_CLOSING = "ขอแสดงความนับถือ"

# The form (report action) printed for each letter type.
FORM_REPORTS = {
    "external": "saraban_reports.action_report_letter_external",
    "internal": "saraban_reports.action_report_letter_internal",
    "stamped": "saraban_reports.action_report_letter_stamped",
    "directive": "saraban_reports.action_report_letter_directive",
    "public": "saraban_reports.action_report_letter_public",
    "evidence": "saraban_reports.action_report_letter_evidence",
}

# Optional fields of saraban.document, read by name when they exist. Each key
# of the form values maps to the field names tried in order.
OPTIONAL_FIELDS = {
    "signer_name": ("signer_name",),
    "signer_position": ("signer_position", "signer_job_title", "signer_title"),
    "signer_acting": ("signer_acting_text",),
    "signer_user": ("signer_id", "signer_user_id"),
    "closing": ("closing", "closing_text", "complimentary_close"),
    "copy_to": ("copy_to", "copy_to_text", "cc_text"),
    "is_circular": ("is_circular",),
    "issue_no": ("issue_no", "issue_number"),
    "owner_department": ("owner_department", "owner_department_name", "department_name"),
    "owner_phone": ("owner_phone", "department_phone", "owner_department_phone", "contact_phone"),
    "owner_fax": ("owner_fax", "department_fax", "owner_department_fax", "contact_fax"),
    "owner_email": ("owner_email", "department_email", "owner_department_email", "contact_email"),
    "meeting_no": ("meeting_no", "meeting_number"),
    "meeting_date": ("meeting_date", "meeting_datetime", "meeting_start"),
    "meeting_place": ("meeting_place", "meeting_location"),
    "meeting_attendees": ("meeting_attendees", "attendees_text", "meeting_present"),
    "meeting_absentees": ("meeting_absentees", "absentees_text", "meeting_absent"),
    "meeting_participants": ("meeting_participants", "participants_text", "meeting_guests"),
    "meeting_start": ("meeting_start", "meeting_start_time"),
    "meeting_end": ("meeting_end_time", "meeting_end"),
    "meeting_recorder": ("minutes_taker", "meeting_recorder", "recorder_name"),
    "initials": ("stamp_initials", "initials"),
}


SALUTATION_WORDS = ("กราบเรียน", "เรียน")


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _numbered(lines, digits):
    """``๑. …``, ``๒. …`` when there is more than one line (enclosures, references)."""
    if len(lines) < 2:
        return lines
    return [f"{thai_digits(n, digits)}. {line}" for n, line in enumerate(lines, start=1)]


class SarabanDocument(models.Model):
    _inherit = "saraban.document"

    # ------------------------------------------------------------------ values
    def _saraban_optional(self, key):
        """The value of the first existing optional field for ``key`` (False if none)."""
        self.ensure_one()
        for name in OPTIONAL_FIELDS[key]:
            if name in self._fields:
                value = self[name]
                if value:
                    return value
        return False

    def _saraban_text(self, value, digits):
        """Text of a Char/Text/Html/date value, with Thai digits when asked."""
        if not value:
            return ""
        if isinstance(value, models.BaseModel):
            value = ", ".join(value.mapped("display_name"))
        elif isinstance(value, datetime.datetime):
            local = to_bangkok(value)
            return thai_digits(f"{format_thai_date(value, False)} เวลา {local:%H.%M} น.", digits)
        elif isinstance(value, datetime.date):
            return format_thai_date(value, digits)
        elif not isinstance(value, str):
            value = str(value)
        if "<" in value and ">" in value:
            value = html2plaintext(value)
        return thai_digits(value, digits)

    def _saraban_time_text(self, value, digits):
        """``09.30 น.`` for a datetime or a float of hours (Odoo's float_time)."""
        if isinstance(value, datetime.datetime):
            return format_thai_time(value, digits)
        if isinstance(value, float | int) and not isinstance(value, bool):
            hours, minutes = divmod(round(value * 60), 60)
            return thai_digits(f"{hours:02d}.{minutes:02d} น.", digits)
        return self._saraban_text(value, digits)

    def _saraban_reference_lines(self, digits):
        self.ensure_one()
        if self.reference_text:
            return [thai_digits(line, digits) for line in _lines(self.reference_text)]
        lines = []
        for ref in self.reference_ids:
            sender = ref.sender_display or ref.company_id.name or ""
            text = f"หนังสือ{sender} ที่ {ref.letter_number or ''} ลงวันที่ {format_thai_date(ref.letter_date, False)}"
            lines.append(thai_digits(text, digits))
        return lines

    def _saraban_enclosure_lines(self, digits):
        self.ensure_one()
        lines = _lines(self.enclosure_text) or self.attachment_ids.mapped("name")
        return [thai_digits(line, digits) for line in lines]

    def _saraban_address_lines(self, digits):
        if "agency_address" in self._fields and self.agency_address:
            return [thai_digits(line, digits) for line in _lines(self.agency_address)]
        partner = self.company_id.partner_id
        lines = [partner.street, partner.street2]
        city = " ".join(p for p in (partner.city, partner.state_id.name, partner.zip) if p)
        lines.append(city)
        return [thai_digits(line, digits) for line in lines if line]

    def _saraban_form_values(self):
        """Everything a printed form shows, as text ready for the templates.

        This is the one place that knows the field names of saraban.document:
        fields added by other addons (signer, closing, copies, meeting...) are
        read through OPTIONAL_FIELDS, so the forms keep working without them.
        """
        self.ensure_one()
        company = self.company_id
        digits = company.saraban_thai_digits
        opt = self._saraban_optional
        text = self._saraban_text
        subtype = self.letter_subtype or DEFAULT_SUBTYPE.get(self.letter_type)
        signer_user = opt("signer_user")
        signer_name = opt("signer_name") or (signer_user.name if signer_user else "")
        signer_position = opt("signer_position") or (
            signer_user.saraban_position
            if signer_user and "saraban_position" in signer_user._fields
            else ""
        )
        salutation = (self.salutation or "").strip()
        recipient = self.recipient_display or ""
        if not salutation and recipient:
            salutation = f"เรียน {recipient}"
        salutation_word, salutation_rest = "", salutation
        for word in SALUTATION_WORDS:
            if salutation.startswith(word):
                salutation_word, salutation_rest = word, salutation[len(word):].strip()
                break
        meeting_date = opt("meeting_date")
        number = (self.letter_number or "").strip()
        if number.startswith("ที่ "):
            number = number[4:].strip()
        date_value = self.letter_date
        be_year = (date_value.year if date_value else fields.Date.context_today(self).year) + 543
        owner = opt("owner_department") or self.owner_unit_id.name or ""
        urgency = URGENCY_MARKS.get(self.urgency, "")
        deadline = ""
        if self.urgency_deadline:
            deadline = f"ด่วนภายใน {text(self.urgency_deadline, digits)}"
        return {
            "digits": digits,
            "letter_type": self.letter_type,
            "subtype": subtype,
            "title": SUBTYPE_TITLES.get(subtype, ""),
            "agency": company.name or "",
            "agency_address": self._saraban_address_lines(digits),
            "number": thai_digits(number, digits),
            "date_line": format_thai_date(date_value, digits),
            "be_year": thai_digits(be_year, digits),
            "subject": self.name or "",
            "salutation": salutation,
            "salutation_word": salutation_word,
            "salutation_rest": salutation_rest,
            "recipient": recipient,
            "references": _numbered(self._saraban_reference_lines(digits), digits),
            "enclosures": _numbered(self._saraban_enclosure_lines(digits), digits),
            "body": self.body if not is_html_empty(self.body) else "",
            "closing": text(opt("closing"), digits) or DEFAULT_CLOSING,
            "signer_name": text(signer_name, digits),
            "signer_position": text(signer_position, digits),
            "signer_acting": text(opt("signer_acting"), digits),
            "owner_department": text(owner, digits),
            "phone": text(opt("owner_phone") or company.phone, digits),
            "fax": text(opt("owner_fax"), digits),
            "email": opt("owner_email") or company.saraban_central_email or company.email or "",
            "copy_to": [thai_digits(line, digits) for line in _lines(text(opt("copy_to"), False))],
            "is_circular": bool(opt("is_circular")),
            "issue_no": text(opt("issue_no"), digits),
            "initials": text(opt("initials"), digits),
            "urgency": urgency,
            "urgency_deadline": deadline,
            "secrecy": SECRECY_MARKS.get(self.secrecy, ""),
            "meeting_no": text(opt("meeting_no"), digits),
            "meeting_date": (
                format_thai_date(meeting_date, digits)
                if isinstance(meeting_date, datetime.date)
                else text(meeting_date, digits)
            ),
            "meeting_place": text(opt("meeting_place"), digits),
            "meeting_attendees": _lines(text(opt("meeting_attendees"), digits)),
            "meeting_absentees": _lines(text(opt("meeting_absentees"), digits)),
            "meeting_participants": _lines(text(opt("meeting_participants"), digits)),
            "meeting_start": self._saraban_time_text(opt("meeting_start"), digits),
            "meeting_end": self._saraban_time_text(opt("meeting_end"), digits),
            "meeting_recorder": text(opt("meeting_recorder"), digits),
            "verification_qr": self._saraban_verification_qr(),
        }

    def _saraban_verification_qr(self):
        """A data URI of the QR code leading to the letter's public verification page."""
        url = self._fields.get("verification_url") and self.verification_url
        if not url:
            return ""
        image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
        return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()

    def _saraban_stamp_values(self):
        """The receipt stamp (ตรารับหนังสือ, R3): agency, เลขรับ, วันที่, เวลา."""
        self.ensure_one()
        digits = self.company_id.saraban_thai_digits
        return {
            "agency": self.receive_register_id.unit_id.name or self.company_id.name or "",
            "number": thai_digits(self.receive_number, digits) if self.receive_number else "",
            "date": format_thai_date(self.registered_at, digits),
            "time": format_thai_time(self.registered_at, digits),
        }

    # ------------------------------------------------------------------ printing
    def _saraban_form_report(self):
        """The report action of this letter's official form."""
        self.ensure_one()
        xmlid = FORM_REPORTS.get(self.letter_type)
        report = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if not report:
            raise UserError(_("No printed form for letters of type %(type)s.", type=self.letter_type))
        return report

    def _render_official_pdf(self):
        """PDF bytes of the letter's official form (the kept copy at signing)."""
        self.ensure_one()
        xmlid = FORM_REPORTS.get(self.letter_type)
        report = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if not report:
            # A type without a printed form keeps the core's plain copy: never block signing.
            return super()._render_official_pdf()
        pdf, _report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, report_pdf_no_attachment=True)
            ._render_qweb_pdf(report, self.ids)
        )
        return pdf

    def action_print_official_form(self):
        """Button: print the form of the letter's type."""
        self.ensure_one()
        return self._saraban_form_report().report_action(self, config=False)
