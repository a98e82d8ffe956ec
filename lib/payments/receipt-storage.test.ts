import { describe, expect, test } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReceiptFile, RECEIPT_MAX_BYTES, saveReceiptFile } from "./receipt-storage";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF");

describe("receipt storage", () => {
  test("stores a PDF by its content and reads it back", async () => {
    const root = await mkdtemp(join(tmpdir(), "receipts-"));
    const saved = await saveReceiptFile({ root, orderId: "ord_1", bytes: PDF });
    expect(saved).toMatchObject({ ok: true, contentType: "application/pdf", path: expect.stringMatching(/^receipts\/ord_1\/\d+-[0-9a-f]+\.pdf$/) });
    expect(await readReceiptFile({ root, path: (saved as { path: string }).path })).toEqual({ bytes: PDF, contentType: "application/pdf" });
  });

  test("refuses empty, oversized and non-image files, and paths outside the root", async () => {
    const root = await mkdtemp(join(tmpdir(), "receipts-"));
    expect(await saveReceiptFile({ root, orderId: "o", bytes: Buffer.alloc(0) })).toEqual({ ok: false, rejected: "empty" });
    expect(await saveReceiptFile({ root, orderId: "o", bytes: Buffer.concat([PDF, Buffer.alloc(RECEIPT_MAX_BYTES)]) })).toEqual({ ok: false, rejected: "too_large" });
    expect(await saveReceiptFile({ root, orderId: "o", bytes: Buffer.from("<svg onload=alert(1)>") })).toEqual({ ok: false, rejected: "unsupported_type" });
    await expect(readReceiptFile({ root, path: "../../etc/passwd" })).rejects.toThrow(/escapes/);
  });
});
