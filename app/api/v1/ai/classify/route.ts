import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { classifyInput } from "@/lib/pipeline/classify-schemas";
import { understandText } from "@/lib/pipeline/understand-text";

/** How the bot would read a comment, against the store's own catalog. */
export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, classifyInput);
  await requireStoreAccess(user, input.store_id);
  const d = await understandText({ storeId: input.store_id, text: input.text });
  return json({ intent: d.intent, sku: d.sku, candidates: d.candidates, closest: d.closest, quantity: d.quantity, confidence: d.confidence, language: d.language, reason: d.reason, engine: d.engine });
});
