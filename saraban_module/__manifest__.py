{
    "name": "e-Saraban",
    "summary": "Electronic correspondence for Thai government agencies: "
    "registers, routing, secrecy, history",
    "version": "18.0.1.0.0",
    "category": "Productivity/Saraban",
    "license": "LGPL-3",
    "author": "e-Saraban for Odoo contributors",
    "website": "https://github.com/e-saraban/e-saraban-odoo",
    "depends": ["base", "mail", "web"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/saraban_security.xml",
        "security/ir.model.access.csv",
        "security/saraban_rules.xml",
        "data/saraban_register_data.xml",
        "data/saraban_outgoing_data.xml",
        "views/saraban_document_views.xml",
        "views/saraban_route_views.xml",
        "views/saraban_register_views.xml",
        "views/saraban_unit_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/saraban_route_wizard_views.xml",
        "wizard/saraban_entry_cancel_wizard_views.xml",
        "wizard/saraban_sign_wizard_views.xml",
        "views/saraban_menus.xml",
        "views/saraban_outgoing_views.xml",
        "views/saraban_verify_templates.xml",
    ],
    "demo": [
        "demo/saraban_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "saraban_module/static/src/**/*",
        ],
        "web.assets_tests": [
            "saraban_module/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
