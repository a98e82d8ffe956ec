/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled. A text cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return that some strip first) gets a leading
 * apostrophe — buyer names and product names are typed by strangers (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
