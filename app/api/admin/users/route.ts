import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listUsers } from "@/lib/admin/users";
import { userListQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await listUsers(parseQuery(req.url, userListQuery))));
