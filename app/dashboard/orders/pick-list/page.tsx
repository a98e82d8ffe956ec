import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { PrintButton } from "@/components/dashboard/fulfilment/print-button";
import { format } from "@/lib/i18n";
import { getUiLocale } from "@/lib/i18n/server";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { buildPickList } from "@/lib/fulfilment/pick-list";
import { listStoreLives } from "@/lib/fulfilment/store-lives";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const dynamic = "force-dynamic";
export const metadata = { title: "Pick list" };

/** What to pull from the shelves for the paid orders not shipped yet, per live or for all; printable. */
export default async function PickListPage({ searchParams }: { searchParams: Promise<{ live?: string }> }) {
  const { store } = await requireDashboardStore();
  const t = fulfilmentMessages(await getUiLocale());
  const { live } = await searchParams;
  const lives = await listStoreLives(store.id);
  const current = lives.find((l) => l.id === live) ?? null;
  const list = await buildPickList({ storeId: store.id, liveId: current?.id });
  return (
    <div className="flex max-w-3xl flex-col gap-4" data-print-sheet>
      <div className="flex flex-wrap items-center justify-between gap-2" data-print-hide>
        <Link href={`/dashboard/orders/to-ship${current ? `?live=${current.id}` : ""}`} className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"><ArrowLeft aria-hidden className="size-4 rtl:rotate-180" /> {t.queueTitle}</Link>
        <form method="get" className="flex items-center gap-2">
          <label htmlFor="pick-live" className="text-sm text-muted-foreground">{t.live}</label>
          <select id="pick-live" name="live" defaultValue={current?.id ?? ""} className="h-10 rounded-md border border-input bg-background px-2 text-sm">
            <option value="">{t.allLives}</option>
            {lives.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
          </select>
          <button type="submit" className="h-10 rounded-md border border-border px-3 text-sm">{t.apply}</button>
        </form>
        <PrintButton label={t.print} />
      </div>
      <div>
        <h1 className="text-2xl font-bold">{t.pickListTitle}{current ? ` — ${current.title}` : ""}</h1>
        <p className="text-muted-foreground" data-testid="pick-summary">{store.name} · {format(t.pickListIntro, { orders: list.orders, units: list.units })}</p>
      </div>
      <table className="w-full border-collapse text-sm" data-testid="pick-list">
        <thead>
          <tr className="border-b border-border text-start">
            <th className="w-10 py-2"><span className="sr-only">✓</span></th>
            <th className="py-2 text-start">SKU</th>
            <th className="py-2 text-start">{t.product}</th>
            <th className="py-2 text-end">{t.quantity}</th>
            <th className="py-2 text-start ps-4">{t.forOrders}</th>
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l) => (
            <tr key={l.sku} className="border-b border-border/60 align-top">
              <td className="py-2"><span aria-hidden className="inline-block size-4 rounded-sm border border-muted-foreground" /><span className="sr-only">{l.sku}</span></td>
              <td className="py-2 font-mono">{l.sku}</td>
              <td className="py-2">{l.name}</td>
              <td className="py-2 text-end text-lg font-bold tabular-nums">{l.quantity}</td>
              <td className="py-2 ps-4 text-muted-foreground">{l.orders.map((n) => `#${n}`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.lines.length === 0 && <p className="text-muted-foreground">{t.empty}</p>}
    </div>
  );
}
