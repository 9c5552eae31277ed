{
    "name": "e-Saraban: central mailbox",
    "summary": "Central saraban@ mailbox: ingestion, receipt results, delivery tracking, exchange",
    "version": "18.0.1.0.0",
    "category": "Productivity/Saraban",
    "license": "LGPL-3",
    "author": "e-Saraban for Odoo contributors",
    "depends": ["saraban_module", "mail"],
    "data": [],
    "installable": True,
}
