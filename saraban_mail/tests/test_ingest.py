import base64
import os
from collections import Counter
from unittest.mock import patch

from lxml import etree

from odoo.tests import tagged

from odoo.addons.saraban_mail.models import fetchmail_server as fetchmail_module
from odoo.addons.saraban_mail.models.fetchmail_server import FetchmailServer
from odoo.addons.saraban_mail.models.saraban_document import SarabanDocument
from odoo.addons.saraban_mail.tools import ecms

from .common import CORPUS, SarabanMailCase, corpus_expected, corpus_files

FILE_TH = "หนังสือขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาลตำบลบ้านสวน.pdf"


def simple_mail(n, sender="saraban@amphoe-bansuan.go.th", attach=True):
    boundary = f"b{n}"
    text = (
        f"From: <{sender}>\r\nTo: <saraban@tessaban-test.go.th>\r\n"
        f"Subject: =?utf-8?B?{base64.b64encode(f'หนังสือทดสอบ {n}'.encode()).decode()}?=\r\n"
        f"Date: Mon, 16 Nov 2026 09:15:00 +0700\r\nMessage-ID: <simple-{n}@amphoe-bansuan.go.th>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
        f"--{boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nข้อความ {n}\r\n"
    )
    if attach:
        pdf = base64.b64encode(b"%PDF-1.4\n%" + str(n).encode() + b"\n%%EOF\n").decode()
        text += (f"--{boundary}\r\nContent-Type: application/pdf\r\n"
                 f"Content-Disposition: attachment; filename=\"letter-{n}.pdf\"\r\n"
                 f"Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n")
    text += f"--{boundary}--\r\n"
    return text.encode()


@tagged("post_install", "-at_install", "saraban_mail")
class TestIngest(SarabanMailCase):

    def test_corpus_through_imap(self):
        """Every corpus e-mail becomes a letter or a quarantined item with its reason: none lost."""
        self.server.saraban_max_size = 300
        expected = corpus_expected()
        files = corpus_files()
        self.assertGreaterEqual(len(files), 30)
        raws = {os.path.basename(p): open(p, "rb").read() for p in files}
        self.dovecot.append("a", [raws[name] for name in sorted(raws)])
        self.fetch()

        letters = self.letters()
        quarantined = self.quarantined()
        wanted = Counter(v.split(":")[0] for v in expected.values())
        self.assertEqual(len(letters), wanted["letter"], letters.mapped("name"))
        self.assertEqual(len(quarantined), wanted["quarantine"], quarantined.mapped("details"))
        self.assertEqual(len(letters) + len(quarantined) + wanted["duplicate"], len(files))
        self.assertEqual(self.dovecot.status("a"), (len(files), 0), "every message is flagged seen")

        reasons = Counter(q.reason for q in quarantined)
        self.assertEqual(reasons, Counter(v.split(":")[1] for v in expected.values() if ":" in v))
        for item in quarantined:
            self.assertTrue(item.raw_attachment_id.raw, "the raw message is kept")
            self.assertTrue(item.details)
        by_id = {doc.email_message_id: doc for doc in letters}

        outlook = by_id["<DB9PR01MB1234ABCD@DB9PR01MB1234.eurprd01.prod.outlook.com>"]
        self.assertEqual(outlook.name, "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล")
        self.assertEqual(outlook.sender_id, self.agency, "sender recognised from the directory")
        self.assertEqual(outlook.main_filename, FILE_TH)
        self.assertTrue(outlook.main_file)
        self.assertEqual(outlook.state, "draft")
        self.assertTrue(outlook.received_at)
        self.assertEqual(outlook.email_original_id.raw, raws["01_outlook_encoded_word_filename.eml"])
        self.assertIn(FILE_TH, outlook.attachment_ids.mapped("name"))
        rfc2231 = by_id["<AM0PR02MB5678@AM0PR02MB5678.eurprd02.prod.outlook.com>"]
        self.assertEqual(rfc2231.main_filename, FILE_TH)

        tis = by_id["<tis620-plain-0001@amphoe-bansuan.go.th>"]
        self.assertIn("ด้วยอำเภอบ้านสวน", tis.body)
        self.assertEqual(tis.name, "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล")
        tis_qp = by_id["<tis620-qp-0002@amphoe-bansuan.go.th>"]
        self.assertIn("ด้วยอำเภอบ้านสวน", tis_qp.body)
        w874 = by_id["<win874-html-0003@amphoe-bansuan.go.th>"]
        self.assertIn("“", w874.body)
        self.assertIn("ด้วยอำเภอบ้านสวน", w874.body)
        self.assertEqual(by_id["<win874-file-0004@amphoe-bansuan.go.th>"].main_filename, "หนังสือราชการ.pdf")

        no_attach = by_id["<CAF=noattach001@mail.gmail.com>"]
        self.assertFalse(no_attach.main_file)
        self.assertFalse(no_attach.attachment_ids)

        hostile = by_id["<hostile-html-0009@amphoe-bansuan.go.th>"]
        for bad in ("<script", "onerror", "javascript:", "<iframe", "onload"):
            self.assertNotIn(bad, hostile.body or "")
        self.assertIn("ด้วยอำเภอบ้านสวน", hostile.body)

        several = by_id["<several-pdf-0012@amphoe-bansuan.go.th>"]
        self.assertEqual(several.main_filename, "หนังสือนำส่ง.pdf")
        self.assertEqual(len(several.attachment_ids), 3)

        upper = by_id["<latin1-0024@embassy.invalid>"]
        self.assertEqual(upper.sender_id, self.agency, "address matched case-insensitively")
        self.assertEqual(upper.name, "Invitation à la réunion")

        no_mid = letters.filtered(lambda d: d.name == "หนังสือไม่มี Message-ID")
        self.assertEqual(len(no_mid), 1)
        self.assertTrue(no_mid.email_message_id.endswith("@saraban.invalid>"))

        exchange = by_id["<ecms-0022@amphoe-bansuan.go.th>"]
        self.assertEqual(exchange.source, "exchange")
        self.assertEqual(exchange.letter_number, "ชบ 0318/4321")
        self.assertEqual(str(exchange.letter_date), "2026-11-12")
        self.assertEqual(exchange.name, "ขอเชิญประชุมคณะกรรมการ")
        self.assertEqual(exchange.urgency, "very_urgent")
        self.assertIn("ชบ 0318/1000", exchange.reference_text)
        self.assertEqual(exchange.enclosure_text, "ระเบียบวาระการประชุม")
        self.assertEqual(exchange.main_filename, "invite.pdf")
        self.assertEqual(len(exchange.attachment_ids), 1, "the PDF in the mail and in the XML is one file")

        # Nothing more on a second fetch; the same mails delivered again make nothing new.
        self.fetch()
        self.dovecot.append("a", list(raws.values()))
        self.fetch()
        self.assertEqual(len(self.letters()), len(letters))
        self.assertEqual(len(self.quarantined()), len(quarantined))
        self.assertEqual(self.dovecot.status("a")[1], 0)

    def test_processing_error_is_quarantined_then_retried(self):
        self.append(simple_mail(1))
        original = SarabanDocument.message_new

        def broken(self, msg_dict, custom_values=None):
            raise RuntimeError("database hiccup")

        with patch.object(SarabanDocument, "message_new", broken):
            self.fetch()
        self.assertFalse(self.letters())
        item = self.quarantined()
        self.assertEqual(item.reason, "error")
        self.assertIn("database hiccup", item.details)
        self.assertEqual(item.message_id, "<simple-1@amphoe-bansuan.go.th>")
        self.assertEqual(self.dovecot.status("a"), (1, 0), "flagged seen only once quarantined")
        self.assertEqual(SarabanDocument.message_new, original)

        item.with_user(self.officer).action_retry()
        self.assertEqual(item.state, "done")
        letter = self.letters()
        self.assertEqual(len(letter), 1)
        self.assertEqual(item.document_id, letter)
        self.assertEqual(letter.main_filename, "letter-1.pdf")

    def test_import_anyway_after_size_limit(self):
        self.server.saraban_max_size = 1
        self.append(simple_mail(2) + b"\r\n" + b"x" * 2048)
        self.fetch()
        item = self.quarantined()
        self.assertEqual(item.reason, "size")
        item.with_user(self.officer).action_retry()
        self.assertEqual(item.state, "open", "still over the limit")
        item.with_user(self.officer).action_import_anyway()
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.letters()), 1)

    def test_register_many_and_receipt(self):
        for n in range(3):
            self.append(simple_mail(10 + n))
        self.fetch()
        letters = self.letters()
        self.assertEqual(len(letters), 3)
        letters.with_user(self.officer).action_register_selected()
        self.assertEqual(set(letters.mapped("state")), {"registered"})
        numbers = sorted(letters.mapped("receive_number"))
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))
        for doc in letters:
            mail = doc.receipt_mail_id
            self.assertTrue(mail, "a receipt result is queued for the sender (R4)")
            self.assertEqual(mail.email_to, "saraban@amphoe-bansuan.go.th")
            headers = eval(mail.headers)  # noqa: S307 - Odoo stores headers as a repr'd dict
            self.assertEqual(headers["In-Reply-To"], doc.email_message_id)
            self.assertEqual(headers["X-Saraban-Accept-ID"], str(doc.receive_number))
            self.assertIn("X-Saraban-Letter-ID", headers)
            xml = mail.attachment_ids.filtered(lambda a: a.name.endswith(".xml"))
            parsed = ecms.parse(xml.raw)
            self.assertEqual(parsed["kind"], "AcceptLetterNotifier")
            self.assertEqual(parsed["accept_id"], str(doc.receive_number))
            self.assertEqual(parsed["subject"], doc.name)
            root = etree.fromstring(xml.raw)
            self.assertTrue(root.xpath("//*[local-name()='AcceptLetterNotifier']/*[local-name()='AcceptID']"))
            self.assertIn(doc.stamp_time, mail.body_html, "Thai time in the receipt")
            self.assertIn(doc.receive_number_display, mail.body_html)
        # A second registration (a unit register) sends nothing new.
        first_mail = letters[0].receipt_mail_id
        self.assertEqual(letters[0].receipt_mail_id, first_mail)

    def _drop_after(self, count):
        """Stop dovecot (every open IMAP connection dies) after ``count`` messages were processed."""
        original = FetchmailServer._saraban_ingest
        state = {"n": 0}
        dovecot = self.dovecot

        def wrapper(server, raw, *args, **kwargs):
            result = original(server, raw, *args, **kwargs)
            state["n"] += 1
            if state["n"] == count:
                dovecot.stop(remove=False)
            return result

        return patch.object(FetchmailServer, "_saraban_ingest", wrapper)

    def test_connection_dropped_mid_fetch(self):
        total = 12
        self.dovecot.append("a", [simple_mail(100 + n) for n in range(total)])
        with patch.object(fetchmail_module, "FETCH_BATCH_COUNT", 4), self._drop_after(6):
            self.server.fetch_mail(raise_exception=False)
        self.dovecot.restart()
        first = self.letters()
        self.assertLess(len(first), total, "the connection was really cut")
        self.assertEqual(self.dovecot.status("a")[1], total - 4, "only the committed first batch is flagged")
        with patch.object(fetchmail_module, "FETCH_BATCH_COUNT", 4):
            self.server.fetch_mail()
        letters = self.letters()
        self.assertEqual(len(letters), total, "nothing lost")
        self.assertEqual(len(set(letters.mapped("email_message_id"))), total, "nothing duplicated")
        self.assertEqual(self.dovecot.status("a"), (total, 0))
        self.assertFalse(self.quarantined())


@tagged("post_install", "-at_install", "saraban_mail")
class TestCorpusFiles(SarabanMailCase):
    def test_expected_covers_corpus(self):
        names = {os.path.basename(p) for p in corpus_files()}
        self.assertEqual(names, set(corpus_expected()), f"update {CORPUS}/expected.json")
