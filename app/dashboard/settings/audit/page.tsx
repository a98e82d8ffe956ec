import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AuditChange } from "@/components/dashboard/settings/audit-change";
import { listStoreAudit } from "@/lib/audit/list-store-audit";
import { accountMessages } from "@/lib/i18n/account";
import { paymentMessages } from "@/lib/i18n/payments";
import { getUiLocale } from "@/lib/i18n/server";
import { can } from "@/lib/stores/permissions";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const GROUPS = ["price", "stock", "payment_config", "member", "plan", "buyer"] as const;

/** Settings → Audit (OWNER): who changed prices, stock, payment settings, roles and the plan, with before → after. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const { store, role } = await requireDashboardStore();
  const locale = await getUiLocale();
  const t = accountMessages(locale).audit;
  const providers = paymentMessages(locale).providers;
  if (!can(role, "audit.read")) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <Alert tone="warning" data-testid="audit-owner-only">{t.ownerOnly}</Alert>
      </div>
    );
  }
  const requested = (await searchParams).group;
  const group = GROUPS.find((g) => g === requested);
  const entries = await listStoreAudit({ storeId: store.id, query: { action: group, limit: 200 } });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: store.timezone });
  const who = (e: (typeof entries)[number]) => (e.actor_type === "user" ? (e.actor_name ? `${e.actor_name} (${e.actor})` : e.actor) : t[e.actor_type]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-muted-foreground">{t.intro}</p>
      </div>
      <Card>
        <CardHeader className="gap-3">
          <CardTitle className="sr-only">{t.title}</CardTitle>
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-sm">
              <span>{t.filter}</span>
              <select name="group" defaultValue={group ?? ""} className="h-9 rounded-md border border-border bg-background px-2 text-sm" data-testid="audit-filter">
                <option value="">{t.all}</option>
                {GROUPS.map((g) => <option key={g} value={g}>{t.groups[g]}</option>)}
              </select>
            </label>
            <Button type="submit" variant="outline" size="sm">{t.apply}</Button>
          </form>
          <CardDescription className="sr-only">{t.intro}</CardDescription>
        </CardHeader>
        <CardContent>
          {entries.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="audit-empty">{t.empty}</p>
          ) : (
            <Table>
              <THead><TR><TH>{t.when}</TH><TH>{t.who}</TH><TH>{t.what}</TH><TH>{t.change}</TH></TR></THead>
              <TBody>
                {entries.map((e) => {
                  const data = e.data as { sku?: string; provider?: string };
                  const provider = data.provider && data.provider in providers ? providers[data.provider as keyof typeof providers] : data.provider;
                  return (
                    <TR key={e.id} data-testid="audit-row" data-action={e.action}>
                      <TD className="whitespace-nowrap">{when.format(new Date(e.at))}</TD>
                      <TD><bdi>{who(e)}</bdi></TD>
                      <TD>{t.actions[e.action] ?? <span className="font-mono text-xs">{e.action}</span>}{data.sku ? <> · <bdi className="font-mono text-xs">{data.sku}</bdi></> : provider ? <> · <bdi>{provider}</bdi></> : null}</TD>
                      <TD><AuditChange before={e.before as Record<string, unknown> | null} after={e.after as Record<string, unknown> | null} currency={(e.data as { currency?: string }).currency ?? store.currency} locale={locale} t={t} /></TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
