import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import * as commentsRoute from "@/app/api/v1/lives/[id]/comments/route";
import * as feedRoute from "@/app/dashboard/live/[liveId]/data/feed/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

const run = () => runJobsUntilIdle({ functions: jobFunctions });
/** The text of the public reply Meta received for a comment (exactly one is expected). */
function publicReplyTo(commentId: string): string {
  const calls = graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(commentId));
  expect(calls).toHaveLength(1);
  return String((calls[0]!.body as { message?: string }).message);
}
const privateReplyTo = (commentId: string) => {
  const calls = graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(commentId));
  expect(calls).toHaveLength(1);
  return JSON.stringify(calls[0]!.body);
};

async function comment(seeded: Awaited<ReturnType<typeof seedStore>>, message: string, authorName = "Carla Pérez") {
  const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message, authorName });
  expect((await postWebhook(c.payload)).status).toBe(200);
  await run();
  return c.commentId;
}

describe("the public reply says what happened to the comment", () => {
  test("a sold-out BUY gets a sold-out public reply (not '¡Listo! Te enviamos el detalle') and the feed and comments API report it as sold out", async () => {
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 1, keywords: ["polera"], color: "rojo", size: "M" }] });
    forgetPageCredentials(seeded.store.id);

    const first = await comment(seeded, "quiero la A12", "Ana Soto");
    expect(publicReplyTo(first)).toBe("¡Listo @Ana! Te enviamos el detalle por mensaje privado 📩");

    const soldOut = await comment(seeded, "quiero la A12", "Carla Pérez");
    const line = publicReplyTo(soldOut);
    expect(line).toBe("Uy @Carla, se agotó 😢 Te escribimos por privado para anotarte en la lista de espera 📩");
    expect(line).not.toMatch(/Listo|detalle/);
    expect(privateReplyTo(soldOut)).toContain("WAITLIST:");
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(1);

    const stored = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: soldOut } });
    const headers = { cookie: await sessionCookieFor(seeded.owner) };
    const api = await call(commentsRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/comments`, params: { id: seeded.live.id }, headers });
    expect(api.status).toBe(200);
    const byId = new Map((api.body as { comment_id: string; outcome: string | null; status: string }[]).map((c) => [c.comment_id, c]));
    expect(byId.get(soldOut)).toMatchObject({ status: "PROCESSED", outcome: "sold_out" });
    expect(byId.get(first)).toMatchObject({ status: "PROCESSED", outcome: "reserved" });

    const feed = await call(feedRoute.GET, { path: `/dashboard/live/${seeded.live.id}/data/feed?ids=${stored.id}`, params: { liveId: seeded.live.id }, headers });
    expect(feed.body).toEqual([expect.objectContaining({ id: stored.id, status: "PROCESSED", outcome: "sold_out", order_id: null })]);
  });

  test("an unsure reading asks privately and the public reply says so, not 'done'", async () => {
    const seeded = await seedStore({
      products: [
        { sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 3, keywords: ["polera"], color: "rojo", size: "M" },
        { sku: "B20", name: "Jeans azul 42", priceMinor: 19990, stock: 3, keywords: ["jeans"], color: "azul", size: "42" },
      ],
    });
    forgetPageCredentials(seeded.store.id);
    // "la roja" has no verb: the bot reads A12 below the confidence bar, so it asks before reserving.
    const asked = await comment(seeded, "la roja", "Ana Soto");
    expect(privateReplyTo(asked)).toContain("CONFIRM:");
    expect(publicReplyTo(asked)).toBe("¡Hola @Ana! Te escribimos por privado con una pregunta 📩");
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(0);
    const headers = { cookie: await sessionCookieFor(seeded.owner) };
    const api = await call(commentsRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/comments`, params: { id: seeded.live.id }, headers });
    expect(api.body).toEqual([expect.objectContaining({ comment_id: asked, status: "NEEDS_REVIEW", outcome: "asked" })]);
  });
});
