"""50 signers sign outgoing letters at the same moment through XML-RPC (R13).

Every signature must succeed and the send register must take 50 consecutive
numbers, with no gap and no repeat; each letter's number and kept copy must be
those of its own register line.
"""

import datetime
import json

import pytest

from saraban_load import PASSWORD, make_users, run_simultaneously

from conftest import ARTIFACTS

CALLERS = 50
USERS = 10


@pytest.fixture(scope="module")
def signers(odoo_server):
    return make_users(odoo_server, USERS, "signofficer") * (CALLERS // USERS)


def _this_year():
    # Numbering years are calendar years in Asia/Bangkok (UTC+7).
    return (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).year


def _ref(server, xmlid):
    module, name = xmlid.split(".")
    return server.execute("ir.model.data", "check_object_reference", module, name)[1]


def test_fifty_simultaneous_signings(odoo_server, signers):
    server = odoo_server
    company_id = server.execute("res.users", "read", [server.uid], fields=["company_id"])[0]["company_id"][0]
    server.execute("res.company", "write", [company_id], {"saraban_agency_code": "ชบ 52701",
                                                           "saraban_thai_digits": False})
    send = _ref(server, "saraban_module.register_central_send")
    year = _this_year()
    start = int(server.psql(
        f"SELECT COALESCE(MAX(number), 0) FROM saraban_register_entry WHERE register_id = {send} AND year = {year}"
    ))
    # Each letter is to be signed by its caller (no approval chain: the signer signs).
    doc_ids = server.execute(
        "saraban.document",
        "create",
        [
            {
                "name": f"หนังสือทดสอบลงนามพร้อมกัน {i + 1}",
                "direction": "outgoing",
                "letter_type": "external",
                "recipient_name": "นายอำเภอบ้านสวน",
                "salutation": "เรียน นายอำเภอบ้านสวน",
                "body": f"<p>ข้อความของหนังสือฉบับที่ {i + 1}</p>",
                "closing": "ขอแสดงความนับถือ",
                "signer_id": uid,
            }
            for i, (_login, uid) in enumerate(signers)
        ],
    )
    server.execute("saraban.document", "action_submit", doc_ids)
    drafts = server.execute("saraban.document", "read", doc_ids, fields=["state", "letter_number"])
    assert {d["state"] for d in drafts} == {"approval"}
    assert not any(d["letter_number"] for d in drafts), "no number before signing"

    def call(proxy, login, uid, index):
        return proxy.execute_kw(
            server.db, uid, PASSWORD, "saraban.document", "action_sign", [[doc_ids[index]], PASSWORD]
        )

    results, errors, seconds = run_simultaneously(server, signers, call)
    assert errors == [None] * CALLERS, [str(e) for e in errors if e]
    assert results == [True] * CALLERS

    docs = server.execute(
        "saraban.document", "read", doc_ids,
        fields=["state", "letter_number", "send_entry_id", "signer_id", "signed_pdf_sha256",
                "current_version_id"],
    )
    assert {d["state"] for d in docs} == {"signed"}
    for doc, (_login, uid) in zip(docs, signers):
        assert doc["signer_id"][0] == uid
    entries = server.execute(
        "saraban.register.entry", "read", [d["send_entry_id"][0] for d in docs],
        fields=["number", "year", "register_id", "document_id", "version_id"],
    )
    numbers = sorted(e["number"] for e in entries)
    assert numbers == list(range(start + 1, start + CALLERS + 1))
    assert {e["year"] for e in entries} == {year}
    assert {e["register_id"][0] for e in entries} == {send}
    for doc, entry in zip(docs, entries):
        # The letter shows the number of its own line, and the line points to its kept copy.
        assert entry["document_id"][0] == doc["id"]
        assert doc["letter_number"] == f"ชบ 52701/{entry['number']}"
        assert entry["version_id"][0] == doc["current_version_id"][0]
    versions = server.execute(
        "saraban.document.version", "read", [d["current_version_id"][0] for d in docs],
        fields=["letter_number", "sha256"],
    )
    for doc, version in zip(docs, versions):
        assert version["letter_number"] == doc["letter_number"]
        assert version["sha256"] == doc["signed_pdf_sha256"]
    assert len({d["signed_pdf_sha256"] for d in docs}) == CALLERS
    # The database agrees, past the ORM.
    out = server.psql(
        "SELECT count(*), count(DISTINCT number), min(number), max(number) "
        f"FROM saraban_register_entry WHERE register_id = {send} AND year = {year}"
    )
    assert out.strip() == f"{start + CALLERS}|{start + CALLERS}|{1 if start else start + 1}|{start + CALLERS}"

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "sign_concurrency.json"
    path.write_text(json.dumps({"callers": CALLERS, "sign_seconds": round(seconds, 3)}, indent=2))
    print(f"{CALLERS} simultaneous signings: {seconds:.3f}s")
