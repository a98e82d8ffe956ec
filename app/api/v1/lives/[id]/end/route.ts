import { sellerRoute, json } from "@/lib/http/route";
import { endLive } from "@/lib/lives/lives";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";

export const POST = sellerRoute(async ({ user, params }) => json(await endLive({ live: await getLiveForMemberOrThrow(user.id, params.id!), actorId: user.id })));
