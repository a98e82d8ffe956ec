import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const metadata = { title: "Settings" };

export default async function Page() {
  await requireDashboardStore();
  const { t } = await getMessages();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      <p className="text-muted-foreground">{t.common.comingNext}</p>
    </div>
  );
}
