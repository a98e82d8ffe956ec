import { buyersMessages } from "@/lib/i18n/buyers";
import type { UiLocale } from "@/lib/i18n";
import { csvRow } from "@/lib/orders/csv";
import { listBuyers } from "./list-buyers";
import type { BuyerSegment } from "./schemas";

const PAGE = 1000;

/**
 * The filtered buyers as CSV (headers and segment names in the seller's language, amounts in minor
 * units, dates ISO UTC), read a page at a time. Every cell is escaped against formula injection (csvRow).
 */
export async function exportBuyersCsv({ storeId, segment, q, locale, currency }: { storeId: string; segment?: BuyerSegment; q?: string; locale: UiLocale; currency: string }): Promise<string> {
  const t = buyersMessages(locale);
  const c = t.csv;
  let csv = `\uFEFF${csvRow([c.name, c.segment, c.risk, c.paid, c.unpaid, c.spend, c.currency, c.lastOrder, c.tags, c.notes, c.blocked])}`;
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await listBuyers({ storeId, segment, q, limit: PAGE, offset });
    for (const b of items) {
      csv += csvRow([b.name, t.segment1[b.segment], b.risk, b.orders_paid, b.orders_unpaid, b.spend_minor, currency, b.last_order_at ?? "", b.tags.join(", "), b.notes, b.blocked ? c.yes : c.no]);
    }
    if (items.length < PAGE) return csv;
  }
}
