import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery, readRawBody, CSV_LIMIT_BYTES } from "@/lib/http/body";
import { badRequest } from "@/lib/http/errors";
import { requireStorePermission } from "@/lib/stores/access";
import { importProducts } from "@/lib/inventory/import-products";

const query = z.object({ store_id: z.string().min(1, "is required"), dry_run: z.enum(["0", "1", "true", "false"]).optional() });

export const POST = sellerRoute(async ({ req, user }) => {
  const { store_id, dry_run } = parseQuery(req.url, query);
  await requireStorePermission(user, store_id, "catalog.import");
  const raw = await readRawBody(req, CSV_LIMIT_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw badRequest("invalid_encoding", "The file is not valid UTF-8. Save it as 'CSV UTF-8' and try again.");
  }
  const result = await importProducts({ storeId: store_id, csv: text, actorId: user.id, dryRun: dry_run === "1" || dry_run === "true" });
  if (result.errors.length) {
    const first = result.errors[0]!;
    return json({ ...result, error: { code: "invalid_csv", message: `The file has ${result.errors.length} invalid line(s); nothing was imported. Line ${first.line}: ${first.message}`, details: result.errors } }, 422);
  }
  return json(result);
});
