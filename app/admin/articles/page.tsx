import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { searchArticles } from "@/lib/support/articles";
import { articleQuery } from "@/lib/support/schemas";
import { createArticleAction } from "../actions";
import { ArticleForm } from "./article-form";
import { UI_LOCALES } from "@/lib/i18n/languages";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).articles.title };
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const a = c.articles;
  const query = articleQuery.safeParse({ q: sp.q || undefined, lang: sp.lang || undefined });
  const { items } = await searchArticles({ ...(query.success ? query.data : {}), includeDrafts: true });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="text-sm text-muted-foreground">{a.explain}</p>
      </div>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <Card>
        <CardHeader><CardTitle>{a.title}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-3">
          <form role="search" className="flex flex-wrap gap-2">
            <Input name="q" defaultValue={sp.q ?? ""} aria-label={c.common.search} placeholder={c.common.search} className="max-w-xs" />
            <Select name="lang" defaultValue={sp.lang ?? ""} aria-label={a.lang} className="w-auto">
              <option value="">{a.anyLang}</option>
              {UI_LOCALES.map((l) => <option key={l} value={l} lang={l}>{a.langs[l]}</option>)}
            </Select>
            <Button type="submit" variant="outline">{c.common.filter}</Button>
          </form>
          {items.length === 0 ? <p className="text-sm text-muted-foreground">{c.common.none}</p> : (
            <Table scrollLabel={a.title} data-testid="articles">
              <THead><TR><TH>{a.titleField}</TH><TH>{a.lang}</TH><TH>{a.slug}</TH><TH>{c.common.status}</TH><TH>{a.updated}</TH></TR></THead>
              <TBody>
                {items.map((i) => (
                  <TR key={i.id}>
                    <TD><Link className="underline underline-offset-4" href={`/admin/articles/${i.id}`}><bdi>{i.title}</bdi></Link></TD>
                    <TD>{a.langs[i.lang as "es"] ?? i.lang}</TD>
                    <TD><code dir="ltr">{i.slug}</code></TD>
                    <TD><Badge variant="outline">{i.published ? a.live : a.draft}</Badge></TD>
                    <TD>{date.format(new Date(i.updated_at))}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{a.newArticle}</CardTitle><CardDescription>{a.slugHelp}</CardDescription></CardHeader>
        <CardContent><ArticleForm c={c} action={createArticleAction} submitLabel={a.create} idPrefix="new" /></CardContent>
      </Card>
    </div>
  );
}
