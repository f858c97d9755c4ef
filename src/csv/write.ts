/**
 * CSV as RFC 4180 writes it: a field is quoted only when it holds a comma, a quote or a line break, and a quote
 * inside is doubled. Records end in \n (pandas, R and Excel all read it; a line break inside a quoted field stays).
 * Values are written exactly as the record holds them: nothing is escaped for spreadsheets' formula syntax.
 */

export type CsvValue = string | number | null | undefined;

/** Excel takes a UTF-8 file for its ANSI code page (GBK in Chinese) unless it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly CsvValue[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
