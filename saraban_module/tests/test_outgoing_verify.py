import base64

from odoo.tests import HttpCase, new_test_user, tagged

PASSWORD = "Verify-sign-2569"


@tagged("post_install", "-at_install")
class TestVerifyPage(HttpCase):
    """The public page behind the QR code of a signed letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.saraban_agency_code = "ชบ 52701"
        cls.signer = new_test_user(
            cls.env, login="verify_signer", groups="saraban_module.group_saraban_executive",
            password=PASSWORD, tz="Asia/Bangkok", saraban_position="นายกเทศมนตรี",
        )
        cls.doc = cls.env["saraban.document"].create(
            {
                "name": "ขอเชิญร่วมงานวันเด็กแห่งชาติ",
                "direction": "outgoing",
                "letter_type": "external",
                "recipient_name": "ผู้อำนวยการโรงเรียนบ้านสวน",
                "salutation": "เรียน ผู้อำนวยการโรงเรียนบ้านสวน",
                "body": "<p>ด้วยเทศบาลจัดงานวันเด็กแห่งชาติ</p>",
                "closing": "ขอแสดงความนับถือ",
                "signer_id": cls.signer.id,
            }
        )
        cls.doc.action_submit()
        cls.doc.with_user(cls.signer).action_sign(PASSWORD)

    def test_verify_page(self):
        doc = self.doc
        self.assertTrue(doc.verification_url)
        path = f"/saraban/verify/{doc.verification_token}"
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn(doc.letter_number, page.text)
        self.assertIn(doc.name, page.text)
        self.assertIn(doc.signed_pdf_sha256, page.text)
        pdf = base64.b64decode(doc.signed_pdf)
        good = self.url_open(path, files={"letter": ("letter.pdf", pdf, "application/pdf")})
        self.assertIn("o_saraban_verify_match", good.text)
        bad = self.url_open(path, files={"letter": ("letter.pdf", pdf + b"\n% changed", "application/pdf")})
        self.assertIn("o_saraban_verify_mismatch", bad.text)
        self.assertNotIn("o_saraban_verify_match", bad.text)
        self.assertEqual(self.url_open("/saraban/verify/unknown-token-0000000000").status_code, 404)
        # A draft has no token: nothing to verify.
        duplicate = doc.copy()
        self.assertFalse(duplicate.verification_token)
        self.assertFalse(duplicate.main_file or duplicate.signed_pdf or duplicate.letter_number)
        self.assertEqual(duplicate.state, "draft")
