import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import Link from "next/link";
import { Package } from "lucide-react";
import { Button } from "@/components/ui/button";
import { OrdersPanel } from "@/components/dashboard/orders/orders-panel";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.orders.title };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ status?: string; q?: string; page?: string }> }) {
  const { store } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const { status, q, page } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t.orders.title}</h1>
        <Button asChild variant="outline"><Link href="/dashboard/orders/to-ship" data-testid="open-to-ship"><Package aria-hidden /> {fulfilmentMessages(locale).queueLink}</Link></Button>
      </div>
      <OrdersPanel
        storeId={store.id}
        storeLocale={store.locale}
        uiLocale={locale}
        timezone={store.timezone}
        initialFilter={status ?? "toShip"}
        initialQuery={(q ?? "").slice(0, 100)}
        initialPage={Number(page) || 1}
        t={{ orders: t.orders, orderStatus: t.orderStatus, paymentStatus: t.paymentStatus }}
      />
    </div>
  );
}
