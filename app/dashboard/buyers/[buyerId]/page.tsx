import { getMessages } from "@/lib/i18n/server";
import { buyersMessages } from "@/lib/i18n/buyers";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { BuyerProfile } from "@/components/dashboard/buyers/buyer-profile";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: buyersMessages(locale).title };
}

export default async function BuyerPage({ params }: { params: Promise<{ buyerId: string }> }) {
  const { store } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const { buyerId } = await params;
  return <BuyerProfile buyerId={buyerId} storeId={store.id} storeLocale={store.locale} uiLocale={locale} timezone={store.timezone} t={buyersMessages(locale)} tc={t.common} orderStatus={t.orderStatus} />;
}
