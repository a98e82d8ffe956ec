import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { commentBelongsToMember } from "@/lib/simulator/sent-by-bot";
import { builtInFakeGraph } from "@/lib/simulator/built-in-dev-graph-api";
import { simulatorEnabled } from "@/lib/simulator/simulator";

/**
 * What actually reached the built-in fake Graph API for one comment (public replies under it and the
 * private reply to it) — the wire-level view, independent of what the app recorded.
 */
export const GET = sellerRoute(async ({ req, user }) => {
  const fake = builtInFakeGraph();
  if (!simulatorEnabled() || !fake) throw notFound("Simulator");
  const { comment_id } = parseQuery(req.url, z.object({ comment_id: z.string().min(1) }));
  if (!(await commentBelongsToMember({ userId: user.id, metaCommentId: comment_id }))) throw notFound("Comment");
  const calls = (await fake).calls.filter((c) => c.path.includes(comment_id) || JSON.stringify(c.body ?? {}).includes(`"comment_id":"${comment_id}"`));
  return json(calls.map((c) => ({ kind: c.kind, path: c.path, status: c.status, time: new Date(c.time).toISOString() })));
});
