/** @odoo-module **/

import { registry } from "@web/core/registry";

// Shared with saraban_module/tests/test_tour.py.
const SUBJECT = "ขอเชิญประชุมคณะกรรมการพัฒนาเมือง ครั้งที่ 3/2568";
const LETTER_NUMBER = "ศธ 0521/ว 123";
const SENDER = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1";
const UNIT = "กองช่าง";
const INSTRUCTION = "มอบกองช่างพิจารณาดำเนินการและรายงานผลภายใน 7 วัน";
const FILENAME = "scan_letter.pdf";

/**
 * The smallest well-formed PDF (one empty A4 page with a frame), with a correct
 * cross-reference table, as a scanner would hand it over: bytes, not a string.
 */
function scannedLetterPdf() {
    const content = "0 0 1 RG 20 20 555 802 re S";
    const objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    let pdf = "%PDF-1.4\n";
    const offsets = [];
    objects.forEach((object, index) => {
        offsets.push(pdf.length);
        pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) {
        pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
    }
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(pdf);
}

function assertReceiveNumberShown() {
    const stamp = document.querySelector(".o_saraban_stamp");
    const number = stamp.querySelector(".o_field_widget[name=receive_number_display]");
    const text = number.textContent.trim();
    // Arabic or Thai digits, depending on the agency's setting.
    if (!/^[0-9\u0E50-\u0E59]+$/.test(text)) {
        throw new Error(`The receipt stamp shows no receive number (got "${text}").`);
    }
}

registry.category("web_tour.tours").add("saraban_register_scanned_letter", {
    url: "/odoo/action-saraban_module.action_saraban_document_to_register",
    steps: () => [
        {
            content: "Open the Saraban app on the letters to register",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Type the subject",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${SUBJECT}`,
        },
        {
            content: "Type the letter's own number",
            trigger: ".o_field_widget[name=letter_number] input",
            run: `edit ${LETTER_NUMBER}`,
        },
        {
            content: "Type the letter's date",
            trigger: ".o_field_widget[name=letter_date] input",
            run: "edit 01/15/2025 && press Enter",
        },
        {
            content: "Type the sender as written on the letter",
            trigger: ".o_field_widget[name=sender_name] input",
            run: `edit ${SENDER}`,
        },
        {
            content: "The letter came on paper and was scanned",
            trigger: ".o_field_widget[name=source] select",
            run: 'select "paper"',
        },
        {
            content: "Attach the scan of the letter",
            trigger: ".o_field_binary[name=main_file] .o_select_file_button",
            async run() {
                const input = document.querySelector(
                    ".o_field_binary[name=main_file] input[type=file]"
                );
                const file = new File([scannedLetterPdf()], FILENAME, {
                    type: "application/pdf",
                });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The scan is attached under its file name",
            trigger: `.o_field_binary[name=main_file] input.o_input:value(${FILENAME})`,
        },
        {
            content: "Save the letter",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Wait for the letter to be saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "The saved scan can be downloaded",
            trigger: ".o_field_binary[name=main_file] .o_download_file_button",
        },
        {
            content: "Register the letter",
            trigger: ".o_form_statusbar button[name=action_register_button]",
            run: "click",
        },
        {
            content: "The letter is registered",
            trigger: ".o_statusbar_status button[data-value=registered][aria-checked=true]",
        },
        {
            content: "The receipt stamp shows the receive number",
            trigger: ".o_saraban_stamp .o_field_widget[name=receive_number_display]:not(:empty)",
            run: assertReceiveNumberShown,
        },
        {
            content: "Route the letter",
            trigger: ".o_form_statusbar button[name=action_open_route_wizard]",
            run: "click",
        },
        {
            content: "Look for the division",
            trigger: ".modal .o_field_widget[name=unit_ids] input",
            run: `edit ${UNIT}`,
        },
        {
            content: "Choose the division (exactly it, not one of its sections)",
            trigger: `.modal .o_field_widget[name=unit_ids] .o-autocomplete--dropdown-item:contains(/^${UNIT}$/)`,
            run: "click",
        },
        {
            content: "The division is chosen",
            trigger: `.modal .o_field_widget[name=unit_ids] .o_tag:contains(${UNIT})`,
        },
        {
            content: "Write the instruction",
            trigger: ".modal .o_field_widget[name=instruction] textarea",
            run: `edit ${INSTRUCTION}`,
        },
        {
            content: "Send",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The letter is in progress",
            trigger: ".o_statusbar_status button[data-value=in_progress][aria-checked=true]",
        },
        {
            content: "The receive number is still on the stamp",
            trigger: ".o_saraban_stamp .o_field_widget[name=receive_number_display]:not(:empty)",
            run: assertReceiveNumberShown,
        },
    ],
});

registry.category("web_tour.tours").add("saraban_acknowledge_routed_letter", {
    url: "/odoo/action-saraban_module.action_saraban_document_routed_to_me",
    steps: () => [
        {
            content: "The letter routed to the division waits for its clerk",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "The letter opens",
            trigger: `.o_breadcrumb .active:contains(${SUBJECT})`,
        },
        {
            content: "The clerk sees the receive number on the stamp",
            trigger: ".o_saraban_stamp .o_field_widget[name=receive_number_display]:not(:empty)",
            run: assertReceiveNumberShown,
        },
        {
            content: "Acknowledge the letter",
            trigger: ".o_form_statusbar button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "Nothing is left to acknowledge",
            trigger: ".o_form_statusbar:not(:has(button[name=action_acknowledge]))",
        },
        {
            content: "Open the routing of the letter",
            trigger: ".o_notebook .nav-link[name=routing]",
            run: "click",
        },
        {
            content: "The routing to the division is acknowledged",
            trigger: ".o_field_widget[name=route_ids] .o_data_row td[name=acknowledged_by_id]:not(:empty)",
        },
    ],
});
