import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { botToggleInput } from "@/lib/lives/schemas";
import { setBotEnabled } from "@/lib/lives/lives";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";

/**
 * The kill switch: while off, comments are stored and shown (as PAUSED) but nothing is reserved or sent.
 * `{enabled: true, process_paused: true}` also hands the comments received while it was off to the bot.
 */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  const input = await parseJsonBody(req, botToggleInput);
  return json(await setBotEnabled({ live, enabled: input.enabled, processPaused: input.process_paused ?? false, actorId: user.id }));
});
