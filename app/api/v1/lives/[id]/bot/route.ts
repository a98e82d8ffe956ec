import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { botToggleInput } from "@/lib/lives/schemas";
import { setBotEnabled } from "@/lib/lives/lives";
import { liveOfMember } from "@/lib/lives/member-live";

/** The kill switch: while off, comments are stored and shown but nothing is reserved or sent. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const live = await liveOfMember(user.id, params.id!);
  const { enabled } = await parseJsonBody(req, botToggleInput);
  return json(await setBotEnabled({ live, enabled, actorId: user.id }));
});
