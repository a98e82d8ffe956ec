import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const metadata = { title: "Orders" };

export default async function Page() {
  await requireDashboardStore();
  const { t } = await getMessages();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.orders.title}</h1>
      <p className="text-muted-foreground">{t.common.comingNext}</p>
    </div>
  );
}
