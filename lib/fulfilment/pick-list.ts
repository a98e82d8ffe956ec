import { prisma } from "@/lib/db";

export type PickLine = { sku: string; name: string; quantity: number; orders: number[] };

/** What to pull from the shelves: every product of the paid orders not shipped yet (of one live, or all), with how many and for which orders. */
export async function buildPickList({ storeId, liveId }: { storeId: string; liveId?: string | null }): Promise<{ lines: PickLine[]; orders: number; units: number }> {
  const items = await prisma.orderItem.findMany({
    where: { order: { storeId, status: "PAID", shipmentId: null, ...(liveId && { liveId }) } },
    select: { sku: true, name: true, quantity: true, order: { select: { number: true } } },
  });
  const bySku = new Map<string, PickLine>();
  for (const i of items) {
    const line = bySku.get(i.sku) ?? { sku: i.sku, name: i.name, quantity: 0, orders: [] };
    line.quantity += i.quantity;
    if (!line.orders.includes(i.order.number)) line.orders.push(i.order.number);
    bySku.set(i.sku, line);
  }
  const lines = [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  for (const l of lines) l.orders.sort((a, b) => a - b);
  return { lines, orders: new Set(items.map((i) => i.order.number)).size, units: lines.reduce((n, l) => n + l.quantity, 0) };
}
