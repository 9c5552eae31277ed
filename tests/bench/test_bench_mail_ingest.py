"""Benchmark: ingesting 500 e-mails (one PDF each) from a real IMAP server.

The central saraban mailbox (``fetchmail.server`` into ``saraban.document``,
with quarantine, duplicate detection and batched commits) against Odoo's
stock fetchmail into a bare mail.thread model (``res.partner``), in the same
run, on the same dovecot, through a real Odoo server (the ``odoo_server``
fixture). Prints e-mails per second for both and their ratio, and writes
``artifacts/bench_mail_ingest.json``.

    pytest tests/bench/bench_mail_ingest.py -s
"""

import base64
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import ARTIFACTS  # noqa: E402
from mail_servers import Dovecot  # noqa: E402

COUNT = int(os.environ.get("SARABAN_BENCH_MAILS", "500"))
TARGET_PER_SECOND = 20
TARGET_RATIO = 1.5


def make_pdf(n):
    """A small one-page PDF (about 20 KB, like a short scanned-text letter)."""
    filler = (f"% ingest benchmark letter {n} " * 700).encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" + filler
        + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def make_mail(n, tag):
    subject = base64.b64encode(f"หนังสือทดสอบความเร็ว ฉบับที่ {n}".encode()).decode()
    filename = base64.b64encode(f"หนังสือ-{n}.pdf".encode()).decode()
    pdf = base64.encodebytes(make_pdf(n)).decode().replace("\n", "\r\n")
    return (
        f"From: =?utf-8?B?{base64.b64encode('อำเภอบ้านสวน'.encode()).decode()}?= <saraban@amphoe-bansuan.go.th>\r\n"
        f"To: <saraban@tessaban-test.go.th>\r\nSubject: =?utf-8?B?{subject}?=\r\n"
        f"Date: Mon, 16 Nov 2026 09:15:00 +0700\r\nMessage-ID: <bench-{tag}-{n}@amphoe-bansuan.go.th>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"bench{n}\"\r\n\r\n"
        f"--bench{n}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nเรียน นายกเทศมนตรี ขอส่งหนังสือฉบับที่ {n}\r\n"
        f"--bench{n}\r\nContent-Type: application/pdf; name=\"=?utf-8?B?{filename}?=\"\r\n"
        f"Content-Disposition: attachment; filename=\"=?utf-8?B?{filename}?=\"\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n--bench{n}--\r\n"
    ).encode()


def fetch_server(odoo, dovecot, login, model, name):
    model_id = odoo.execute("ir.model", "search", [("model", "=", model)])[0]
    values = {
        "name": name, "server_type": "imap", "server": dovecot.host, "port": dovecot.port,
        "is_ssl": False, "user": login, "password": dovecot.users[login], "object_id": model_id,
        "state": "done",
    }
    return odoo.execute("fetchmail.server", "create", [values])[0]


def timed_fetch(odoo, server_id):
    start = time.perf_counter()
    odoo.execute("fetchmail.server", "fetch_mail", [server_id])
    return time.perf_counter() - start


def test_ingest_rate(odoo_server):
    odoo = odoo_server
    with Dovecot({"saraban": "bench-saraban", "stock": "bench-stock"}) as dovecot:
        dovecot.append("stock", [make_mail(n, "stock") for n in range(COUNT)])
        dovecot.append("saraban", [make_mail(n, "saraban") for n in range(COUNT)])
        stock_id = fetch_server(odoo, dovecot, "stock", "res.partner", "bench stock fetchmail")
        saraban_id = fetch_server(odoo, dovecot, "saraban", "saraban.document", "bench saraban mailbox")

        stock_seconds = timed_fetch(odoo, stock_id)
        saraban_seconds = timed_fetch(odoo, saraban_id)

        stock_done = odoo.execute(
            "mail.message", "search_count", [("message_id", "like", "<bench-stock-%")]
        )
        letters = odoo.execute(
            "saraban.document", "search_count", [("email_message_id", "like", "<bench-saraban-%")]
        )
        with_pdf = odoo.execute(
            "saraban.document", "search_count",
            [("email_message_id", "like", "<bench-saraban-%"), ("main_filename", "like", "%.pdf")],
        )
        quarantined = odoo.execute("saraban.mail.quarantine", "search_count", [])
        assert stock_done == COUNT, f"stock fetchmail imported {stock_done} of {COUNT}"
        assert (letters, with_pdf, quarantined) == (COUNT, COUNT, 0)
        assert dovecot.status("saraban") == (COUNT, 0)

    stock_rate = COUNT / stock_seconds
    saraban_rate = COUNT / saraban_seconds
    ratio = saraban_seconds / stock_seconds
    result = {
        "mails": COUNT,
        "saraban_seconds": round(saraban_seconds, 2),
        "saraban_per_second": round(saraban_rate, 1),
        "stock_seconds": round(stock_seconds, 2),
        "stock_per_second": round(stock_rate, 1),
        "time_ratio_saraban_over_stock": round(ratio, 2),
        "target_per_second": TARGET_PER_SECOND,
        "target_ratio": TARGET_RATIO,
        "meets_targets": saraban_rate >= TARGET_PER_SECOND and ratio <= TARGET_RATIO,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bench_mail_ingest.json").write_text(json.dumps(result, indent=2))
    print(
        f"\nmail ingest, {COUNT} e-mails with one PDF each from dovecot:\n"
        f"  saraban mailbox : {saraban_seconds:7.2f} s  {saraban_rate:6.1f} e-mails/s\n"
        f"  stock fetchmail : {stock_seconds:7.2f} s  {stock_rate:6.1f} e-mails/s (res.partner)\n"
        f"  ratio (time)    : {ratio:.2f}x stock (target <= {TARGET_RATIO}x, >= {TARGET_PER_SECOND} e-mails/s)"
    )
