"""System tests for e-Saraban: a real Odoo server, driven over HTTP / XML-RPC.

Fixture API
===========

``odoo_server`` (session scope) creates a fresh database ``saraban_sys_<pid>``,
installs ``saraban_module``, ``saraban_mail`` and ``saraban_reports`` into it
*without* demo data, starts ``odoo-bin`` on a free port (``--workers=0``, i.e.
the threaded server, ``--db_maxconn=128``, ``--max-cron-threads=0``) and yields an
:class:`OdooServer`. At the end of the session the server is stopped and the
database and its filestore are dropped.

``OdooServer`` attributes and helpers:

- ``url``: base URL, e.g. ``http://127.0.0.1:40123``
- ``db``: database name; ``login`` / ``password``: ``"admin"`` / ``"admin"``
- ``log_path``: the server's log file (under ``artifacts/``)
- ``common()``: a new ``xmlrpc.client.ServerProxy`` on ``/xmlrpc/2/common``
- ``object()``: a new ``ServerProxy`` on ``/xmlrpc/2/object``. Every call returns
  a NEW proxy (its own HTTP connection): a ``ServerProxy`` is not thread-safe,
  so each thread of a concurrent test must get its own.
- ``uid``: the admin's user id (authenticated once, cached)
- ``authenticate(login, password)``: user id of another user (``False`` if refused)
- ``execute(model, method, *args, login=None, password=None, **kwargs)``:
  ``execute_kw`` through a fresh proxy, as admin unless ``login``/``password``
  are given; ``kwargs`` are passed as ``execute_kw``'s keyword arguments.
- ``psql(sql)``: run SQL in the test database with ``psql``, return its output
  (rows ``|``-separated), for assertions that bypass the ORM.

Example::

    def test_something(odoo_server):
        ids = odoo_server.execute("res.partner", "search", [[("id", ">", 0)]], limit=1)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: odoo_server.object().execute_kw(
                odoo_server.db, odoo_server.uid, odoo_server.password,
                "res.partner", "read", [ids], {"fields": ["name"]}), range(8)))

Settings (Odoo source, virtualenv, PostgreSQL server) come from
``.data/env.sh`` written by ``scripts/setup.sh``; when it is missing, setup runs
first. ``SARABAN_SYS_ADDONS`` overrides the comma-separated list of addons to
install.
"""

import os
import shlex
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xmlrpc.client
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
DEFAULT_ADDONS = "saraban_module,saraban_mail,saraban_reports"
INSTALL_TIMEOUT = 1800
START_TIMEOUT = 180


def load_env():
    """Settings written by scripts/setup.sh, as a dict (runs setup if needed)."""
    data = Path(os.environ.get("SARABAN_DATA") or ROOT / ".data")
    env_file = data / "env.sh"
    if not env_file.is_file():
        subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], check=True)
    settings = {}
    for line in env_file.read_text(encoding="utf-8").splitlines():
        words = shlex.split(line, comments=True)
        if len(words) == 2 and words[0] == "export" and "=" in words[1]:
            key, value = words[1].split("=", 1)
            settings[key] = value
    return settings


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OdooServer:
    """A running Odoo server with its own database (see the module docstring)."""

    def __init__(self, url, db, env, log_path, login="admin", password="admin"):
        self.url = url
        self.db = db
        self.env = env
        self.log_path = log_path
        self.login = login
        self.password = password
        self._uid = None

    def common(self):
        return xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common", allow_none=True)

    def object(self):
        return xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/object", allow_none=True)

    def authenticate(self, login, password):
        return self.common().authenticate(self.db, login, password, {})

    @property
    def uid(self):
        if self._uid is None:
            self._uid = self.authenticate(self.login, self.password)
            assert self._uid, "admin/admin was refused by the test server"
        return self._uid

    def execute(self, model, method, *args, login=None, password=None, **kwargs):
        if login is None:
            uid, password = self.uid, self.password
        else:
            uid = self.authenticate(login, password)
            assert uid, f"{login} was refused by the test server"
        return self.object().execute_kw(self.db, uid, password, model, method, list(args), kwargs)

    def psql(self, sql):
        out = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-tA", "-d", self.db, "-c", sql],
            env=self.env, check=True, capture_output=True, text=True,
        )
        return out.stdout.strip()


def _tail(path, lines=60):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _drop_database(db, env, odoo_data):
    subprocess.run(["dropdb", "--if-exists", "--force", db], env=env, check=False)
    if odoo_data:
        shutil.rmtree(Path(odoo_data) / "filestore" / db, ignore_errors=True)


@pytest.fixture(scope="session")
def odoo_server():
    settings = load_env()
    env = {**os.environ, **settings}
    odoo_sh = ["bash", str(ROOT / "scripts" / "odoo.sh")]
    db = f"saraban_sys_{os.getpid()}"
    addons = os.environ.get("SARABAN_SYS_ADDONS", DEFAULT_ADDONS)
    ARTIFACTS.mkdir(exist_ok=True)
    install_log = ARTIFACTS / f"odoo-sys-install-{db}.log"
    server_log = ARTIFACTS / f"odoo-sys-server-{db}.log"

    _drop_database(db, env, settings.get("SARABAN_ODOO_DATA"))
    with open(install_log, "w") as log:
        rc = subprocess.run(
            odoo_sh + ["-d", db, "-i", addons, "--without-demo=all", "--stop-after-init",
                       f"--http-port={free_port()}", "--log-level=info"],
            env=env, stdout=log, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT, check=False,
        ).returncode
    if rc != 0:
        _drop_database(db, env, settings.get("SARABAN_ODOO_DATA"))
        pytest.fail(f"installing {addons} into {db} failed (exit {rc}), {install_log}:\n"
                    f"{_tail(install_log)}", pytrace=False)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(server_log, "w")
    proc = subprocess.Popen(
        odoo_sh + ["-d", db, f"--db-filter=^{db}$", "--workers=0", "--db_maxconn=128",
                   "--max-cron-threads=0", "--http-interface=127.0.0.1", f"--http-port={port}",
                   "--log-level=info"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the Odoo server exited with {proc.returncode}, {server_log}:\n"
                            f"{_tail(server_log)}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{url}/web/login", timeout=10) as resp:
                    if resp.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the Odoo server did not answer on {url}/web/login within "
                            f"{START_TIMEOUT} s, {server_log}:\n{_tail(server_log)}", pytrace=False)
            time.sleep(0.5)

        yield OdooServer(url, db, env, server_log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        _drop_database(db, env, settings.get("SARABAN_ODOO_DATA"))
