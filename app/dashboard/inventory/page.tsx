import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { InventoryPanel } from "@/components/dashboard/inventory-panel";
import { can } from "@/lib/stores/permissions";

export const metadata = { title: "Inventory" };

export default async function InventoryPage() {
  const { store, role } = await requireDashboardStore();
  const { t } = await getMessages();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t.inventory.title}</h1>
      <InventoryPanel storeId={store.id} currency={store.currency} locale={store.locale} t={t.inventory} tc={t.common} isOwner={can(role, "price.change")} />
    </div>
  );
}
