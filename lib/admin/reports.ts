import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { csvRow } from "@/lib/orders/csv";
import { logger } from "@/lib/observability/logger";
import { METRICS } from "@/lib/billing/metrics";
import { usagePeriod } from "@/lib/billing/plans";
import { rangeStart } from "./range";
import { listTenants } from "./tenants";

type Kind = "tenants" | "gmv" | "usage";
type Range = "today" | "7d" | "30d";

const PAGE = 500;

/** Every tenant, a page at a time (the list has no cap). */
async function* allTenants(now: Date) {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await listTenants({ limit: PAGE, offset, now });
    yield* items;
    if (items.length < PAGE) return;
  }
}

async function buildCsv(kind: Kind, range: Range, now: Date): Promise<{ csv: string; rows: number }> {
  let csv = "";
  let rows = 0;
  if (kind === "tenants") {
    csv += csvRow(["id", "name", "owner_email", "plan", "status", "country", "currency", "created_at"]);
    for await (const t of allTenants(now)) {
      csv += csvRow([t.id, t.name, t.owner_email, t.plan, t.status, t.country, t.currency, t.created_at]);
      rows++;
    }
  } else if (kind === "usage") {
    csv += csvRow(["id", "name", "plan", "period", ...METRICS.flatMap((m) => [m, `${m}_limit`])]);
    for await (const t of allTenants(now)) {
      csv += csvRow([t.id, t.name, t.plan, usagePeriod(now), ...METRICS.flatMap((m) => [t.usage[m]!.used, t.usage[m]!.limit ?? ""])]);
      rows++;
    }
  } else {
    const since = rangeStart(range, now);
    const data = await prisma.$queryRaw<{ store_id: string; name: string; month: string; currency: string; paid_orders: bigint; gmv_minor: bigint }[]>`
      SELECT o."storeId" AS store_id, s.name, to_char(o."paidAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, o.currency,
        COUNT(*) AS paid_orders, SUM(o."totalMinor") AS gmv_minor
      FROM orders o JOIN stores s ON s.id = o."storeId"
      WHERE o.status = 'PAID' AND o."paidAt" >= ${since}
      GROUP BY 1, 2, 3, 4 ORDER BY 3, 1, 4`;
    csv += csvRow(["store_id", "name", "month", "currency", "paid_orders", "gmv_minor"]);
    for (const r of data) {
      csv += csvRow([r.store_id, r.name, r.month, r.currency, Number(r.paid_orders), Number(r.gmv_minor)]);
      rows++;
    }
  }
  return { csv, rows };
}

/**
 * Generates a CSV report and stores it (the console lists and downloads it). It runs right away in the
 * request; the row's status says queued → running → done/failed, so a job can take it over unchanged.
 * Cells are formula-injection safe (csvRow).
 */
export async function createReport({ kind, range, actorId, now = new Date() }: { kind: Kind; range: Range; actorId: string; now?: Date }) {
  const report = await prisma.report.create({ data: { kind, range, status: "running", createdBy: actorId } });
  try {
    const { csv, rows } = await buildCsv(kind, range, now);
    await prisma.report.update({ where: { id: report.id }, data: { status: "done", csv, rows, finishedAt: new Date() } });
  } catch (err) {
    logger.error({ err, report_id: report.id }, "report generation failed");
    await prisma.report.update({ where: { id: report.id }, data: { status: "failed", error: "generation failed", finishedAt: new Date() } });
  }
  return { id: report.id, status: (await getReport(report.id)).status };
}

export async function getReport(id: string) {
  const r = await prisma.report.findUnique({ where: { id }, select: { id: true, kind: true, range: true, status: true, rows: true, error: true, createdAt: true, finishedAt: true } });
  if (!r) throw notFound("Report");
  return { id: r.id, kind: r.kind, range: r.range, status: r.status, rows: r.rows, error: r.error, created_at: r.createdAt.toISOString(), finished_at: r.finishedAt?.toISOString() ?? null, download_url: r.status === "done" ? `/api/admin/reports/${r.id}/download` : null };
}

export async function listReports() {
  const rows = await prisma.report.findMany({ orderBy: { createdAt: "desc" }, take: 50, select: { id: true } });
  return { items: await Promise.all(rows.map((r) => getReport(r.id))) };
}

export async function reportCsv(id: string) {
  const r = await prisma.report.findUnique({ where: { id }, select: { kind: true, csv: true, status: true, createdAt: true } });
  if (!r || r.status !== "done" || r.csv === null) throw notFound("Report");
  return { csv: r.csv, filename: `${r.kind}-${r.createdAt.toISOString().slice(0, 10)}.csv` };
}
