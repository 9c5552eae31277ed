"""Simultaneous XML-RPC calls against a running e-Saraban server.

Used by the system tests (correctness) and by ``make bench`` (timings). Every
caller has its own connection (callers share a few officer accounts); all are released at
the same moment by a barrier.
"""

import threading
import time
import xmlrpc.client

PASSWORD = "Load-test-2569"


def make_users(server, count, prefix):
    """Create ``count`` central saraban officers; return their (login, uid) pairs."""
    group_ids = [
        server.execute("ir.model.data", "check_object_reference", xmlid.split(".")[0], xmlid.split(".")[1])[1]
        for xmlid in ("saraban_module.group_saraban_officer", "base.group_partner_manager")
    ]
    values = [
        {
            "name": f"{prefix} {i:02d}",
            "login": f"{prefix}{i:02d}",
            "password": PASSWORD,
            "tz": "Asia/Bangkok",
            "groups_id": [(6, 0, group_ids)],
        }
        for i in range(count)
    ]
    uids = server.execute("res.users", "create", values)
    users = list(zip([v["login"] for v in values], uids))
    # One call each fills the server's credential cache, so that password
    # hashing is not what the timed calls measure.
    run_simultaneously(
        server, users, lambda proxy, login, uid, i: proxy.execute_kw(
            server.db, uid, PASSWORD, "res.users", "read", [[uid]], {"fields": ["login"]}
        )
    )
    return users


def run_simultaneously(server, users, call):
    """Run ``call(proxy, login, uid, index)`` once per user, all released together.

    Returns (results, errors, seconds): results and errors by index, and the wall
    time from the release to the last answer.
    """
    count = len(users)
    barrier = threading.Barrier(count + 1)
    results = [None] * count
    errors = [None] * count
    done = [0.0] * count

    def worker(index):
        login, uid = users[index]
        proxy = xmlrpc.client.ServerProxy(f"{server.url}/xmlrpc/2/object", allow_none=True)
        barrier.wait()
        try:
            results[index] = call(proxy, login, uid, index)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            errors[index] = error
        finally:
            done[index] = time.perf_counter()
            proxy("close")()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join(timeout=600)
    return results, errors, max(done) - start


def create_drafts(server, count, subject):
    values = [
        {"name": f"{subject} {i + 1}", "direction": "incoming", "sender_name": "อำเภอบ้านสวน"}
        for i in range(count)
    ]
    return server.execute("saraban.document", "create", values)


def register_simultaneously(server, users, doc_ids, register_id=None):
    """Each user registers one letter, all at the same moment."""

    def call(proxy, login, uid, index):
        args = [[doc_ids[index]]]
        if register_id:
            args.append(register_id)
        return proxy.execute_kw(server.db, uid, PASSWORD, "saraban.document", "action_register", args)

    return run_simultaneously(server, users, call)


def create_bare_simultaneously(server, users, tag):
    """Baseline: each user creates one bare record, all at the same moment."""

    def call(proxy, login, uid, index):
        return proxy.execute_kw(
            server.db, uid, PASSWORD, "res.partner.category", "create", [{"name": f"{tag} {index}"}]
        )

    return run_simultaneously(server, users, call)


def entry_numbers(server, entry_ids):
    rows = server.execute(
        "saraban.register.entry", "read", entry_ids, fields=["number", "year", "register_id"]
    )
    return rows
