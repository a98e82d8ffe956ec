import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { PrintButton } from "@/components/dashboard/fulfilment/print-button";
import { format } from "@/lib/i18n";
import { getUiLocale } from "@/lib/i18n/server";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { listToShip } from "@/lib/fulfilment/to-ship-queue";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const dynamic = "force-dynamic";
export const metadata = { title: "Packing slips" };

/** One slip per parcel still to ship (several per printed page): recipient, phone, address, method and contents. */
export default async function PackingSlipsPage({ searchParams }: { searchParams: Promise<{ live?: string }> }) {
  const { store } = await requireDashboardStore();
  const t = fulfilmentMessages(await getUiLocale());
  const { live } = await searchParams;
  const groups = (await listToShip({ storeId: store.id, liveId: live || null })).filter((g) => g.stage !== "in_transit");
  return (
    <div className="flex flex-col gap-4" data-print-sheet>
      <div className="flex flex-wrap items-center justify-between gap-2" data-print-hide>
        <Link href={`/dashboard/orders/to-ship${live ? `?live=${live}` : ""}`} className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"><ArrowLeft aria-hidden className="size-4 rtl:rotate-180" /> {t.queueTitle}</Link>
        <PrintButton label={t.print} />
      </div>
      <h1 className="text-2xl font-bold" data-print-hide>{t.packingSlips}</h1>
      {groups.length === 0 && <p className="text-muted-foreground">{t.slipEmpty}</p>}
      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2 print:gap-3">
        {groups.map((g) => {
          const a = g.address;
          const items = g.orders.flatMap((o) => o.items);
          return (
            <article key={g.key} className="print-slip flex flex-col gap-3 rounded-lg border-2 border-dashed border-border p-4 text-sm" data-testid="packing-slip">
              <div className="flex items-start justify-between gap-2 border-b border-border pb-2">
                <div>
                  <p className="text-base font-bold">{store.name}</p>
                  <p className="text-xs text-muted-foreground">{t.slipTitle}</p>
                </div>
                <p className="text-end font-mono text-base font-bold">{format(t.slipOrders, { numbers: g.orders.map((o) => `#${o.number}`).join(" ") })}</p>
              </div>
              <section>
                <h2 className="text-xs font-semibold uppercase text-muted-foreground">{t.slipShipTo}</h2>
                <p className="text-base font-semibold">{g.contact?.name ?? g.buyer.name}</p>
                {g.contact && <p dir="ltr" className="text-start">{g.contact.phone}</p>}
                {a && (
                  <address className="not-italic" dir="auto">
                    {a.line1}{a.line2 ? `, ${a.line2}` : ""}<br />
                    {[a.city, a.region].filter(Boolean).join(", ")}{a.postal_code ? ` · ${a.postal_code}` : ""}
                  </address>
                )}
                <p className="mt-1 text-xs">{t.method}: <strong>{g.method?.name ?? "—"}</strong></p>
              </section>
              <section>
                <h2 className="text-xs font-semibold uppercase text-muted-foreground">{t.slipItems}</h2>
                <ul className="flex flex-col gap-1">
                  {items.map((i, n) => (
                    <li key={`${i.sku}-${n}`} className="flex items-center gap-2">
                      <span aria-hidden className="inline-block size-4 shrink-0 rounded-sm border border-muted-foreground" />
                      <span className="font-bold tabular-nums">{i.quantity} ×</span>
                      <span className="flex-1">{i.name}</span>
                      <span className="font-mono text-xs text-muted-foreground">{i.sku}</span>
                    </li>
                  ))}
                </ul>
              </section>
            </article>
          );
        })}
      </div>
    </div>
  );
}
