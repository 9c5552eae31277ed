/** @odoo-module **/

import { registry } from "@web/core/registry";

// Shared with saraban_module/tests/test_outgoing_tour.py.
const TEMPLATE = "แบบหนังสือขอข้อมูลถนน (ทดสอบ)";
const SUBJECT = "ขอความอนุเคราะห์ข้อมูลถนนสาธารณะในเขตเทศบาล";
const RECIPIENT = "นายอำเภอบ้านสวน";
const PASSWORD = "Tour-sign-2569";

function assertLetterNumberShown() {
    const field = document.querySelector(".o_saraban_signed .o_field_widget[name=letter_number]");
    const text = field.textContent.trim();
    // "<agency code>/<n>", in Arabic or Thai digits depending on the agency's setting.
    if (!/^.+\/[0-9\u0E50-\u0E59]+$/.test(text)) {
        throw new Error(`The signed letter shows no number (got "${text}").`);
    }
}

registry.category("web_tour.tours").add("saraban_outgoing_tour", {
    url: "/odoo/action-saraban_module.action_saraban_document_outgoing",
    steps: () => [
        {
            content: "Draft a new outgoing letter",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "The external letter's parts are on the form: its closing too",
            trigger: ".o_form_view .o_field_widget[name=closing] input",
        },
        {
            content: "Start from a template",
            trigger: ".o_field_widget[name=template_id] input",
            run: `edit ${TEMPLATE}`,
        },
        {
            content: "Choose the template",
            trigger: `.o_field_widget[name=template_id] .o-autocomplete--dropdown-item:contains(${TEMPLATE})`,
            run: "click",
        },
        {
            content: "The template wrote the subject",
            trigger: `.o_field_widget[name=name] input:value(${SUBJECT})`,
        },
        {
            content: "Address the letter",
            trigger: ".o_field_widget[name=recipient_name] input",
            run: `edit ${RECIPIENT}`,
        },
        {
            content: "No number while drafting",
            trigger: ".o_form_view:not(:has(.o_saraban_signed:visible))",
        },
        {
            content: "Save the draft",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Wait for the draft to be saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Submit it for approval",
            trigger: ".o_form_statusbar button[name=action_submit]",
            run: "click",
        },
        {
            content: "The letter awaits approval",
            trigger: ".o_statusbar_status button[data-value=approval][aria-checked=true]",
        },
    ],
});

registry.category("web_tour.tours").add("saraban_outgoing_approve_tour", {
    url: "/odoo/action-saraban_module.action_saraban_document_awaiting_approval",
    steps: () => [
        {
            content: "The letter waits for the approver",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_statusbar button[name=action_open_approval_wizard]:contains(Approve)",
            run: "click",
        },
        {
            content: "Comment",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit เห็นควรลงนาม",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The wizard is closed and nothing waits for this approver any more",
            trigger: "body:not(:has(.modal)) .o_form_statusbar:not(:has(button:contains(Approve)))",
        },
    ],
});

registry.category("web_tour.tours").add("saraban_outgoing_sign_tour", {
    url: "/odoo/action-saraban_module.action_saraban_document_awaiting_approval",
    steps: () => [
        {
            content: "The letter waits for the signer",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "Sign",
            trigger: ".o_form_statusbar button[name=action_open_sign_wizard]",
            run: "click",
        },
        {
            content: "Type the signer's own password",
            trigger: ".modal .o_field_widget[name=password] input",
            run: `edit ${PASSWORD}`,
        },
        {
            content: "Confirm the signature",
            trigger: ".modal button[name=action_sign]",
            run: "click",
        },
        {
            content: "The letter is signed",
            trigger: "body:not(:has(.modal)) .o_statusbar_status button[data-value=signed][aria-checked=true]",
        },
        {
            content: "The number given at signing shows",
            trigger: ".o_saraban_signed .o_field_widget[name=letter_number]:not(:empty)",
            run: assertLetterNumberShown,
        },
    ],
});
