/** @odoo-module **/
/**
 * Buddhist Era dates for Thai users (R19).
 *
 * Dates stay in the Common Era everywhere the client talks to the server;
 * only what a Thai user reads and types is in the Buddhist Era (CE + 543):
 * - formatting for display writes the year tokens as BE years;
 * - parsing what the user typed takes a year above 2400 as a BE year.
 * Server (de)serialisation passes an explicit numbering system and ISO/SQL
 * formats, which are left untouched.
 */
const { DateTime, Settings } = luxon;

const BE_OFFSET = 543;
const BE_THRESHOLD = 2400;

/** The web client sets luxon's default locale from the user's language. */
export function isBuddhistEraLocale(lang = Settings.defaultLocale || "") {
    return lang.toLowerCase().startsWith("th");
}

/** Replace luxon year tokens (outside quoted literals) with the BE year. */
export function toBuddhistEraFormat(format, year) {
    const be = String(year + BE_OFFSET);
    return format
        .split(/('[^']*')/)
        .map((part) =>
            part.startsWith("'")
                ? part
                : part
                      .replace(/y{4}/g, `'${be}'`)
                      .replace(/(^|[^y'])yy(?!y)/g, `$1'${be.slice(-2)}'`)
                      .replace(/(^|[^y'])y(?![y'])/g, `$1'${be}'`)
        )
        .join("");
}

const originalToFormat = DateTime.prototype.toFormat;
const originalFromFormat = DateTime.fromFormat;

DateTime.prototype.toFormat = function (format, options = {}) {
    if (
        this.isValid &&
        isBuddhistEraLocale() &&
        !options.numberingSystem &&
        !options.outputCalendar &&
        /y/.test(format)
    ) {
        return originalToFormat.call(this, toBuddhistEraFormat(format, this.year), options);
    }
    return originalToFormat.call(this, format, options);
};

DateTime.fromFormat = function (text, format, options = {}) {
    const result = originalFromFormat.call(this, text, format, options);
    if (result.isValid && isBuddhistEraLocale() && result.year > BE_THRESHOLD) {
        return result.minus({ years: BE_OFFSET });
    }
    return result;
};
