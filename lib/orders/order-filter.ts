import type { OrderStatus, Prisma } from "@/generated/prisma/client";
import type { OrderFilter } from "./order-schemas";

/** `#123`, `123` → 123: what a seller types for an order number. */
function orderNumberOf(q: string): number | null {
  const m = /^#?\s*(\d{1,9})$/.exec(q);
  return m ? Number(m[1]) : null;
}

/**
 * The WHERE of a store's orders for a filter. The store id always comes first (every condition is
 * inside one tenant; the (storeId, createdAt) and (storeId, status) indexes narrow it); the search
 * matches the buyer's name, a line's product name or SKU (any part, any case), or the order number.
 */
export function orderWhere({ storeId, statuses, fulfillment, q }: OrderFilter): Prisma.OrderWhereInput {
  const text = q?.trim();
  const number = text ? orderNumberOf(text) : null;
  return {
    storeId,
    ...(statuses?.length ? { status: { in: statuses.map((s) => s.toUpperCase() as OrderStatus) } } : {}),
    ...(fulfillment ? { fulfillment: fulfillment === "shipped" ? "SHIPPED" : "UNFULFILLED" } : {}),
    ...(text
      ? {
          OR: [
            ...(number !== null ? [{ number }] : []),
            { buyer: { name: { contains: text, mode: "insensitive" as const } } },
            { items: { some: { OR: [{ name: { contains: text, mode: "insensitive" as const } }, { sku: { contains: text, mode: "insensitive" as const } }] } } },
          ],
        }
      : {}),
  };
}
