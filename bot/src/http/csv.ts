/**
 * CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed) that is safe to
 * open in a spreadsheet. A cell starting with = + - @ TAB or CR would be read as a
 * formula (e.g. =HYPERLINK(...) sending data elsewhere), so such a cell gets a leading
 * single quote, which makes Excel and LibreOffice show it as text (OWASP's advice).
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (é, ë, ü in names of places). */
export const UTF8_BOM = '\uFEFF';
