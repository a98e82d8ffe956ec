import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { searchArticles } from "@/lib/support/articles";
import { articleQuery } from "@/lib/support/schemas";

export const GET = sellerRoute(async ({ req }) => json(await searchArticles(parseQuery(req.url, articleQuery))));
