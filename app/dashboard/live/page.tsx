import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StartLiveForm } from "@/components/dashboard/start-live-form";
import { LiveVideoPicker } from "@/components/dashboard/live-video-picker";
import { LivesTable } from "@/components/dashboard/overview/lives-table";
import { getMessages } from "@/lib/i18n/server";
import { buyersMessages } from "@/lib/i18n/buyers";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { listLiveSummaries } from "@/lib/analytics/past-lives";
import { formatMoney } from "@/lib/money";
import { simulatorEnabled } from "@/lib/simulator/simulator";

export const metadata = { title: "Live" };

export default async function LivesPage() {
  const { store, role } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const lives = await listLiveSummaries({ storeId: store.id, limit: 50 });
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: store.timezone });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t.live.title}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t.live.start}</CardTitle>
          <CardDescription>{t.live.pickHelp}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <LiveVideoPicker storeId={store.id} t={t.live} locale={locale} timezone={store.timezone} canReconnect={role === "OWNER"} reconnectLabel={t.metaStatus.reconnect} />
          <details className="group rounded-lg border border-border p-3" open={simulatorEnabled() || undefined}>
            <summary className="cursor-pointer font-medium">{t.live.manualTitle}</summary>
            <p className="mt-2 text-sm text-muted-foreground">{t.live.startHelp}</p>
            <div className="mt-4">
              <StartLiveForm storeId={store.id} t={t.live} suggestVideoId={simulatorEnabled()} />
            </div>
          </details>
        </CardContent>
      </Card>
      <section className="flex flex-col gap-3" aria-labelledby="lives-list">
        <h2 id="lives-list" className="text-lg font-semibold">{t.overview.pastLives}</h2>
        <LivesTable
          lives={lives}
          reportLabel={buyersMessages(locale).report.open}
          t={t.overview}
          tl={t.live}
          fmt={{ money: (m) => formatMoney(m, store.currency, store.locale), pct: (v) => pct.format(v), date: (iso) => dateFmt.format(new Date(iso)), num: (n) => num.format(n) }}
        />
      </section>
    </div>
  );
}
