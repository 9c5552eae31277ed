/** @odoo-module **/

import { registry } from "@web/core/registry";

// Shared with saraban_reports/tests/test_print_tour.py.
const SUBJECT = "ขอเชิญร่วมงานวันท้องถิ่นไทย";

registry.category("web_tour.tours").add("saraban_print_signed_letter", {
    steps: () => [
        {
            content: "Open the signed letter",
            trigger: `.o_data_row td[name=name]:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "Its number shows",
            trigger: ".o_field_widget[name=letter_number]:contains('/')",
        },
        {
            content: "Print the official form",
            trigger: "button[name=action_print_official_form]",
            run: "click",
        },
        {
            content: "Back on the letter once the download is handed over",
            trigger: ".o_form_view button[name=action_print_official_form]:enabled",
        },
    ],
});
