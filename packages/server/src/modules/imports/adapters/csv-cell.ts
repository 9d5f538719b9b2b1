// Writing CSV that people open in spreadsheets. A cell starting with =, +, -, @, a tab or a carriage
// return is read by Excel, LibreOffice and Google Sheets as a formula, which can run commands (DDE),
// fetch URLs or leak other cells ("CSV injection"). Saldo writes such cells with a leading
// apostrophe, which spreadsheets take as "text", and its import reads them back without it.

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number or a phone number (-3, +57 300 123 4567): no function call or DDE can hide in it. */
const PLAIN_NUMBER = /^[+-]?[\d .,()-]*\d[\d .,()-]*$/;
const ESCAPED = /^'[=+\-@\t\r]/;

/**
 * The value a spreadsheet will show as text: `'` prepended when it would start a formula.
 *
 * @example
 * neutralizeFormula('=HYPERLINK("http://x")'); // '\'=HYPERLINK("http://x")'
 * neutralizeFormula('+525512345678'); // unchanged: a phone number
 */
export function neutralizeFormula(v: string): string {
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** The inverse, for cells read from a CSV (a rejects file fixed and imported again). */
export function restoreFormula(v: string): string {
  return ESCAPED.test(v) ? v.slice(1) : v;
}

/**
 * One CSV field: formula-neutralised, quoted when it holds a quote, a line break or any of the
 * delimiters the import accepts (comma, semicolon, tab).
 */
export function csvCell(v: string | undefined): string {
  if (v === undefined) return '';
  const s = neutralizeFormula(v);
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
