{
    "name": "e-Saraban: forms and registers",
    "summary": "Official letter forms, printed registers, spreadsheet exports",
    "version": "18.0.1.0.0",
    "category": "Productivity/Saraban",
    "license": "LGPL-3",
    "author": "e-Saraban for Odoo contributors",
    "website": "https://github.com/e-saraban/e-saraban-odoo",
    "depends": ["saraban_module"],
    "external_dependencies": {"python": ["weasyprint", "xlsxwriter"]},
    "data": [
        "report/saraban_form_layout.xml",
        "report/saraban_letter_templates.xml",
        "report/saraban_register_templates.xml",
        "report/saraban_report_actions.xml",
        "views/saraban_document_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "saraban_reports/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
