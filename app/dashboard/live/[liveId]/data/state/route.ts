import { sellerRoute, json } from "@/lib/http/route";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { getLiveState } from "@/lib/live-control/live-state";

export const dynamic = "force-dynamic";

export const GET = sellerRoute(async ({ user, params }) => json(await getLiveState({ live: await getLiveForMemberOrThrow(user.id, params.liveId!) })));
