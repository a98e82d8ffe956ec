import { getMessages } from "@/lib/i18n/server";
import { timelineMessages } from "@/lib/i18n/order-timeline";
import { paymentMessages } from "@/lib/i18n/payments";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { OrderDetail } from "@/components/dashboard/orders/order-detail";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { carriersFor } from "@/lib/fulfilment/carriers";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.orders.detailTitle };
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { store, role } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const { orderId } = await params;
  return (
    <OrderDetail
      orderId={orderId}
      storeId={store.id}
      isOwner={role === "OWNER"}
      storeLocale={store.locale}
      uiLocale={locale}
      timezone={store.timezone}
      t={{ orders: t.orders, orderStatus: t.orderStatus, paymentStatus: t.paymentStatus, intents: t.intents, common: t.common }}
      tr={paymentMessages(locale).review}
      timelineT={timelineMessages(locale)}
      providers={paymentMessages(locale).providers}
      tf={fulfilmentMessages(locale)}
      carriers={carriersFor(store.country).map((c) => ({ code: c.code, name: c.name }))}
    />
  );
}
