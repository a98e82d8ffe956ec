import { prisma } from "@/lib/db";
import { detectDelimiter, parseCsv } from "@/lib/inventory/csv";
import { shipOrder } from "./ship-orders";

type TrackingImportError = { line: number; field: string; code: "required" | "not_found" | "not_paid" | "duplicate" | "invalid_header"; message: string };

/**
 * Bulk "mark shipped" from a CSV of `order,carrier,tracking` (order = its number, "#123", or id; an
 * optional fourth column `tracking_url`). Every line is checked first; a file with any bad line ships
 * nothing. Then each order ships exactly as from its page (one message per tracking number, idempotent).
 */
export async function importTrackingCsv({ storeId, csv, actorId, ip }: { storeId: string; csv: string; actorId: string; ip?: string | null }) {
  const { records, error } = parseCsv(csv.replace(/^\uFEFF/, ""), detectDelimiter(csv));
  if (error) return { shipped: 0, errors: [{ line: error.line, field: "(file)", code: "invalid_header" as const, message: error.message }] };
  const [header, ...rows] = records;
  const cols = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => cols.indexOf(name);
  if (at("order") < 0 || at("carrier") < 0 || at("tracking") < 0) {
    return { shipped: 0, errors: [{ line: header?.line ?? 1, field: "(header)", code: "invalid_header" as const, message: "the first line must be: order,carrier,tracking" }] };
  }
  const errors: TrackingImportError[] = [];
  const plan: { line: number; orderId: string; carrier: string; tracking: string; url: string | null }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.fields.every((f) => !f.trim())) continue;
    const ref = (r.fields[at("order")] ?? "").trim().replace(/^#/, "");
    const carrier = (r.fields[at("carrier")] ?? "").trim();
    const tracking = (r.fields[at("tracking")] ?? "").trim();
    const url = at("tracking_url") >= 0 ? (r.fields[at("tracking_url")] ?? "").trim() || null : null;
    if (!ref) errors.push({ line: r.line, field: "order", code: "required", message: "order is required" });
    if (!carrier) errors.push({ line: r.line, field: "carrier", code: "required", message: "carrier is required" });
    if (!tracking) errors.push({ line: r.line, field: "tracking", code: "required", message: "tracking is required" });
    if (!ref || !carrier || !tracking) continue;
    const order = await prisma.order.findFirst({ where: { storeId, ...(/^\d+$/.test(ref) ? { number: Number(ref) } : { id: ref }) }, select: { id: true, status: true } });
    if (!order) errors.push({ line: r.line, field: "order", code: "not_found", message: `order ${ref} is not an order of this store` });
    else if (order.status !== "PAID") errors.push({ line: r.line, field: "order", code: "not_paid", message: `order ${ref} is not paid` });
    else if (seen.has(order.id)) errors.push({ line: r.line, field: "order", code: "duplicate", message: `order ${ref} appears twice` });
    else {
      seen.add(order.id);
      plan.push({ line: r.line, orderId: order.id, carrier, tracking, url: url && /^https?:\/\//i.test(url) ? url : null });
    }
  }
  if (errors.length) return { shipped: 0, errors };
  for (const p of plan) await shipOrder({ orderId: p.orderId, storeId, actorId, ip, carrier: p.carrier, trackingNumber: p.tracking, trackingUrl: p.url });
  return { shipped: plan.length, errors: [] as TrackingImportError[] };
}
