import { describe, expect, test } from "vitest";
import { buildCsvTemplate, detectDelimiter, parseCsv } from "./csv";
import { validateCatalogCsv } from "./import-products";
import { messages, UI_LOCALES } from "@/lib/i18n";

describe("catalog CSV errors say what to do, by code", () => {
  test("a line with 4 of 6 columns is too_few_columns with the numbers, and names its line", () => {
    const { errors } = validateCatalogCsv("sku,name,description,price,stock,keywords\nA12,Polera,15990,10\n", "CLP");
    expect(errors).toEqual([{ line: 2, code: "too_few_columns", params: { expected: 6, found: 4 }, message: expect.stringContaining("Expected 6 columns, found 4") }]);
  });

  test("an unquoted comma in a description is too_many_columns, and the advice is to quote it", () => {
    const { errors } = validateCatalogCsv("sku,name,description,price,stock,keywords\nA12,Polera,Algodón, suave,15990,10,polera\n", "CLP");
    expect(errors[0]).toMatchObject({ line: 2, code: "too_many_columns", params: { expected: 6, found: 7 } });
    expect(errors[0]!.message).toMatch(/double quotes/);
  });

  test("field problems carry the column and the values the sentence needs", () => {
    const csv = ["sku,name,price,stock", "A 1,Polera,15990,1", "B1,,abc,x", "B1,Otra,-5,-1"].join("\n");
    const { errors } = validateCatalogCsv(csv, "CLP");
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: "sku", code: "sku_format", params: expect.objectContaining({ value: "A 1" }) }),
        expect.objectContaining({ line: 3, field: "name", code: "required" }),
        expect.objectContaining({ line: 3, field: "price", code: "price_invalid", params: expect.objectContaining({ value: "abc", currency: "CLP", example: "15990" }) }),
        expect.objectContaining({ line: 3, field: "stock", code: "stock_invalid" }),
        expect.objectContaining({ line: 4, field: "sku", code: "duplicate_sku", params: expect.objectContaining({ value: "B1", first: 3 }) }),
        expect.objectContaining({ line: 4, field: "price", code: "price_negative" }),
        expect.objectContaining({ line: 4, field: "stock", code: "stock_negative" }),
      ]),
    );
  });

  test("file-level problems: empty, no header, unknown and twice-named columns, an unclosed quote", () => {
    expect(validateCatalogCsv("", "CLP").errors[0]).toMatchObject({ line: 1, code: "empty_file" });
    expect(validateCatalogCsv("A1,foo,1,1\n", "CLP").errors[0]).toMatchObject({ line: 1, code: "missing_columns" });
    expect(validateCatalogCsv("sku,name,price,stock,proveedor\nA1,x,1,1,1\n", "CLP").errors[0]).toMatchObject({ code: "unknown_columns", params: { columns: "proveedor" } });
    // "precio" is the Spanish name of price: with both, the column is named twice.
    expect(validateCatalogCsv("sku,name,price,stock,precio\nA1,x,1,1,1\n", "CLP").errors[0]).toMatchObject({ code: "duplicate_columns", params: { columns: "price" } });
    expect(validateCatalogCsv("sku,name,price,stock,stock\nA1,x,1,1,1\n", "CLP").errors[0]).toMatchObject({ code: "duplicate_columns", params: { columns: "stock" } });
    expect(validateCatalogCsv('sku,name,price,stock\nA1,"Polera,1000,1\n', "CLP").errors[0]).toMatchObject({ line: 2, code: "unclosed_quote" });
    expect(validateCatalogCsv("sku,name,price,stock\n", "CLP").errors[0]).toMatchObject({ line: 2, code: "no_rows" });
  });

  test("keywords over the product form's limits are refused in the CSV too", () => {
    const many = Array.from({ length: 51 }, (_, i) => `k${i}`).join(";");
    expect(validateCatalogCsv(`sku,name,price,stock,keywords\nA1,x,1,1,${many}\n`, "CLP").errors[0]).toMatchObject({ code: "too_many_keywords", params: expect.objectContaining({ max: 50 }) });
    expect(validateCatalogCsv(`sku,name,price,stock,keywords\nA1,x,1,1,${"x".repeat(61)}\n`, "CLP").errors[0]).toMatchObject({ code: "keyword_too_long" });
  });

  test("every code the import can return has a sentence in every dashboard language", () => {
    const codes = ["misplaced_quote", "unclosed_quote", "empty_file", "missing_columns", "unknown_columns", "duplicate_columns", "too_many_rows", "no_rows", "too_few_columns", "too_many_columns", "required", "too_long", "sku_format", "duplicate_sku", "price_negative", "price_invalid", "stock_invalid", "stock_negative", "stock_too_large", "too_many_keywords", "keyword_too_long", "below_reserved"];
    for (const locale of UI_LOCALES) {
      const catalog = messages(locale).inventory.csvErrors as Record<string, string>;
      for (const code of codes) expect(catalog[code], `${locale}.${code}`).toBeTruthy();
      if (locale !== "en") for (const code of codes) expect(catalog[code], `${locale}.${code} is translated`).not.toBe((messages("en").inventory.csvErrors as Record<string, string>)[code]);
    }
  });
});

describe("the template and the seller's own files", () => {
  test("the downloadable template in every language imports cleanly, with its ;-separated keywords", () => {
    for (const locale of UI_LOCALES) {
      const rows = messages(locale).inventory.templateRows.map((r, i) => ({ ...r, price: i ? "24990" : "15990", stock: "5" }));
      const csv = buildCsvTemplate(rows);
      expect(csv.split("\r\n")[0]).toBe("\uFEFFsku,name,description,price,stock,keywords");
      const { rows: parsed, errors } = validateCatalogCsv(csv, "CLP");
      expect(errors, locale).toEqual([]);
      expect(parsed).toHaveLength(2);
      expect(parsed[0]).toMatchObject({ sku: rows[0]!.sku, name: rows[0]!.name, description: rows[0]!.description, keywords: rows[0]!.keywords.map((k) => k.toLowerCase()) });
    }
  });

  test("a file Excel saved with ; between columns (Spanish/Portuguese Excel) imports, keywords comma-separated", () => {
    const csv = "sku;name;description;price;stock;keywords\r\nA12;Polera roja M;Algodón, suave;15990;10;polera, remera\r\n";
    expect(detectDelimiter(csv)).toBe(";");
    const { rows, errors } = validateCatalogCsv(csv, "CLP");
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ sku: "A12", description: "Algodón, suave", priceMinor: 15990, keywords: ["polera", "remera"] });
  });

  test("a comma-separated file with ; keywords keeps commas as the column separator", () => {
    expect(detectDelimiter("sku,name,price,stock,keywords\n")).toBe(",");
    expect(parseCsv('a,"b;c",d\n').records[0]!.fields).toEqual(["a", "b;c", "d"]);
  });
});

describe("prices and column names as sellers' own spreadsheets write them", () => {
  const price = (text: string, currency: string) => {
    const { rows, errors } = validateCatalogCsv(`sku;name;price;stock\nA1;Polera;${text};1\n`, currency);
    return errors.length ? errors[0]!.code : rows[0]!.priceMinor;
  };

  test("thousands separators and currency signs are read, never taken for decimals", () => {
    // Before: "25.000" COP was stored as 25 pesos, a thousandth of the price.
    expect(price("25.000", "COP")).toBe(25000);
    expect(price("$14.990", "CLP")).toBe(14990);
    expect(price("14,990", "CLP")).toBe(14990);
    expect(price("1.299.990", "CLP")).toBe(1299990);
    expect(price("R$ 49,90", "BRL")).toBe(4990);
    expect(price("\"1.299,90\"", "BRL")).toBe(129990);
    expect(price("\"1,299.00\"", "MXN")).toBe(129900);
    expect(price("S/ 45.50", "PEN")).toBe(4550);
    expect(price("19,99", "USD")).toBe(1999);
    expect(price("49,90 €", "EUR")).toBe(4990);
    expect(price("CLP 15990", "CLP")).toBe(15990);
    expect(price("0.500", "USD")).toBe(50);
  });

  test("what cannot be one price is still refused, naming the column", () => {
    for (const bad of ["1.29.9", "14.99.0", "abc", "12,5,5", "1.234,5,6", "USD 10", "15990$$", "."]) expect(price(bad, "CLP"), bad).toBe("price_invalid");
    // In a currency with cents, one separator before exactly three digits may be decimals or thousands: refused, not guessed.
    expect(price("19.999", "USD")).toBe("price_invalid");
    expect(price("$25.000", "ARS")).toBe("price_invalid");
    expect(price("\"$25.000,00\"", "ARS")).toBe(2500000);
    expect(price("19.9999", "USD")).toBe("price_invalid");
  });

  test("column names in Spanish, Portuguese or French mean the contract's columns", () => {
    const { rows, errors } = validateCatalogCsv("\ufeffCódigo;Nombre;Descripción;Precio;Cantidad;Palabras clave;Talla\r\nPOL-M;Polera Roja;Algodón;$7.990;5;\"polera;roja\";M\r\n", "CLP");
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ sku: "POL-M", name: "Polera Roja", description: "Algodón", priceMinor: 7990, stock: 5, keywords: ["polera", "roja"], size: "M" });
    const pt = validateCatalogCsv("Código,Nome,Preço,Estoque\nB1,Batom,\"R$ 49,90\",3\n", "BRL");
    expect(pt.rows[0]).toMatchObject({ sku: "B1", name: "Batom", priceMinor: 4990, stock: 3 });
  });
});
