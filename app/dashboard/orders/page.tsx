import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { OrdersPanel } from "@/components/dashboard/orders/orders-panel";

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
      <h1 className="text-2xl font-bold">{t.orders.title}</h1>
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
