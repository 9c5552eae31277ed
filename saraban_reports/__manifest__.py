{
    "name": "e-Saraban: forms and registers",
    "summary": "Official letter forms, printed registers, spreadsheet exports",
    "version": "18.0.1.0.0",
    "category": "Productivity/Saraban",
    "license": "LGPL-3",
    "author": "e-Saraban for Odoo contributors",
    "depends": ["saraban_module"],
    "data": [],
    "installable": True,
}
