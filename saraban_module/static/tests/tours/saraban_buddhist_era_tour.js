/** @odoo-module **/

import { registry } from "@web/core/registry";

// Shared with saraban_module/tests/test_buddhist_era.py.
const SUBJECT = "ทดสอบวันที่พุทธศักราช";

registry.category("web_tour.tours").add("saraban_buddhist_era_dates", {
    steps: () => [
        {
            content: "The list shows the letter date in the Buddhist Era",
            trigger: `.o_data_row:has(td[name=name]:contains('${SUBJECT}')) td[name=letter_date]:contains('22/11/2569')`,
        },
        {
            trigger: `.o_data_row td[name=name]:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "The form shows it in the Buddhist Era too",
            trigger: ".o_field_widget[name=letter_date] input",
            run() {
                const value = this.anchor.value;
                if (value !== "22/11/2569") {
                    throw new Error(`expected 22/11/2569, got ${value}`);
                }
            },
        },
        {
            content: "The user types a Buddhist Era date",
            trigger: ".o_field_widget[name=letter_date] input",
            run: "edit 01/12/2569",
        },
        {
            trigger: ".o_form_view",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "It is shown back as typed",
            trigger: ".o_field_widget[name=letter_date] input",
            run() {
                if (this.anchor.value !== "01/12/2569") {
                    throw new Error(`expected 01/12/2569, got ${this.anchor.value}`);
                }
            },
        },
    ],
});
