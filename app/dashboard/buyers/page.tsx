import { getMessages } from "@/lib/i18n/server";
import { buyersMessages } from "@/lib/i18n/buyers";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { BuyersPanel } from "@/components/dashboard/buyers/buyers-panel";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: buyersMessages(locale).title };
}

export default async function BuyersPage({ searchParams }: { searchParams: Promise<{ segment?: string; q?: string; page?: string }> }) {
  const { store } = await requireDashboardStore();
  const { locale } = await getMessages();
  const t = buyersMessages(locale);
  const { segment, q, page } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-sm text-muted-foreground">{t.intro}</p>
      </div>
      <BuyersPanel
        storeId={store.id}
        currency={store.currency}
        storeLocale={store.locale}
        uiLocale={locale}
        timezone={store.timezone}
        initialSegment={segment ?? "all"}
        initialQuery={(q ?? "").slice(0, 100)}
        initialPage={Number(page) || 1}
        t={t}
      />
    </div>
  );
}
