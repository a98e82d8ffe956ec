import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { eraseBuyerData } from "@/lib/privacy/erase-buyer-data";

/** POST /api/admin/tenants/{id}/close: `confirm` must repeat the store's name exactly. */
export const closeTenantInput = z.object({ confirm: z.string().max(200), reason: z.string().trim().max(500).optional() }).strict();

const CLOSED_REASON = { operator: "This store was closed by LiveStreamSell.", owner: "This store was closed by its owner." } as const;

/**
 * Closes a tenant for good, after the operator typed its name: every buyer's personal data is erased
 * exactly as a buyer erasure does (orders keep anonymised amounts), the Page token and the payment
 * credentials are deleted, pending invitations revoked, the subscription cancelled and the store
 * suspended (the bot stops). Kept for the record: orders and their amounts, products, invoices and
 * the audit log (the export, GET …/export, still answers). Audited; closing again is a conflict.
 * The same close serves the operator (admin console) and the store's owner (Settings → Close the store):
 * `by` only changes the recorded reason. The caller checks who may close.
 */
export async function closeTenant({ storeId, input, actorId, by = "operator" }: { storeId: string; input: z.output<typeof closeTenantInput>; actorId: string; by?: "operator" | "owner" }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { id: true, name: true, closedAt: true } });
  if (!store) throw notFound("Store");
  if (store.closedAt) throw conflict("tenant_closed", "This store is already closed.");
  if (input.confirm !== store.name) {
    throw new AppError(422, "validation_error", "Type the store's name to confirm", [{ field: "confirm", code: "mismatch", message: "must be the store's name exactly" }]);
  }
  const buyers = await prisma.buyer.findMany({ where: { storeId, erasedAt: null }, select: { id: true } });
  for (const b of buyers) await eraseBuyerData({ buyerId: b.id, actor: { type: "USER", id: actorId } });
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const meta = await tx.metaConnection.deleteMany({ where: { storeId } });
    const payments = await tx.paymentConfig.deleteMany({ where: { storeId } });
    await tx.invitation.deleteMany({ where: { storeId, acceptedAt: null } });
    await tx.subscription.updateMany({ where: { storeId }, data: { status: "CANCELLED", paymentToken: null } });
    await tx.invoice.updateMany({ where: { storeId, status: "open" }, data: { nextAttemptAt: null } });
    await tx.store.update({ where: { id: storeId }, data: { closedAt: now, suspendedAt: now, suspendedReason: CLOSED_REASON[by], fbPageId: null } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "tenant.closed", entityType: "store", entityId: storeId, data: { by, reason: input.reason ?? null, buyers_erased: buyers.length, meta_deleted: meta.count, payment_configs_deleted: payments.count } });
  });
  return { id: storeId, closed_at: now.toISOString(), buyers_erased: buyers.length };
}

/**
 * What the platform keeps of a tenant, as JSON for the seller or the records: the store, its products,
 * its orders (amounts and dates, no buyer identity), its invoices and its audit log.
 */
export async function exportTenant({ storeId }: { storeId: string }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { id: true, name: true, country: true, currency: true, locale: true, createdAt: true, closedAt: true } });
  if (!store) throw notFound("Store");
  const [products, orders, invoices, audit] = await Promise.all([
    prisma.product.findMany({ where: { storeId }, orderBy: { createdAt: "asc" }, select: { id: true, sku: true, name: true, priceMinor: true, stock: true, createdAt: true } }),
    prisma.order.findMany({ where: { storeId }, orderBy: { createdAt: "asc" }, select: { id: true, status: true, currency: true, totalMinor: true, createdAt: true, paidAt: true } }),
    prisma.invoice.findMany({ where: { storeId }, orderBy: { number: "asc" } }),
    prisma.auditLog.findMany({ where: { storeId }, orderBy: { createdAt: "asc" }, select: { action: true, actorType: true, createdAt: true, entityType: true } }),
  ]);
  return {
    store: { id: store.id, name: store.name, country: store.country, currency: store.currency, locale: store.locale, created_at: store.createdAt.toISOString(), closed_at: store.closedAt?.toISOString() ?? null },
    products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price_minor: p.priceMinor, stock: p.stock, created_at: p.createdAt.toISOString() })),
    orders: orders.map((o) => ({ id: o.id, status: o.status, currency: o.currency, total_minor: o.totalMinor, created_at: o.createdAt.toISOString(), paid_at: o.paidAt?.toISOString() ?? null })),
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, period: i.period, status: i.status, totals: i.totals, paid_at: i.paidAt?.toISOString() ?? null })),
    audit: audit.map((a) => ({ action: a.action, actor_type: a.actorType, entity_type: a.entityType, at: a.createdAt.toISOString() })),
  };
}
