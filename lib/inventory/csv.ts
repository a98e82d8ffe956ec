export type CsvRecord = { line: number; fields: string[] };

/**
 * RFC 4180 parser: quoted fields with "" escapes and embedded newlines/commas, CRLF or LF, a UTF-8 BOM.
 * Each record remembers the physical line it starts on, for error messages sellers can find.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedFieldClosed = false;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = "";
    quotedFieldClosed = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        quotedFieldClosed = true;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (field.trim() !== "" || quotedFieldClosed) return { records, error: { line, message: "unexpected quote inside an unquoted field" } };
      field = "";
      inQuotes = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\r" || c === "\n") {
      endRecord();
      if (c === "\r" && src[i + 1] === "\n") i++;
      line++;
      recordLine = line;
    } else if (quotedFieldClosed) {
      if (c !== " " && c !== "\t") return { records, error: { line, message: "text after a closing quote" } };
    } else {
      field += c;
    }
    i++;
  }
  if (inQuotes) return { records, error: { line: recordLine, message: "a quoted field is never closed" } };
  if (field !== "" || fields.length) endRecord();
  return { records };
}
