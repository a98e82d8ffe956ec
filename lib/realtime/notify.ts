import { prisma, type Tx } from "@/lib/db";

export const STORE_EVENTS_CHANNEL = "lss_store_events";

export type StoreEvent =
  | { type: "comment.received"; commentId: string; liveId: string | null }
  | { type: "comment.processed"; commentId: string; liveId: string | null }
  | { type: "order.updated"; orderId: string; status: string; liveId?: string | null }
  | { type: "message.sent"; messageId: string; commentId?: string | null; orderId?: string | null }
  | { type: "product.updated"; productId: string }
  | { type: "live.updated"; liveId: string }
  | { type: "buyer.updated"; buyerId: string }
  | { type: "store.alert"; level: "warning" | "error"; code: string; message: string };

/**
 * Publishes through PostgreSQL NOTIFY so every app instance's SSE streams see it. Inside a transaction
 * the notification is delivered only if the transaction commits. Payloads stay tiny (ids only): clients refetch.
 */
export async function notifyStore(storeId: string, event: StoreEvent, tx?: Pick<Tx, "$executeRaw">) {
  const payload = JSON.stringify({ storeId, ...event, at: Date.now() });
  await (tx ?? prisma).$executeRaw`SELECT pg_notify(${STORE_EVENTS_CHANNEL}, ${payload})`;
}
