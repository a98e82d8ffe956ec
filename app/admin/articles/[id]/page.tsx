import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { AppError } from "@/lib/http/errors";
import { getArticle } from "@/lib/support/articles";
import { deleteArticleAction, updateArticleAction } from "../../actions";
import { ArticleForm } from "../article-form";

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const a = c.articles;
  const article = await getArticle(id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/articles" className="text-sm text-muted-foreground hover:underline">← {c.common.back}</Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold"><bdi>{article.title}</bdi> <Badge variant="outline" data-testid="article-status">{article.published ? a.live : a.draft}</Badge></h1>
      </div>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{a.edit}</CardTitle></CardHeader>
          <CardContent><ArticleForm c={c} action={updateArticleAction.bind(null, article.id)} article={article} submitLabel={a.save} idPrefix="edit" /></CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{a.preview}</CardTitle></CardHeader>
          <CardContent lang={article.lang} dir={article.lang === "ar" ? "rtl" : "ltr"} data-testid="article-preview">
            <p className="font-medium"><bdi>{article.title}</bdi></p>
            <p className="mt-2 whitespace-pre-wrap text-sm">{article.body}</p>
          </CardContent>
        </Card>
      </div>
      <form action={deleteArticleAction.bind(null, article.id)}><Button type="submit" variant="destructive">{a.remove}</Button></form>
    </div>
  );
}
