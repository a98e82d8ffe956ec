import { getUiLocale } from "@/lib/i18n/server";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { getDeliverySettings } from "@/lib/fulfilment/delivery-settings";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { DeliverySettingsForm } from "@/components/dashboard/fulfilment/delivery-settings-form";

export const metadata = { title: "Delivery" };
export const dynamic = "force-dynamic";

/** Settings → Delivery: OWNERs edit; STAFF read the methods they ship by. */
export default async function DeliverySettingsPage() {
  const { store, role } = await requireDashboardStore();
  const t = fulfilmentMessages(await getUiLocale());
  const settings = await getDeliverySettings(store.id);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.settingsTitle}</h1>
        <p className="text-muted-foreground">{t.settingsIntro}</p>
      </div>
      <DeliverySettingsForm storeId={store.id} initial={settings} t={t} readOnly={role !== "OWNER"} />
    </div>
  );
}
