import { format } from "@/lib/i18n/format";

export type CsvRecord = { line: number; fields: string[] };

/** The columns a catalog CSV must have, in the order the template writes them. */
export const CSV_COLUMNS = ["sku", "name", "description", "price", "stock", "keywords"] as const;
export const CSV_OPTIONAL_COLUMNS = ["color", "size", "group", "image_url"] as const;

/**
 * Why a catalog line was refused. `code` is stable and `params` carries the values, so the dashboard
 * says it in the seller's language and tells her what to do (`inventory.csvErrors` in lib/i18n);
 * `message` is the same in English for API callers.
 */
export type CsvIssueCode =
  | "misplaced_quote"
  | "unclosed_quote"
  | "empty_file"
  | "missing_columns"
  | "unknown_columns"
  | "duplicate_columns"
  | "too_many_rows"
  | "no_rows"
  | "too_few_columns"
  | "too_many_columns"
  | "required"
  | "too_long"
  | "sku_format"
  | "duplicate_sku"
  | "price_negative"
  | "price_invalid"
  | "stock_invalid"
  | "stock_negative"
  | "stock_too_large"
  | "too_many_keywords"
  | "keyword_too_long"
  | "image_url_invalid"
  | "below_reserved";

export type CsvIssueParams = Record<string, string | number>;
export type CsvIssue = { line: number; field?: string; code: CsvIssueCode; params?: CsvIssueParams; message: string };

const ENGLISH: Record<CsvIssueCode, string> = {
  misplaced_quote: "A double quote is misplaced: put quotes only around a whole field, and write a quote inside a quoted field as \"\"",
  unclosed_quote: "A quoted field is never closed: add the missing closing double quote",
  empty_file: "The file is empty: its first line must be the header sku,name,description,price,stock,keywords",
  missing_columns: "Missing column(s): {columns}. The first line must name the columns sku,name,description,price,stock,keywords",
  unknown_columns: "Unknown column(s): {columns}. Allowed: sku,name,description,price,stock,keywords,color,size,image_url",
  duplicate_columns: "Column(s) named twice: {columns}",
  too_many_rows: "Too many rows: {count} (max {max} per file); split the file",
  no_rows: "The file has a header but no products: add one product per line below it",
  too_few_columns: "Expected {expected} columns, found {found}: a value is missing; keep the commas of empty fields",
  too_many_columns: "Expected {expected} columns, found {found}: put a name or description that contains the column separator (, or ;) in double quotes, and separate keywords with ; (with , in a file whose columns are separated by ;)",
  required: "{field}: is required",
  too_long: "{field}: must be at most {max} characters",
  sku_format: "sku: \"{value}\" may contain only letters, digits, '.', '_' and '-' and must start with a letter or digit",
  duplicate_sku: "sku: duplicate SKU \"{value}\" (already on line {first})",
  price_negative: "price: cannot be negative",
  price_invalid: "price: \"{value}\" is not a valid {currency} amount; write it like {example}",
  stock_invalid: "stock: \"{value}\" is not a whole number",
  stock_negative: "stock: cannot be negative",
  stock_too_large: "stock: is unrealistically large (max {max})",
  too_many_keywords: "keywords: at most {max} keywords",
  keyword_too_long: "keywords: \"{value}\" is longer than {max} characters",
  image_url_invalid: "image_url: must be an http:// or https:// address",
  below_reserved: "stock: {sku} has {reserved} units reserved in open carts; stock cannot be lower",
};

export function csvIssue(line: number, code: CsvIssueCode, params: CsvIssueParams = {}, field?: string): CsvIssue {
  const f = field ?? (typeof params.field === "string" ? params.field : undefined);
  return { line, ...(f && { field: f }), code, ...(Object.keys(params).length > 0 && { params }), message: format(ENGLISH[code], params, { isolate: false }) };
}

/**
 * The column delimiter of a file: `,` per the contract, or `;` when the header uses it and no comma
 * (Excel in Spanish and Portuguese saves "CSV" that way). Keywords then come comma-separated, which
 * `splitKeywords` accepts as well.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && c === ",") commas++;
    else if (!inQuotes && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * RFC 4180 parser: quoted fields with "" escapes and embedded newlines/delimiters, CRLF or LF, a UTF-8 BOM.
 * Each record remembers the physical line it starts on, for error messages sellers can find.
 */
export function parseCsv(text: string, delimiter: "," | ";" = ","): { records: CsvRecord[]; error?: CsvIssue } {
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
      if (field.trim() !== "" || quotedFieldClosed) return { records, error: csvIssue(line, "misplaced_quote") };
      field = "";
      inQuotes = true;
    } else if (c === delimiter) {
      endField();
    } else if (c === "\r" || c === "\n") {
      endRecord();
      if (c === "\r" && src[i + 1] === "\n") i++;
      line++;
      recordLine = line;
    } else if (quotedFieldClosed) {
      if (c !== " " && c !== "\t") return { records, error: csvIssue(line, "misplaced_quote") };
    } else {
      field += c;
    }
    i++;
  }
  if (inQuotes) return { records, error: csvIssue(recordLine, "unclosed_quote") };
  if (field !== "" || fields.length) endRecord();
  return { records };
}

function quoteField(value: string) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The downloadable template: the contract's header and the example rows, UTF-8 with a BOM so that
 * Excel shows accents and Arabic correctly when the seller opens it.
 */
export function buildCsvTemplate(rows: { sku: string; name: string; description: string; price: string; stock: string; keywords: string[] }[]) {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((r) => [r.sku, r.name, r.description, r.price, r.stock, r.keywords.join(";")].map(quoteField).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
