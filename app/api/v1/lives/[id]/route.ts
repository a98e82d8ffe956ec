import { sellerRoute, json } from "@/lib/http/route";
import { toLiveDto } from "@/lib/lives/lives";
import { liveOfMember } from "@/lib/lives/member-live";

export const GET = sellerRoute(async ({ user, params }) => json(toLiveDto(await liveOfMember(user.id, params.id!))));
