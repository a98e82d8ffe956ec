import type { Tx } from "@/lib/db";
import { jobs } from "@/lib/jobs";

/**
 * Stock raised by the seller (editor, quick stock, CSV import, API) is offered to the waitlist in order,
 * exactly like units freed by an expired cart: the event commits (or not) with the stock change.
 */
export async function announceRestock(tx: Tx, { storeId, productIds, key }: { storeId: string; productIds: string[]; key: string }) {
  if (productIds.length === 0) return;
  await jobs.send({ name: "stock/released", id: `restock:${key}`, data: { storeId, productIds } }, { tx });
}
