import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { store } = await requireDashboardStore();
  const { t } = await getMessages();
  const [byStatus, revenue, products, lives] = await Promise.all([
    prisma.order.groupBy({ by: ["status"], where: { storeId: store.id }, _count: true }),
    prisma.order.aggregate({ where: { storeId: store.id, status: "PAID" }, _sum: { totalMinor: true } }),
    prisma.product.count({ where: { storeId: store.id } }),
    prisma.live.count({ where: { storeId: store.id } }),
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count ?? 0;
  const tiles = [
    { label: t.overview.revenue, value: formatMoney(revenue._sum.totalMinor ?? 0, store.currency, store.locale) },
    { label: t.overview.pending, value: count("PENDING") },
    { label: t.overview.paid, value: count("PAID") },
    { label: t.overview.expired, value: count("EXPIRED") },
    { label: t.overview.products, value: products },
    { label: t.overview.lives, value: lives },
  ];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t.overview.title}</h1>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <CardHeader className="pb-2"><CardTitle className="text-sm font-medium text-muted-foreground">{tile.label}</CardTitle></CardHeader>
            <CardContent className="text-2xl font-semibold tabular-nums">{tile.value}</CardContent>
          </Card>
        ))}
      </div>
      {count("PAID") + count("PENDING") === 0 && <p className="text-muted-foreground">{t.overview.empty}</p>}
    </div>
  );
}
