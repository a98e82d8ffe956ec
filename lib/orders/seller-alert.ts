import { prisma, type Tx } from "@/lib/db";
import { format } from "@/lib/i18n";
import { paymentMessagesForStoreLocale } from "@/lib/i18n/payments";
import { renderSellerAlert, type SellerAlert } from "@/lib/messaging/texts";
import { notifyStore } from "@/lib/realtime/notify";

/** The messaging catalog's alerts plus the payment-review ones this domain raises. */
export type OrderAlert =
  | SellerAlert
  | { kind: "payment_flagged"; orderRef: string; reason: string }
  | { kind: "receipt_uploaded"; orderRef: string };

function sellerAlertText(storeLocale: string | null | undefined, alert: OrderAlert): string {
  if (alert.kind === "payment_flagged" || alert.kind === "receipt_uploaded") {
    const t = paymentMessagesForStoreLocale(storeLocale).alerts;
    return alert.kind === "payment_flagged" ? format(t.paymentFlagged, { order: alert.orderRef, reason: alert.reason }) : format(t.receiptUploaded, { order: alert.orderRef });
  }
  return renderSellerAlert({ storeLocale, alert });
}

/**
 * Tells the seller something about an order: a dashboard alert (realtime) plus an outbound-message row
 * (purpose seller_alert) so it appears in the order's timeline and survives a missed SSE connection.
 * Idempotent per key; inside a transaction the alert exists only if the change that caused it commits.
 */
export async function recordSellerAlert(
  tx: Tx | undefined,
  args: { storeId: string; orderId?: string | null; key: string; alert: OrderAlert; level: "warning" | "error" },
): Promise<{ messageId: string; text: string; created: boolean }> {
  const db = tx ?? prisma;
  const store = await db.store.findUniqueOrThrow({ where: { id: args.storeId }, select: { locale: true } });
  const text = sellerAlertText(store.locale, args.alert);
  const created = await db.outboundMessage.createMany({
    data: [
      {
        storeId: args.storeId,
        orderId: args.orderId ?? null,
        kind: "DM",
        purpose: "seller_alert",
        idempotencyKey: args.key,
        recipient: `seller:${args.storeId}`,
        body: { alert: args.alert.kind, text },
        status: "SENT",
        sentAt: new Date(),
      },
    ],
    skipDuplicates: true,
  });
  const row = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: args.key }, select: { id: true } });
  if (created.count > 0) await notifyStore(args.storeId, { type: "store.alert", level: args.level, code: args.alert.kind, message: text }, tx);
  return { messageId: row.id, text, created: created.count > 0 };
}
