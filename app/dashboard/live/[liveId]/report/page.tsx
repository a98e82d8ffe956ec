import { notFound } from "next/navigation";
import { LiveReportView } from "@/components/dashboard/buyers/live-report-view";
import { getMessages } from "@/lib/i18n/server";
import { buyersMessages } from "@/lib/i18n/buyers";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { getLiveForMember } from "@/lib/lives/member-live";
import { liveReport } from "@/lib/lives/live-report";
import { liveTimeline } from "@/lib/lives/live-timeline";
import { previousLivesConversion } from "@/lib/analytics/previous-lives-conversion";
import { storeLocale } from "@/lib/stores/store-locale";
import { formatMoney } from "@/lib/money";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: buyersMessages(locale).report.title };
}
export const dynamic = "force-dynamic";

export default async function LiveReportPage({ params }: { params: Promise<{ liveId: string }> }) {
  const { user } = await requireDashboardStore();
  const { liveId } = await params;
  const found = await getLiveForMember(user.id, liveId);
  if (!found) notFound();
  const { live } = found;
  const [{ locale, dir }, store, report, timeline, previous] = await Promise.all([
    getMessages(),
    storeLocale(live.storeId),
    liveReport({ liveId: live.id }),
    liveTimeline({ live }),
    previousLivesConversion({ storeId: live.storeId, before: live.startedAt }),
  ]);
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: store.timezone });
  return (
    <LiveReportView
      title={live.title}
      running={live.status === "ACTIVE"}
      emailedAt={live.reportEmailedAt}
      report={report}
      timeline={timeline}
      previousConversion={previous}
      t={buyersMessages(locale).report}
      dir={dir}
      locale={locale}
      fmt={{ money: (m) => formatMoney(m, store.currency, store.locale), num: (n) => num.format(n), pct: (v) => pct.format(v), time: (d) => time.format(d) }}
    />
  );
}
