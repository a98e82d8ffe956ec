import { prisma } from "@/lib/db";
import { messages, type UiLocale } from "@/lib/i18n";
import { paymentMessages } from "@/lib/i18n/payments";
import { minorToMajor } from "@/lib/money";
import { csvRow } from "./csv";
import { orderWhere } from "./order-filter";
import type { OrderFilter } from "./order-schemas";

const BATCH = 500;

/** "2026-12-05 14:03" in the store's time zone: sorts as text and reads the same in every spreadsheet. */
function sortableDate(timeZone: string) {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (d: Date) => {
    const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
}

/**
 * The filtered orders of one store as CSV, in batches (keyset on id, newest first), headers and
 * statuses in the seller's language, dates in the store's time zone. Starts with a UTF-8 BOM so
 * spreadsheets read accents right. The caller has already checked membership of `filter.storeId`.
 */
export async function* exportOrdersCsv({ filter, locale, timeZone }: { filter: OrderFilter; locale: UiLocale; timeZone: string }): AsyncGenerator<string> {
  const t = messages(locale);
  const providers = paymentMessages(locale).providers as Record<string, string>;
  const c = t.orders.csv;
  const date = sortableDate(timeZone);
  yield `\uFEFF${csvRow([c.number, c.date, c.status, c.shipping, c.buyer, c.products, c.units, c.total, c.currency, c.payment])}`;
  let cursor: string | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof page>> = await page(filter, cursor);
    if (rows.length === 0) return;
    let chunk = "";
    for (const o of rows) {
      const status = t.orderStatus[o.status];
      const shipping = o.status === "PAID" || o.fulfillment === "SHIPPED" ? (o.fulfillment === "SHIPPED" ? t.orders.shipped : t.orders.unfulfilled) : "";
      chunk += csvRow([
        o.number,
        date(o.createdAt),
        status,
        shipping,
        o.buyer?.name ?? "",
        o.items.map((i) => `${i.name} ×${i.quantity}`).join("; "),
        o.items.reduce((n, i) => n + i.quantity, 0),
        minorToMajor(o.totalMinor, o.currency),
        o.currency,
        o.gateway ? (providers[o.gateway] ?? o.gateway) : "",
      ]);
    }
    yield chunk;
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

function page(filter: OrderFilter, cursor: string | null) {
  return prisma.order.findMany({
    where: orderWhere(filter),
    select: {
      id: true, number: true, createdAt: true, status: true, fulfillment: true, totalMinor: true, currency: true, gateway: true,
      buyer: { select: { name: true } },
      items: { select: { name: true, quantity: true }, orderBy: { sku: "asc" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATCH,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
}
