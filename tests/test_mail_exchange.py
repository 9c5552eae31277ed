"""Two agencies exchange a letter through a real Odoo server, real SMTP and real IMAP.

Unlike the addon's own tests, nothing here runs in Odoo's test mode: the
outgoing queue really talks SMTP (aiosmtpd, delivering into dovecot) and every
step goes through XML-RPC, as officers of each agency would.
"""

import base64

import pytest

from mail_servers import Dovecot, SmtpServer

CENTRAL_A = "saraban@tessaban-sys.go.th"
CENTRAL_B = "saraban@amphoe-sys.go.th"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def run_mail_queue(odoo):
    """Run the outgoing mail queue (the cron job) now."""
    cron = odoo.execute("ir.model.data", "check_object_reference", "mail", "ir_cron_mail_scheduler_action")[1]
    odoo.execute("ir.cron", "method_direct_trigger", [cron])


@pytest.fixture(scope="module")
def mail_world(odoo_server):
    odoo = odoo_server
    dovecot = Dovecot({"a": "sys-a", "b": "sys-b"}).start()
    smtp = SmtpServer(dovecot, {CENTRAL_A: "a", CENTRAL_B: "b"}).start()
    try:
        odoo.execute("ir.mail_server", "create", [{
            "name": "system test smtp", "smtp_host": "127.0.0.1", "smtp_port": smtp.port,
            "smtp_encryption": "none", "sequence": 1,
        }])
        company_a = odoo.execute("res.users", "read", [odoo.uid], fields=["company_id"])[0]["company_id"][0]
        partner_a = odoo.execute("res.company", "read", [company_a], fields=["partner_id"])[0]["partner_id"][0]
        odoo.execute("res.company", "write", [company_a], {"saraban_central_email": CENTRAL_A})
        company_b = odoo.execute("res.company", "create", [{
            "name": "อำเภอทดสอบระบบ", "saraban_central_email": CENTRAL_B}])[0]
        officer_group = odoo.execute(
            "ir.model.data", "check_object_reference", "saraban_module", "group_saraban_officer")[1]
        users = {}
        for key, company in (("a", company_a), ("b", company_b)):
            login = f"mail_officer_{key}"
            odoo.execute("res.users", "create", [{
                "name": f"Officer {key.upper()}", "login": login, "password": f"{login}-pw",
                "email": f"{login}@example.com", "company_id": company, "company_ids": [(6, 0, [company])],
                "groups_id": [(4, officer_group)], "tz": "Asia/Bangkok",
            }])
            users[key] = (login, f"{login}-pw")
        agency_b = odoo.execute("res.partner", "create", [{
            "name": "อำเภอทดสอบระบบ", "is_company": True, "saraban_is_agency": True,
            "saraban_email": CENTRAL_B}])[0]
        odoo.execute("res.partner", "create", [{
            "name": "เทศบาลทดสอบระบบ", "is_company": True, "saraban_is_agency": True,
            "saraban_email": CENTRAL_A}])
        model_id = odoo.execute("ir.model", "search", [("model", "=", "saraban.document")])[0]
        servers = {}
        for key, company in (("a", company_a), ("b", company_b)):
            servers[key] = odoo.execute("fetchmail.server", "create", [{
                "name": f"central mailbox {key}", "server_type": "imap", "server": dovecot.host,
                "port": dovecot.port, "is_ssl": False, "user": key, "password": dovecot.users[key],
                "object_id": model_id, "saraban_company_id": company, "state": "done"}])[0]
        yield {
            "odoo": odoo, "dovecot": dovecot, "smtp": smtp, "users": users, "servers": servers,
            "company_a": company_a, "partner_a": partner_a, "company_b": company_b, "agency_b": agency_b,
        }
    finally:
        smtp.stop()
        dovecot.stop()


def test_letter_exchange_over_real_servers(mail_world):
    w = mail_world
    odoo = w["odoo"]
    login_a, pw_a = w["users"]["a"]
    login_b, pw_b = w["users"]["b"]

    doc = odoo.execute("saraban.document", "create", [{
        "name": "ขอเชิญประชุมระบบทดสอบ", "direction": "outgoing", "letter_number": "ทส 001/55",
        "letter_date": "2026-11-16", "urgency": "urgent", "recipient_ids": [(6, 0, [w["agency_b"]])],
        "main_file": base64.b64encode(PDF).decode(), "main_filename": "เชิญประชุม.pdf",
        # Signing belongs to another addon; a letter entered as already signed keeps its number.
        "state": "signed", "sender_id": w["partner_a"],
    }], login=login_a, password=pw_a)[0]
    deliveries = odoo.execute("saraban.document", "action_send_email", [doc], login=login_a, password=pw_a)
    assert len(deliveries) == 1
    run_mail_queue(odoo)
    delivery = odoo.execute("saraban.delivery", "read", deliveries, fields=["state", "message_id"])[0]
    assert delivery["state"] == "sent"
    assert w["dovecot"].status("b") == (1, 1)

    odoo.execute("fetchmail.server", "fetch_mail", [w["servers"]["b"]])
    ctx_b = {"allowed_company_ids": [w["company_b"]]}
    letters_b = odoo.execute(
        "saraban.document", "search_read", [("company_id", "=", w["company_b"])],
        fields=["name", "letter_number", "urgency", "source", "state", "main_filename"],
        login=login_b, password=pw_b, context=ctx_b,
    )
    assert len(letters_b) == 1
    letter = letters_b[0]
    assert (letter["name"], letter["letter_number"], letter["urgency"], letter["source"], letter["state"]) == (
        "ขอเชิญประชุมระบบทดสอบ", "ทส 001/55", "urgent", "exchange", "draft")
    assert letter["main_filename"] == "เชิญประชุม.pdf"

    odoo.execute("saraban.document", "action_register", [letter["id"]],
                 login=login_b, password=pw_b, context=ctx_b)
    registered = odoo.execute("saraban.document", "read", [letter["id"]],
                              fields=["receive_number", "registered_at"],
                              login=login_b, password=pw_b, context=ctx_b)[0]
    run_mail_queue(odoo)
    odoo.execute("fetchmail.server", "fetch_mail", [w["servers"]["a"]])
    result = odoo.execute("saraban.delivery", "read", deliveries,
                          fields=["state", "receiver_number", "received_at", "delivered_at"])[0]
    assert result["state"] == "received"
    assert result["receiver_number"] == str(registered["receive_number"])
    assert result["received_at"] == registered["registered_at"]
    assert result["delivered_at"]
    assert w["dovecot"].status("a")[1] == 0 and w["dovecot"].status("b")[1] == 0
