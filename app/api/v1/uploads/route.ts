import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { readRawBody } from "@/lib/http/body";
import { badRequest, unprocessable } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { requireStoreAccess } from "@/lib/stores/access";
import { IMAGE_MAX_BYTES, saveProductImage } from "@/lib/uploads/save-product-image";
import { uploadStorageFromEnv } from "@/lib/uploads/storage";

const fields = z.object({ store_id: z.string().min(1, "is required") });

/** Product image upload: multipart/form-data with `store_id` and `file`. Answers `{url}` to put in `image_url`. */
export const POST = sellerRoute(async ({ req, user }) => {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw badRequest("invalid_content_type", "Send multipart/form-data with store_id and file");
  // Read with a hard cap first: formData() alone would buffer whatever the client sends.
  const raw = await readRawBody(req, IMAGE_MAX_BYTES + 64 * 1024);
  let form: FormData;
  try {
    form = await new Request(req.url, { method: "POST", headers: { "content-type": type }, body: new Uint8Array(raw) }).formData();
  } catch {
    throw badRequest("invalid_multipart", "The upload is not valid multipart/form-data");
  }
  const parsed = fields.safeParse({ store_id: form.get("store_id") ?? undefined });
  if (!parsed.success) throw unprocessable("store_id: is required", [{ field: "store_id", code: "required", message: "is required" }]);
  await requireStoreAccess(user, parsed.data.store_id);
  const file = form.get("file");
  if (!(file instanceof Blob)) throw unprocessable("file: is required", [{ field: "file", code: "required", message: "is required" }]);
  const stored = await saveProductImage({ storage: uploadStorageFromEnv(env()), storeId: parsed.data.store_id, bytes: Buffer.from(await file.arrayBuffer()) });
  return json(stored, 201);
});
