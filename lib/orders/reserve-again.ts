import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { reserveItems } from "./reserve";

export type ReserveAgainResult =
  | { status: "reserved"; orderId: string; replayed: boolean }
  | { status: "out_of_stock"; skus: string[] }
  | { status: "not_expired" };

/**
 * One tap on an expired cart: the same items are reserved again as a new order (with a new checkout
 * link), through the same atomic reservation as any buyer — so it never oversells. The idempotency key
 * is bound to the old order: a double tap or a refresh returns the same new order. Announces
 * order/created for the new order (deduplicated by id, so a job that also sends it starts one lifecycle).
 */
export async function reserveAgain({ orderId }: { orderId: string }): Promise<ReserveAgainResult> {
  const old = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
  if (old.status !== "EXPIRED") return { status: "not_expired" };
  const gone = old.items.filter((i) => !i.productId).map((i) => i.sku);
  if (gone.length || old.items.length === 0) return { status: "out_of_stock", skus: gone };

  const result = await reserveItems({
    storeId: old.storeId,
    buyerId: old.buyerId,
    liveId: old.liveId,
    items: old.items.map((i) => ({ productId: i.productId!, quantity: i.quantity })),
    idempotencyKey: `reserve-again:${old.id}`,
    mergeIntoOpenCart: false,
    gateway: old.gateway,
    buyerLocale: old.buyerLocale,
    actor: { type: "SYSTEM" },
  });
  if (result.status === "out_of_stock") return { status: "out_of_stock", skus: [result.sku] };
  if (!result.replayed) {
    await recordAudit(prisma, { storeId: old.storeId, actorType: "BUYER", actorId: old.buyerId, action: "order.reserved_again", entityType: "order", entityId: old.id, data: { newOrderId: result.order.id } });
  }
  return { status: "reserved", orderId: result.order.id, replayed: result.replayed };
}
