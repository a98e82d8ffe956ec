import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { formatMoney } from "@/lib/money";
import { listPlans } from "@/lib/admin/plans";
import { METRICS } from "@/lib/billing/metrics";
import { MODULES } from "@/lib/billing/plans";
import { updatePlanAction } from "../actions";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).plans.title };
}

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const { items } = await listPlans();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.plans.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <div className="grid gap-4 xl:grid-cols-2">
        {items.map((p) => (
          <Card key={p.id} data-testid={`plan-${p.code}`}>
            <CardHeader>
              <CardTitle>{p.name} <span className="text-sm font-normal text-muted-foreground">· {p.code}</span></CardTitle>
              <CardDescription>{formatMoney(p.price_minor, p.currency, locale)} · {p.transaction_fee_bps} bps · {c.plans.tenants}: {p.tenants}</CardDescription>
            </CardHeader>
            <CardContent>
              <form action={updatePlanAction.bind(null, p.id)} className="flex flex-col gap-3">
                <div className="grid grid-cols-3 gap-2">
                  <div className="flex flex-col gap-1"><Label htmlFor={`${p.id}-name`}>{c.common.name}</Label><Input id={`${p.id}-name`} name="name" defaultValue={p.name} required /></div>
                  <div className="flex flex-col gap-1"><Label htmlFor={`${p.id}-price`}>{c.plans.price} ({p.currency})</Label><Input id={`${p.id}-price`} name="price_minor" type="number" min={0} defaultValue={p.price_minor} /></div>
                  <div className="flex flex-col gap-1"><Label htmlFor={`${p.id}-fee`}>{c.plans.fee}</Label><Input id={`${p.id}-fee`} name="transaction_fee_bps" type="number" min={0} max={10000} defaultValue={p.transaction_fee_bps} /></div>
                </div>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {METRICS.map((m) => (
                    <div key={m} className="flex flex-col gap-1"><Label htmlFor={`${p.id}-${m}`}>{c.metrics[m]}</Label>
                      <Input id={`${p.id}-${m}`} name={`limit_${m}`} type="number" min={0} defaultValue={p.limits[m] ?? ""} placeholder={c.common.unlimited} />
                    </div>
                  ))}
                </div>
                <fieldset className="flex flex-wrap gap-3 text-sm">
                  <legend className="mb-1 text-sm font-medium">{c.plans.modules}</legend>
                  {MODULES.map((m) => (
                    <label key={m} className="flex items-center gap-1"><input type="checkbox" name="modules" value={m} defaultChecked={p.modules.includes(m)} /> {c.plans.moduleNames[m]}</label>
                  ))}
                </fieldset>
                <div><Button type="submit" variant="outline">{c.common.save}</Button></div>
              </form>
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
