import { randomBytes } from "node:crypto";
import { AppError, unprocessable } from "@/lib/http/errors";
import { sniffImage } from "./image-kind";
import type { StoredObject, UploadStorage } from "./storage";

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Stores a product photo under an unguessable key of the store's folder and returns where it is served. */
export async function saveProductImage({ storage, storeId, bytes }: { storage: UploadStorage; storeId: string; bytes: Buffer }): Promise<StoredObject & { content_type: string; size: number }> {
  if (bytes.length === 0) throw unprocessable("file: is empty", [{ field: "file", code: "empty", message: "is empty" }]);
  if (bytes.length > IMAGE_MAX_BYTES) throw new AppError(413, "payload_too_large", `file: images can be at most ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, [{ field: "file", code: "too_large", params: { max_mb: IMAGE_MAX_BYTES / 1024 / 1024 }, message: "is too large" }]);
  const kind = sniffImage(bytes);
  if (!kind) throw unprocessable("file: must be a JPEG, PNG, WebP or GIF image", [{ field: "file", code: "invalid_file_type", params: { types: "JPEG, PNG, WebP, GIF" }, message: "must be a JPEG, PNG, WebP or GIF image" }]);
  const safeStore = storeId.replace(/[^A-Za-z0-9_-]/g, "");
  const key = `products/${safeStore}/${Date.now().toString(36)}-${randomBytes(12).toString("hex")}.${kind.ext}`;
  const stored = await storage.put({ key, bytes, contentType: kind.contentType });
  return { ...stored, content_type: kind.contentType, size: bytes.length };
}
