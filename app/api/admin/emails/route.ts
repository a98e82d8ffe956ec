import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { emailListQuery, listEmails } from "@/lib/admin/list-emails";

/** The platform's emails (superadmin): without SMTP_URL this is where they are read. */
export const GET = adminRoute(async ({ req }) => json(await listEmails(parseQuery(req.url, emailListQuery))));
