import { describe, expect, test } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReceiptFile, ReceiptRejectedError, RECEIPT_MAX_BYTES, saveReceiptFile } from "./receipt-storage";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF");

describe("receipt storage", () => {
  test("stores a PDF by its content and reads it back", async () => {
    const root = await mkdtemp(join(tmpdir(), "receipts-"));
    const saved = await saveReceiptFile({ root, orderId: "ord_1", bytes: PDF });
    expect(saved).toMatchObject({ contentType: "application/pdf", path: expect.stringMatching(/^receipts\/ord_1\/\d+-[0-9a-f]+\.pdf$/) });
    expect(await readReceiptFile({ root, path: saved.path })).toEqual({ bytes: PDF, contentType: "application/pdf" });
  });

  test("refuses empty, oversized and non-image files, and paths outside the root", async () => {
    const root = await mkdtemp(join(tmpdir(), "receipts-"));
    await expect(saveReceiptFile({ root, orderId: "o", bytes: Buffer.alloc(0) })).rejects.toBeInstanceOf(ReceiptRejectedError);
    await expect(saveReceiptFile({ root, orderId: "o", bytes: Buffer.concat([PDF, Buffer.alloc(RECEIPT_MAX_BYTES)]) })).rejects.toMatchObject({ reason: "too_large" });
    await expect(saveReceiptFile({ root, orderId: "o", bytes: Buffer.from("<svg onload=alert(1)>") })).rejects.toMatchObject({ reason: "unsupported_type" });
    await expect(readReceiptFile({ root, path: "../../etc/passwd" })).rejects.toThrow(/escapes/);
  });
});
