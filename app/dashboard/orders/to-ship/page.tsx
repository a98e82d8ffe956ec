import Link from "next/link";
import { ArrowLeft, Settings } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ToShipQueue } from "@/components/dashboard/fulfilment/to-ship-queue";
import { getMessages } from "@/lib/i18n/server";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { carriersFor } from "@/lib/fulfilment/carriers";
import { listStoreLives } from "@/lib/fulfilment/store-lives";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: fulfilmentMessages(locale).queueTitle };
}

/** Orders → To ship (STAFF too): parcels to prepare, pick list, packing slips, courier CSV, tracking upload. */
export default async function ToShipPage({ searchParams }: { searchParams: Promise<{ live?: string }> }) {
  const { store } = await requireDashboardStore();
  const { t: tm, locale } = await getMessages();
  const t = fulfilmentMessages(locale);
  const { live } = await searchParams;
  const lives = await listStoreLives(store.id);
  const liveId = lives.some((l) => l.id === live) ? live! : null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-col gap-1">
          <Link href="/dashboard/orders" className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"><ArrowLeft aria-hidden className="size-4 rtl:rotate-180" /> {tm.orders.allOrders}</Link>
          <h1 className="text-2xl font-bold">{t.queueTitle}</h1>
          <p className="text-muted-foreground">{t.queueIntro}</p>
        </div>
        <Button asChild variant="ghost"><Link href="/dashboard/settings/delivery"><Settings aria-hidden /> {t.settingsTitle}</Link></Button>
      </div>
      <ToShipQueue storeId={store.id} carriers={carriersFor(store.country).map((c) => ({ code: c.code, name: c.name }))} t={t} lives={lives} liveId={liveId} />
    </div>
  );
}
