import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { deleteArticle, getArticle, updateArticle } from "@/lib/support/articles";
import { articleUpdateInput } from "@/lib/support/schemas";

export const GET = adminRoute(async ({ params }) => json(await getArticle(params.id!)));
export const PATCH = adminRoute(async ({ req, params }) => json(await updateArticle(params.id!, await parseJsonBody(req, articleUpdateInput))));
export const DELETE = adminRoute(async ({ params }) => json(await deleteArticle(params.id!)));
