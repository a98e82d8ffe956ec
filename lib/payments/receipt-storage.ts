import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { processSettings } from "@/lib/env";

export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

const KINDS = [
  { ext: "jpg", type: "image/jpeg", magic: (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: "png", type: "image/png", magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: "webp", type: "image/webp", magic: (b: Buffer) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { ext: "pdf", type: "application/pdf", magic: (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
] as const;

/** Why a file is not accepted as a receipt. */
export type ReceiptRejection = "empty" | "too_large" | "unsupported_type";

/** Where receipts live by default: `uploads/` in the data directory (`.data/`, or LSS_DATA_DIR). */
export function defaultUploadsRoot(): string {
  return join(processSettings().dataDir, "uploads");
}

/**
 * Stores a buyer's transfer receipt under `<root>/receipts/<orderId>/`. The type is decided by the
 * file's first bytes, never by its name or declared type, so nothing executable or HTML is ever served
 * back. Returns the path relative to `root` (what Payment.receiptPath keeps), or why the file was refused
 * (nothing written then).
 */
export async function saveReceiptFile({ root, orderId, bytes }: { root: string; orderId: string; bytes: Buffer }): Promise<{ ok: true; path: string; contentType: string } | { ok: false; rejected: ReceiptRejection }> {
  if (bytes.length === 0) return { ok: false, rejected: "empty" };
  if (bytes.length > RECEIPT_MAX_BYTES) return { ok: false, rejected: "too_large" };
  const kind = KINDS.find((k) => k.magic(bytes));
  if (!kind) return { ok: false, rejected: "unsupported_type" };
  const safeOrder = orderId.replace(/[^A-Za-z0-9_-]/g, "");
  const relative = ["receipts", safeOrder, `${Date.now()}-${randomBytes(6).toString("hex")}.${kind.ext}`].join("/");
  const absolute = join(root, ...relative.split("/"));
  await mkdir(join(root, "receipts", safeOrder), { recursive: true });
  await writeFile(absolute, bytes, { mode: 0o600 });
  return { ok: true, path: relative, contentType: kind.type };
}

/** Reads a stored receipt back for the seller; refuses any path that escapes `root`. */
export async function readReceiptFile({ root, path }: { root: string; path: string }): Promise<{ bytes: Buffer; contentType: string }> {
  const base = resolve(root);
  const absolute = resolve(base, path);
  if (!absolute.startsWith(base + sep)) throw new Error("receipt path escapes the uploads directory");
  const bytes = await readFile(absolute);
  const kind = KINDS.find((k) => k.magic(bytes));
  return { bytes, contentType: kind?.type ?? "application/octet-stream" };
}
