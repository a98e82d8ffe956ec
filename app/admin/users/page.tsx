import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { format } from "@/lib/i18n";
import { listUsers } from "@/lib/admin/users";
import { USER_STATUSES } from "@/lib/admin/schemas";
import { passwordResetAction, setUserDisabledAction } from "../actions";

const PAGE = 25;

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).users.title };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const q = sp.q?.trim() || undefined;
  const status = (USER_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as (typeof USER_STATUSES)[number]) : undefined;
  const offset = Math.max(0, Number(sp.offset) || 0);
  const list = await listUsers({ q, status, limit: PAGE, offset });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const pageHref = (o: number) => `/admin/users?${new URLSearchParams({ ...(q && { q }), ...(status && { status }), offset: String(o) })}`;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.users.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col gap-1"><Label htmlFor="q">{c.common.search}</Label><Input id="q" name="q" defaultValue={q} placeholder={c.users.searchHint} className="w-64" /></div>
        <div className="flex flex-col gap-1"><Label htmlFor="status">{c.common.status}</Label>
          <Select id="status" name="status" defaultValue={status ?? ""}><option value="">{c.common.all}</option>{USER_STATUSES.map((s) => <option key={s} value={s}>{c.status[s]}</option>)}</Select>
        </div>
        <Button type="submit">{c.common.filter}</Button>
      </form>
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <Table>
            <THead><TR><TH>{c.common.email}</TH><TH>{c.common.name}</TH><TH>{c.users.stores}</TH><TH>{c.common.status}</TH><TH>{c.users.lastSignIn}</TH><TH>{c.common.actions}</TH></TR></THead>
            <TBody>
              {list.items.map((u) => (
                <TR key={u.id}>
                  <TD className="max-w-56 truncate">{u.email}{u.platform_role === "SUPERADMIN" && <Badge variant="outline" className="ms-2">{c.users.superadmin}</Badge>}</TD>
                  <TD><bdi>{u.name}</bdi></TD>
                  <TD className="text-sm">{u.stores.map((s) => <Link key={s.id} href={`/admin/tenants/${s.id}`} className="me-2 hover:underline"><bdi>{s.name}</bdi></Link>)}</TD>
                  <TD><Badge variant="outline">{c.status[u.status as "active" | "disabled"]}</Badge></TD>
                  <TD>{u.last_sign_in_at ? date.format(new Date(u.last_sign_in_at)) : "—"}</TD>
                  <TD className="flex flex-wrap gap-2">
                    <form action={setUserDisabledAction.bind(null, u.id, !u.disabled)}><Button type="submit" size="sm" variant={u.disabled ? "outline" : "destructive"}>{u.disabled ? c.users.enable : c.users.disable}</Button></form>
                    <form action={passwordResetAction.bind(null, u.id)}><Button type="submit" size="sm" variant="outline">{c.users.resetPassword}</Button></form>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {list.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
          <div className="mt-3 flex items-center justify-between text-sm">
            <span>{format(c.common.pageOf, { from: list.total ? offset + 1 : 0, to: offset + list.items.length, total: list.total })}</span>
            <span className="flex gap-2">
              {offset > 0 && <Link className="underline" href={pageHref(Math.max(0, offset - PAGE))}>{c.common.previous}</Link>}
              {offset + PAGE < list.total && <Link className="underline" href={pageHref(offset + PAGE)}>{c.common.next}</Link>}
            </span>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
