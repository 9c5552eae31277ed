import hashlib
import io
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..tools import format_thai_date, format_thai_datetime
from ..tools.pdf import thai_font, wrap_text

_logger = logging.getLogger(__name__)


class SarabanDocumentVersion(models.Model):
    """One signed version of an outgoing letter: its kept copy (สำเนาคู่ฉบับ), never changed.

    Version 1 is written at signing; a correction signed again writes version 2,
    and so on, with the reason. The register line points to the version sent.
    """

    _name = "saraban.document.version"
    _description = "Signed Letter Version"
    _order = "document_id, version_no desc"
    _rec_name = "display_label"

    document_id = fields.Many2one(
        "saraban.document", required=True, index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    document_secrecy = fields.Selection(related="document_id.secrecy", string="Secrecy")
    version_no = fields.Integer(string="Version No.", required=True, readonly=True)
    display_label = fields.Char(compute="_compute_display_label")
    reason = fields.Char(readonly=True, help="Why this version replaces the previous one.")
    letter_number = fields.Char(string="Letter No.", readonly=True)
    pdf = fields.Binary(string="Signed PDF", attachment=True, readonly=True)
    pdf_filename = fields.Char(readonly=True)
    sha256 = fields.Char(string="SHA-256", readonly=True, index=True)
    signed_by_id = fields.Many2one("res.users", readonly=True)
    signed_at = fields.Datetime(string="Signed On", readonly=True)
    signed_at_display = fields.Char(string="Signed On ", compute="_compute_display_label")

    _sql_constraints = [
        ("document_version_uniq", "unique(document_id, version_no)", "A version number is used once."),
    ]

    @api.depends("version_no", "letter_number", "signed_at")
    def _compute_display_label(self):
        for version in self:
            version.display_label = f"{version.letter_number or ''} v{version.version_no}".strip()
            version.signed_at_display = format_thai_datetime(version.signed_at, digits=False)

    @api.model
    def _create_version(self, document, pdf, reason=False):
        number = max(document.sudo().version_ids.mapped("version_no") or [0]) + 1
        kept = document._kept_copy_values(pdf)
        return self.sudo().with_context(saraban_signing=True).create(
            {
                "document_id": document.id,
                "version_no": number,
                "reason": reason or (_("Signed original") if number == 1 else False),
                "letter_number": document.letter_number,
                "pdf": kept["signed_pdf"],
                "pdf_filename": kept["signed_pdf_filename"].replace(".pdf", f"_v{number}.pdf"),
                "sha256": kept["signed_pdf_sha256"],
                "signed_by_id": self.env.uid,
                "signed_at": fields.Datetime.now(),
            }
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("saraban_signing"):
            raise UserError(
                _("Versions are written by signing a letter. / ฉบับของหนังสือเกิดจากการลงนามเท่านั้น")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("saraban_signing"):
            raise UserError(
                _("A signed version cannot be changed. / ฉบับที่ลงนามแล้วแก้ไขไม่ได้")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("A signed version cannot be deleted. / ลบฉบับที่ลงนามแล้วไม่ได้"))

    def _check_pdf(self, data):
        """True when ``data`` (bytes) is exactly this version's kept copy."""
        self.ensure_one()
        return hashlib.sha256(data).hexdigest() == self.sha256

    # ------------------------------------------------------------------ fallback PDF
    @api.model
    def _fallback_pdf(self, document):
        """A plain A4 kept copy: number, date, subject, text and signer.

        Used until the official forms (saraban_reports) override
        ``saraban.document._render_official_pdf``. Deterministic bytes.
        """
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import cm
        from reportlab.pdfgen import canvas

        font = thai_font() or "Helvetica"
        digits = document.company_id.saraban_thai_digits
        buffer = io.BytesIO()
        page = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
        page.setTitle(document.name or "")
        page.setAuthor(document.company_id.name or "")
        page.setSubject(document.letter_number or "")
        width, height = A4
        left, right = 3 * cm, width - 2 * cm
        size = 16
        page.setFont(font, size)
        y = height - 3 * cm
        lines = []
        if document.letter_number:
            lines.append(("left", f"ที่ {document.letter_number}"))
        lines.append(("right", document.company_id.name or ""))
        lines.append(("centre", format_thai_date(document.letter_date, digits)))
        lines.append(("left", f"เรื่อง {document.name}"))
        if document.salutation:
            lines.append(("left", document.salutation))
        if document.reference_text:
            lines.append(("left", f"อ้างถึง {document.reference_text}"))
        for paragraph in html2plaintext(document.body or "").split("\n"):
            lines.append(("left", paragraph))
        if document.closing:
            lines.append(("sign", document.closing))
        lines.append(("sign", ""))
        lines.append(("sign", f"({document.signer_name or ''})"))
        if document.signer_position:
            lines.append(("sign", document.signer_position))
        if document.signer_acting_text:
            lines.append(("sign", document.signer_acting_text))
        for where, text in lines:
            for part in wrap_text(text, font, size, right - left) or [""]:
                if y < 2 * cm:
                    page.showPage()
                    page.setFont(font, size)
                    y = height - 2.5 * cm
                if where == "right":
                    page.drawRightString(right, y, part)
                elif where == "centre":
                    page.drawCentredString(width / 2 + 1.5 * cm, y, part)
                elif where == "sign":
                    page.drawCentredString(width / 2 + 2.5 * cm, y, part)
                else:
                    page.drawString(left, y, part)
                y -= 0.75 * cm
        page.showPage()
        page.save()
        return buffer.getvalue()


class SarabanRegister(models.Model):
    _inherit = "saraban.register"

    register_type = fields.Selection(
        selection_add=[("regulation", "Regulation Register"), ("bylaw", "Bylaw Register")],
        ondelete={"regulation": "cascade", "bylaw": "cascade"},
    )


class SarabanRegisterEntry(models.Model):
    _inherit = "saraban.register.entry"

    version_id = fields.Many2one(
        "saraban.document.version", string="Version Sent", readonly=True, index="btree_not_null",
        help="The signed version of the letter this line stands for.",
    )
    version_sha256 = fields.Char(related="version_id.sha256", string="SHA-256")

    def write(self, vals):
        if "version_id" in vals and not self.env.context.get("saraban_signing"):
            raise UserError(
                _(
                    "The version a register line stands for is set by signing. "
                    "/ ฉบับที่อ้างในทะเบียนกำหนดโดยการลงนามเท่านั้น"
                )
            )
        return super().write(vals)
