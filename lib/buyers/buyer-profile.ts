import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { getBuyerConversation, type BuyerConversation } from "@/lib/live-control/buyer-conversation";
import { listBuyers } from "./list-buyers";
import type { BuyerListItem } from "./schemas";

export type BuyerProfile = BuyerConversation & {
  /** Paid / unpaid orders, spend, segment and risk, as the buyers list computes them (null once erased). */
  summary: BuyerListItem | null;
  created_at: string;
  orders: { id: string; number: number; status: string; total_minor: number; currency: string; created_at: string; live_id: string | null; items: { sku: string; name: string; quantity: number }[] }[];
  /** Products the buyer asked for while sold out and still waits for (the interest the live could not serve). */
  waiting: { product_id: string; sku: string; name: string; quantity: number; since: string }[];
};

/** One buyer as the seller's profile page shows them: the conversation, the CRM summary, their orders and what they wait for. */
export async function getBuyerProfile({ buyer }: { buyer: Buyer }): Promise<BuyerProfile> {
  const [conversation, summary, orders, waiting] = await Promise.all([
    getBuyerConversation({ buyer }),
    listBuyers({ storeId: buyer.storeId, buyerId: buyer.id, limit: 1, offset: 0 }),
    prisma.order.findMany({
      where: { buyerId: buyer.id, storeId: buyer.storeId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, number: true, status: true, totalMinor: true, currency: true, createdAt: true, liveId: true, items: { select: { sku: true, name: true, quantity: true }, orderBy: { sku: "asc" } } },
    }),
    prisma.waitlistEntry.findMany({ where: { buyerId: buyer.id, status: "WAITING" }, orderBy: { createdAt: "asc" }, include: { product: { select: { sku: true, name: true } } } }),
  ]);
  return {
    ...conversation,
    summary: summary.items[0] ?? null,
    created_at: buyer.createdAt.toISOString(),
    orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status.toLowerCase(), total_minor: o.totalMinor, currency: o.currency, created_at: o.createdAt.toISOString(), live_id: o.liveId, items: o.items })),
    waiting: waiting.map((w) => ({ product_id: w.productId, sku: w.product.sku, name: w.product.name, quantity: w.quantity, since: w.createdAt.toISOString() })),
  };
}
