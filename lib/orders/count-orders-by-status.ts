import { prisma } from "@/lib/db";
import { orderWhere } from "./order-filter";
import { ORDER_STATUSES, type OrderCounts, type OrderFilter } from "./order-schemas";

/** Orders per status (and paid-but-unshipped) for the dashboard's tabs, under the same search. One grouped query. */
export async function countOrdersByStatus({ storeId, q }: Pick<OrderFilter, "storeId" | "q">): Promise<OrderCounts> {
  const groups = await prisma.order.groupBy({ by: ["status", "fulfillment"], where: orderWhere({ storeId, q }), _count: { _all: true } });
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as OrderCounts["by_status"];
  let total = 0;
  let toShip = 0;
  for (const g of groups) {
    const n = g._count._all;
    total += n;
    byStatus[g.status.toLowerCase() as (typeof ORDER_STATUSES)[number]] += n;
    if (g.status === "PAID" && g.fulfillment === "UNFULFILLED") toShip += n;
  }
  return { total, to_ship: toShip, by_status: byStatus };
}
