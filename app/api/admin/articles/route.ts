import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { createArticle, searchArticles } from "@/lib/support/articles";
import { articleInput, articleQuery } from "@/lib/support/schemas";

export const GET = adminRoute(async ({ req }) => json(await searchArticles({ ...parseQuery(req.url, articleQuery), includeDrafts: true })));

export const POST = adminRoute(async ({ req }) => json(await createArticle(await parseJsonBody(req, articleInput)), 201));
