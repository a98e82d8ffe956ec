import { Button } from "@/components/ui/button";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import type { ConsoleMessages } from "@/lib/i18n/console";
import { UI_LOCALES } from "@/lib/i18n/languages";

type Article = { slug: string; lang: string; title: string; body: string; published: boolean };

/** The fields of a help article (new or existing); `action` is the server action it posts to. */
export function ArticleForm({ c, action, article, submitLabel, idPrefix }: { c: ConsoleMessages; action: (form: FormData) => Promise<void>; article?: Article; submitLabel: string; idPrefix: string }) {
  const a = c.articles;
  return (
    <form action={action} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-2"><Label htmlFor={`${idPrefix}-title`}>{a.titleField}</Label><Input id={`${idPrefix}-title`} name="title" required maxLength={200} defaultValue={article?.title} /></div>
        <div className="flex flex-col gap-1"><Label htmlFor={`${idPrefix}-lang`}>{a.lang}</Label>
          <Select id={`${idPrefix}-lang`} name="lang" defaultValue={article?.lang ?? "es"}>{UI_LOCALES.map((l) => <option key={l} value={l} lang={l}>{a.langs[l]}</option>)}</Select>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idPrefix}-slug`}>{a.slug}</Label>
        <Input id={`${idPrefix}-slug`} name="slug" required pattern="[a-z0-9\-]{2,80}" dir="ltr" aria-describedby={`${idPrefix}-slug-help`} defaultValue={article?.slug} className="max-w-md" />
        <p id={`${idPrefix}-slug-help`} className="text-xs text-muted-foreground">{a.slugHelp}</p>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idPrefix}-body`}>{a.body}</Label>
        <Textarea id={`${idPrefix}-body`} name="body" rows={12} maxLength={100_000} dir="auto" defaultValue={article?.body} className="font-mono text-sm" />
      </div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" id={`${idPrefix}-published`} name="published" defaultChecked={article?.published ?? false} className="size-4" /> {a.published}</label>
      <div><Button type="submit">{submitLabel}</Button></div>
    </form>
  );
}
