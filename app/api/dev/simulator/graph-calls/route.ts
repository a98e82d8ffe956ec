import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { graphCallsFor } from "@/lib/simulator/graph-calls-for";

/**
 * What actually reached the built-in fake Graph API for one comment (`comment_id`: public replies under it
 * and the private reply to it) or one order's buyer (`order_id`: the messages sent to her PSID) — the
 * wire-level view, independent of what the app recorded.
 */
export const GET = sellerRoute(async ({ req, user }) => {
  const q = parseQuery(req.url, z.object({ comment_id: z.string().min(1).optional(), order_id: z.string().min(1).max(64).optional() }).refine((v) => v.comment_id || v.order_id, { message: "comment_id or order_id is required", path: ["comment_id"] }));
  const calls = await graphCallsFor({ userId: user.id, commentId: q.comment_id, orderId: q.order_id });
  if (!calls) throw notFound(q.comment_id ? "Comment" : "Order");
  return json(calls.map((c) => ({ kind: c.kind, path: c.path, status: c.status, time: new Date(c.time).toISOString(), messaging_type: c.messagingType ?? null, message: c.message ?? null })));
});
