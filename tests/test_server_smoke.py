"""The system-test server answers and has the e-Saraban addons installed."""


def test_xmlrpc_version(odoo_server):
    version = odoo_server.common().version()
    assert version["server_serie"] == "18.0"
    assert version["protocol_version"] == 1


def test_saraban_module_installed(odoo_server):
    modules = odoo_server.execute(
        "ir.module.module", "search_read",
        [("name", "in", ["saraban_module", "saraban_mail", "saraban_reports"])],
        fields=["name", "state"],
    )
    states = {m["name"]: m["state"] for m in modules}
    assert states.get("saraban_module") == "installed", states


def test_web_login_page(odoo_server):
    import urllib.request

    with urllib.request.urlopen(f"{odoo_server.url}/web/login", timeout=30) as resp:
        assert resp.status == 200
        assert b"oe_login_form" in resp.read()
