"""make bench: simultaneous registrations against simultaneous bare creates.

Each round releases 50 XML-RPC calls at once (each on its own connection):
first 50 creates of a bare record (the baseline), then 50 registrations in the
central receive register. The figures are wall times of whole rounds, reported
as a ratio to the baseline of the same run: the machine's speed cancels out.
"""

import json
import statistics

from saraban_load import create_bare_simultaneously, create_drafts, make_users, register_simultaneously

from conftest import ARTIFACTS

CALLERS = 50
USERS = 10
ROUNDS = 5


def test_bench_register(odoo_server):
    users = make_users(odoo_server, USERS, "benchofficer") * (CALLERS // USERS)
    baseline, register = [], []
    for round_no in range(ROUNDS):
        doc_ids = create_drafts(odoo_server, CALLERS, f"bench {round_no}")
        _r, errors, seconds = create_bare_simultaneously(odoo_server, users, f"bench-{round_no}")
        assert errors == [None] * CALLERS
        baseline.append(seconds)
        results, errors, seconds = register_simultaneously(odoo_server, users, doc_ids)
        assert errors == [None] * CALLERS, [str(e) for e in errors if e]
        register.append(seconds)
    numbers = odoo_server.psql(
        "SELECT count(*), count(DISTINCT number), max(number) FROM saraban_register_entry"
    )
    assert numbers == f"{CALLERS * ROUNDS}|{CALLERS * ROUNDS}|{CALLERS * ROUNDS}"
    report = {
        "callers": CALLERS,
        "rounds": ROUNDS,
        "baseline_bare_create_s": [round(s, 3) for s in baseline],
        "register_s": [round(s, 3) for s in register],
        "median_baseline_s": round(statistics.median(baseline), 3),
        "median_register_s": round(statistics.median(register), 3),
        "ratio_of_medians": round(statistics.median(register) / statistics.median(baseline), 2),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bench_register.json").write_text(json.dumps(report, indent=2))
    print("\nregistration benchmark:", json.dumps(report, indent=2))
