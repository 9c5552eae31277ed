import glob
import json
import os
from contextlib import contextmanager
from unittest.mock import patch

from odoo.addons.saraban_module.tests.common import SarabanCase

from .mail_servers import Dovecot, SmtpServer

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
CENTRAL_A = "saraban@tessaban-test.go.th"
CENTRAL_B = "saraban@amphoe-bansuan.go.th"


def corpus_files():
    return sorted(glob.glob(os.path.join(CORPUS, "*.eml")))


def corpus_expected():
    with open(os.path.join(CORPUS, "expected.json"), encoding="utf-8") as f:
        return json.load(f)


@contextmanager
def real_smtp():
    """Let Odoo really talk SMTP inside a test (it skips sending while a test runs)."""
    with patch("odoo.modules.module.current_test", False):
        yield


class SarabanMailCase(SarabanCase):
    """A real dovecot (accounts ``a`` and ``b``) and the central mailbox of the test agency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dovecot = Dovecot({"a": "secret-a", "b": "secret-b"}).start()
        cls.addClassCleanup(cls.dovecot.stop)
        cls.company.saraban_central_email = CENTRAL_A
        model = cls.env["ir.model"]._get("saraban.document")
        cls.server = cls.env["fetchmail.server"].create(
            {
                "name": "Central mailbox A",
                "server_type": "imap",
                "server": cls.dovecot.host,
                "port": cls.dovecot.port,
                "is_ssl": False,
                "user": "a",
                "password": "secret-a",
                "object_id": model.id,
                "saraban_company_id": cls.company.id,
                "state": "done",
            }
        )

    def setUp(self):
        super().setUp()
        # fetch_mail commits after each batch; inside a test the transaction must stay open.
        self.patch(self.env.cr, "commit", lambda: None)
        self.dovecot.clear("a")
        self.dovecot.clear("b")

    def append(self, raw, login="a"):
        self.dovecot.append(login, raw)

    def fetch(self, server=None):
        (server or self.server).fetch_mail()

    def letters(self, **domain):
        dom = [("source", "in", ("email", "exchange")), ("company_id", "=", self.company.id)]
        dom += [(k, "=", v) for k, v in domain.items()]
        return self.env["saraban.document"].search(dom)

    def quarantined(self):
        return self.env["saraban.mail.quarantine"].search([("company_id", "=", self.company.id)])

    @classmethod
    def start_smtp(cls, routes, refuse=(), bounce_later=()):
        smtp = SmtpServer(cls.dovecot, routes, refuse=refuse, bounce_later=bounce_later).start()
        cls.addClassCleanup(smtp.stop)
        cls.env["ir.mail_server"].search([]).unlink()
        cls.env["ir.mail_server"].create(
            {"name": "test smtp", "smtp_host": "127.0.0.1", "smtp_port": smtp.port,
             "smtp_encryption": "none", "sequence": 1}
        )
        return smtp
