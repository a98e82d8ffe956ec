import { adminRoute, json } from "@/lib/http/route";
import { getEmail } from "@/lib/admin/list-emails";

export const GET = adminRoute(async ({ params }) => json(await getEmail({ id: params.id! })));
