import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { simulateComment, simulatorEnabled } from "@/lib/simulator/simulator";

const input = z.object({ live_id: z.string().min(1), author_name: z.string().trim().min(1).max(80), text: z.string().min(1).max(2000) });

/** Posts a comment as a fake buyer through the real signed Meta webhook (embedded default only). */
export const POST = sellerRoute(async ({ req, user }) => {
  if (!simulatorEnabled()) throw notFound("Simulator");
  const body = await parseJsonBody(req, input);
  const live = await getLiveForMemberOrThrow(user.id, body.live_id);
  return json(await simulateComment({ liveId: live.id, authorName: body.author_name, text: body.text }), 201);
});
