import type { z } from "zod";
import type { HelpArticle, Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import type { articleInput, articleUpdateInput } from "./schemas";

function toArticleDto(a: HelpArticle) {
  return { id: a.id, slug: a.slug, lang: a.lang, title: a.title, body: a.body, published: a.published, created_at: a.createdAt.toISOString(), updated_at: a.updatedAt.toISOString() };
}

/** Help centre search for sellers: published articles only, by words in the title or body. */
export async function searchArticles({ q, lang, includeDrafts = false }: { q?: string; lang?: string; includeDrafts?: boolean }) {
  const where: Prisma.HelpArticleWhereInput = {
    ...(!includeDrafts && { published: true }),
    ...(lang && { lang }),
    ...(q && { OR: [{ title: { contains: q, mode: "insensitive" } }, { body: { contains: q, mode: "insensitive" } }] }),
  };
  const rows = await prisma.helpArticle.findMany({ where, orderBy: [{ updatedAt: "desc" }], take: 100 });
  return { items: rows.map(toArticleDto) };
}

const taken = () => conflict("article_exists", "An article with this slug and language already exists", [{ field: "slug", code: "taken", message: "is already used in this language" }]);

export async function createArticle(input: z.output<typeof articleInput>) {
  if (await prisma.helpArticle.findUnique({ where: { slug_lang: { slug: input.slug, lang: input.lang } }, select: { id: true } })) throw taken();
  return toArticleDto(await prisma.helpArticle.create({ data: input }));
}

export async function getArticle(id: string) {
  const a = await prisma.helpArticle.findUnique({ where: { id } });
  if (!a) throw notFound("Article");
  return toArticleDto(a);
}

export async function updateArticle(id: string, input: z.output<typeof articleUpdateInput>) {
  const a = await prisma.helpArticle.findUnique({ where: { id } });
  if (!a) throw notFound("Article");
  const slug = input.slug ?? a.slug;
  const lang = input.lang ?? a.lang;
  const clash = await prisma.helpArticle.findUnique({ where: { slug_lang: { slug, lang } }, select: { id: true } });
  if (clash && clash.id !== id) throw taken();
  return toArticleDto(await prisma.helpArticle.update({ where: { id }, data: input }));
}

export async function deleteArticle(id: string) {
  const { count } = await prisma.helpArticle.deleteMany({ where: { id } });
  if (!count) throw notFound("Article");
  return { id, deleted: true };
}
