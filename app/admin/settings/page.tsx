import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { getPlatformSettings } from "@/lib/admin/platform-settings";
import { listPlans } from "@/lib/admin/plans";
import { updatePlatformSettingsAction } from "../actions";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).settings.title };
}

export default async function SystemSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const [s, plans] = await Promise.all([getPlatformSettings(), listPlans()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.settings.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <Card>
        <CardContent className="pt-6">
          <form action={updatePlatformSettingsAction} className="flex max-w-xl flex-col gap-5">
            <div className="flex items-center gap-3">
              <input id="signups_open" name="signups_open" type="checkbox" defaultChecked={s.signups_open} className="size-4" />
              <Label htmlFor="signups_open">{c.settings.signupsOpen}</Label>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="trial_days">{c.settings.trialDays}</Label>
              <Input id="trial_days" name="trial_days" type="number" min={0} max={90} step={1} inputMode="numeric" defaultValue={s.trial_days} className="w-32" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="default_plan">{c.settings.defaultPlan}</Label>
              <Select id="default_plan" name="default_plan" defaultValue={s.default_plan}>{plans.items.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="maintenance_banner">{c.settings.banner}</Label>
              <Input id="maintenance_banner" name="maintenance_banner" maxLength={300} defaultValue={s.maintenance_banner ?? ""} />
            </div>
            <div><Button type="submit">{c.common.save}</Button></div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
