"""50 officers register letters at the same moment through XML-RPC (R3).

Every call must succeed and the register must hold 1..50 with no gap and no
repeat, also at the first registration of a new year.
"""

import json
import datetime

import pytest

from saraban_load import (
    create_bare_simultaneously,
    create_drafts,
    entry_numbers,
    make_users,
    register_simultaneously,
)

from conftest import ARTIFACTS

CALLERS = 50
USERS = 10


@pytest.fixture(scope="module")
def officers(odoo_server):
    return make_users(odoo_server, USERS, "regofficer") * (CALLERS // USERS)


def _check_gapless(odoo_server, results, errors, register_id, year):
    assert errors == [None] * CALLERS, [str(e) for e in errors if e]
    entry_ids = [ids[0] for ids in results]
    rows = entry_numbers(odoo_server, entry_ids)
    numbers = sorted(row["number"] for row in rows)
    assert numbers == list(range(1, CALLERS + 1))
    assert {row["year"] for row in rows} == {year}
    assert {row["register_id"][0] for row in rows} == {register_id}
    # The database agrees, past the ORM.
    out = odoo_server.psql(
        "SELECT count(*), count(DISTINCT number), min(number), max(number) "
        f"FROM saraban_register_entry WHERE register_id = {register_id} AND year = {year}"
    )
    assert out.strip() == f"{CALLERS}|{CALLERS}|1|{CALLERS}"


def _this_year():
    # Registration years are calendar years in Asia/Bangkok (UTC+7).
    return (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).year


def _record(name, seconds, baseline):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "register_concurrency.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = {
        "callers": CALLERS,
        "register_seconds": round(seconds, 3),
        "baseline_create_seconds": round(baseline, 3),
        "ratio": round(seconds / baseline, 2) if baseline else None,
    }
    path.write_text(json.dumps(data, indent=2))
    print(f"{name}: {CALLERS} registrations {seconds:.3f}s, {CALLERS} bare creates {baseline:.3f}s")


def test_fifty_simultaneous_registrations(odoo_server, officers):
    central = odoo_server.execute(
        "ir.model.data", "check_object_reference", "saraban_module", "register_central_receive"
    )[1]
    doc_ids = create_drafts(odoo_server, CALLERS, "หนังสือทดสอบพร้อมกัน")
    _r, base_errors, baseline = create_bare_simultaneously(odoo_server, officers, "baseline-a")
    assert base_errors == [None] * CALLERS
    results, errors, seconds = register_simultaneously(odoo_server, officers, doc_ids)
    _check_gapless(odoo_server, results, errors, central, _this_year())
    _record("fresh_register", seconds, baseline)
    docs = odoo_server.execute(
        "saraban.document", "read", doc_ids, fields=["state", "receive_number"]
    )
    assert {d["state"] for d in docs} == {"registered"}
    assert sorted(d["receive_number"] for d in docs) == list(range(1, CALLERS + 1))


def test_fifty_simultaneous_first_registrations_of_new_year(odoo_server, officers):
    """Last year's register is full; the first 50 of this year start again at 1."""
    unit_id = odoo_server.execute("saraban.unit", "create", {"name": "กองทดสอบปีใหม่"})
    register_id = odoo_server.execute(
        "saraban.register", "create",
        {"name": "ทะเบียนรับกองทดสอบปีใหม่", "register_type": "receive", "unit_id": unit_id},
    )
    year = _this_year()
    old_doc = create_drafts(odoo_server, 1, "หนังสือปีก่อน")[0]
    # Last year's 120 entries, as a register carried over from the previous year holds them.
    odoo_server.psql(
        "INSERT INTO saraban_register_entry (register_id, register_type, company_id, unit_id,"
        " document_id, number, year, registered_at, registered_by_id, cancelled)"
        f" SELECT {register_id}, 'receive', 1, {unit_id}, {old_doc}, n, {year - 1},"
        f" '{year - 1}-12-31 10:00:00', 2, false FROM generate_series(1, 120) n"
    )
    doc_ids = create_drafts(odoo_server, CALLERS, "หนังสือต้นปี")
    _r, base_errors, baseline = create_bare_simultaneously(odoo_server, officers, "baseline-b")
    assert base_errors == [None] * CALLERS
    results, errors, seconds = register_simultaneously(
        odoo_server, officers, doc_ids, register_id=register_id
    )
    _check_gapless(odoo_server, results, errors, register_id, year)
    _record("new_year", seconds, baseline)
    out = odoo_server.psql(
        f"SELECT count(*), max(number) FROM saraban_register_entry WHERE register_id = {register_id}"
        f" AND year = {year - 1}"
    )
    assert out.strip() == "120|120"
