import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { hotPathDb, prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { refreshVariants } from "@/lib/inventory/refresh-variants";
import * as chooseRoute from "@/app/api/v1/lives/[id]/comments/[commentId]/choose/route";
import * as commentsRoute from "@/app/api/v1/lives/[id]/comments/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, messagePayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { claimJobs } from "@/lib/jobs/local/claim";
import { buildRegistry } from "@/lib/jobs/local/registry";
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
const privateReplies = (commentId: string) => graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(commentId));
const publicReplies = (commentId: string) => graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(commentId));
const dmsTo = (psid: string) => graph.calls.filter((c) => c.kind === "message" && JSON.stringify(c.body).includes(psid));
type QuickReply = { title: string; payload: string };
const quickRepliesOf = (call: { body: unknown }) => ((call.body as { message?: { quick_replies?: QuickReply[] } }).message?.quick_replies ?? []);

/** The two-size catalog of issue 13, as its CSV had it (sizes only in names and SKUs), variants inferred. */
async function shirts({ stockS = 3, stockL = 2, extra = [] as { sku: string; name: string; priceMinor: number; stock: number; keywords: string[] }[] } = {}) {
  const seeded = await seedStore({
    products: [
      { sku: "CAM-AZU-S", name: "Camisa Azul S", priceMinor: 14990, stock: stockS, keywords: ["camisa azul", "blusa azul"] },
      { sku: "CAM-AZU-L", name: "Camisa Azul L", priceMinor: 14990, stock: stockL, keywords: ["camisa azul", "blusa azul"] },
      ...extra,
    ],
  });
  await prisma.$transaction((tx) => refreshVariants(tx, seeded.store.id));
  forgetPageCredentials(seeded.store.id);
  return seeded;
}

async function comment({ pageId, postId, message, psid }: { pageId: string; postId: string; message: string; psid: string }) {
  const c = commentPayload({ pageId, postId, message, authorName: "Carla Soto" });
  graph.registerCommentAuthor({ commentId: c.commentId, psid });
  await postWebhook(c.payload);
  await run();
  return { metaId: c.commentId, row: await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } }) };
}

describe("ask instead of guessing, never silence (issue 13)", () => {
  test("“quiero la camisa azul” → one DM with a quick reply per size → the tap delivered twice → one reservation of that size and one cart DM", async () => {
    const { store, live, pageId, owner } = await shirts();
    const { metaId, row } = await comment({ pageId, postId: live.fbPostId!, message: "quiero la camisa azul", psid: "psid_carla" });
    expect(row).toMatchObject({ intent: "BUY", sku: null, status: "NEEDS_REVIEW" });
    const [stored] = await hotPathDb.$queryRaw<{ candidates: string[] }[]>`SELECT candidates FROM comments WHERE id = ${row.id}`;
    expect(new Set(stored!.candidates)).toEqual(new Set(["CAM-AZU-S", "CAM-AZU-L"]));
    // The seller's API shows the same candidates the buyer was asked about.
    const listed = await call(commentsRoute.GET, { path: `/api/v1/lives/${live.id}/comments`, params: { id: live.id }, headers: { cookie: await sessionCookieFor(owner) } });
    expect(listed.status).toBe(200);
    const asListed = (listed.body as { id: string; sku: string | null; candidates: string[] }[]).find((c) => c.id === row.id);
    expect(asListed).toMatchObject({ sku: null });
    expect(new Set(asListed!.candidates)).toEqual(new Set(["CAM-AZU-S", "CAM-AZU-L"]));

    const asks = privateReplies(metaId);
    expect(asks).toHaveLength(1);
    expect(JSON.stringify(asks[0]!.body)).toContain("Qué talla de Camisa Azul");
    const options = quickRepliesOf(asks[0]!);
    expect(options.map((o) => o.title).sort()).toEqual(["L", "S"]);
    expect(publicReplies(metaId)).toHaveLength(1);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);

    // Meta redelivers the same tap event, and the buyer taps again (another message id).
    const tapL = messagePayload({ pageId, psid: "psid_carla", quickReply: options.find((o) => o.title === "L")!.payload });
    await postWebhook(tapL);
    await postWebhook(tapL);
    await postWebhook(messagePayload({ pageId, psid: "psid_carla", quickReply: options.find((o) => o.title === "S")!.payload }));
    await run();

    const orders = await prisma.order.findMany({ where: { storeId: store.id }, include: { items: true, reservations: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.items.map((i) => [i.sku, i.quantity])).toEqual([["CAM-AZU-L", 1]]);
    expect(orders[0]!.reservations).toHaveLength(1);
    const products = await prisma.product.findMany({ where: { storeId: store.id }, orderBy: { sku: "asc" } });
    expect(products.map((p) => [p.sku, p.reserved])).toEqual([["CAM-AZU-L", 1], ["CAM-AZU-S", 0]]);
    const carts = dmsTo("psid_carla").filter((c) => JSON.stringify(c.body).includes(`/checkout/${orders[0]!.id}`));
    expect(carts).toHaveLength(1);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ sku: "CAM-AZU-L", status: "PROCESSED" });
  });

  test("one buyer's taps are handled one at a time, oldest first: “L” then “S” settles on L, never on whichever run took the lock first", async () => {
    const { store, live, pageId } = await shirts();
    const { metaId } = await comment({ pageId, postId: live.fbPostId!, message: "quiero la camisa azul", psid: "psid_order" });
    const options = quickRepliesOf(privateReplies(metaId)[0]!);
    await postWebhook(messagePayload({ pageId, psid: "psid_order", quickReply: options.find((o) => o.title === "L")!.payload }));
    await postWebhook(messagePayload({ pageId, psid: "psid_order", quickReply: options.find((o) => o.title === "S")!.payload }));
    // Another buyer's message is not held behind this buyer's.
    await postWebhook(messagePayload({ pageId, psid: "psid_other", text: "hola" }));
    const inbox = await prisma.inboundMessage.findMany({ where: { storeId: store.id }, orderBy: { receivedAt: "asc" } });
    const tapL = inbox.find((m) => m.senderId === "psid_order" && m.quickReplyPayload === options.find((o) => o.title === "L")!.payload)!;

    // Every due job claimed at once: of this buyer's two taps only the first one runs.
    const claim = await claimJobs({ db: hotPathDb, registry: buildRegistry(jobFunctions), max: 20, leaseMs: 60_000 });
    const handled = claim.jobs.filter((j) => j.functionId === "handle-message").map((j) => (j.payload as { data: { inboundMessageId: string } }).data.inboundMessageId);
    expect(handled).toHaveLength(2);
    expect(handled).toContain(tapL.id);
    expect(handled).toContain(inbox.find((m) => m.senderId === "psid_other")!.id);
    await hotPathDb.$executeRaw`UPDATE jobs SET status = 'QUEUED', "lockedUntil" = NULL WHERE id = ANY(${claim.jobs.map((j) => j.id)})`;

    await run();
    const orders = await prisma.order.findMany({ where: { storeId: store.id }, include: { items: true } });
    expect(orders.map((o) => o.items.map((i) => i.sku))).toEqual([["CAM-AZU-L"]]);
  });

  test("a sold-out size is named, not offered; a tap whose size sold out meanwhile gets the waitlist offer", async () => {
    const { live, pageId, store } = await shirts({ stockS: 0 });
    const { metaId } = await comment({ pageId, postId: live.fbPostId!, message: "quiero la camisa azul", psid: "psid_sold" });
    const ask = privateReplies(metaId)[0]!;
    expect(quickRepliesOf(ask).map((o) => o.title)).toEqual(["L"]);
    expect(JSON.stringify(ask.body)).toContain("Agotado: S");
    await prisma.product.updateMany({ where: { storeId: store.id, sku: "CAM-AZU-L" }, data: { stock: 0 } });
    await postWebhook(messagePayload({ pageId, psid: "psid_sold", quickReply: quickRepliesOf(ask)[0]!.payload }));
    await run();
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
    const offer = dmsTo("psid_sold");
    expect(offer).toHaveLength(1);
    expect(JSON.stringify(offer[0]!.body)).toContain("WAITLIST:");
  });

  test("an unknown product gets “which product?” with the closest ones; nothing close gets “the seller will answer”; both wait in the review queue", async () => {
    const { live, pageId } = await shirts({ extra: [{ sku: "CAM-BLA-M", name: "Camisa Blanca M", priceMinor: 14990, stock: 2, keywords: [] }] });
    const which = await comment({ pageId, postId: live.fbPostId!, message: "quiero la camisa verde talla M", psid: "psid_which" });
    const ask = privateReplies(which.metaId);
    expect(ask).toHaveLength(1);
    expect(JSON.stringify(ask[0]!.body)).toContain("Cuál producto");
    expect(quickRepliesOf(ask[0]!).length).toBeGreaterThan(0);
    expect(quickRepliesOf(ask[0]!)[0]!.title).toBe("Camisa Blanca M");
    expect(which.row.status).toBe("NEEDS_REVIEW");

    const none = await comment({ pageId, postId: live.fbPostId!, message: "quiero", psid: "psid_none" });
    const note = privateReplies(none.metaId);
    expect(note).toHaveLength(1);
    expect(JSON.stringify(note[0]!.body)).toContain("te responderá");
    expect(quickRepliesOf(note[0]!)).toEqual([]);
    expect(none.row.status).toBe("NEEDS_REVIEW");
  });

  test("the seller resolves from the review queue in one tap, by the buyer's own path; only candidates can be chosen, and only once", async () => {
    const { store, live, pageId, owner } = await shirts();
    const { row } = await comment({ pageId, postId: live.fbPostId!, message: "2 de la camisa azul", psid: "psid_seller" });
    // The buyer answered the question in words (so the page may write to them) but not with a tap.
    await postWebhook(messagePayload({ pageId, psid: "psid_seller", text: "la que tengas" }));
    await run();
    const cookie = await sessionCookieFor(owner);
    const path = `/api/v1/lives/${live.id}/comments/${row.id}/choose`;
    const bad = await call(chooseRoute.POST, { path, params: { id: live.id, commentId: row.id }, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: { sku: "NOPE" } });
    expect(bad.status).toBe(422);
    const ok = await call(chooseRoute.POST, { path, params: { id: live.id, commentId: row.id }, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: { sku: "CAM-AZU-S" } });
    expect(ok.status).toBe(200);
    expect(ok.body.result).toMatchObject({ status: "reserved", dm: "SENT" });
    expect(ok.body.comment).toMatchObject({ sku: "CAM-AZU-S", status: "PROCESSED" });
    const again = await call(chooseRoute.POST, { path, params: { id: live.id, commentId: row.id }, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: { sku: "CAM-AZU-L" } });
    expect(again.status).toBe(200);
    const orders = await prisma.order.findMany({ where: { storeId: store.id }, include: { items: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.items.map((i) => [i.sku, i.quantity])).toEqual([["CAM-AZU-S", 2]]);
    expect(dmsTo("psid_seller").filter((c) => JSON.stringify(c.body).includes("/checkout/"))).toHaveLength(1);
  });

  test("another store's live or comment answers 404", async () => {
    const a = await shirts();
    const b = await shirts();
    const { row } = await comment({ pageId: a.pageId, postId: a.live.fbPostId!, message: "quiero la camisa azul", psid: "psid_x" });
    const cookie = await sessionCookieFor(b.owner);
    const res = await call(chooseRoute.POST, { path: `/api/v1/lives/${a.live.id}/comments/${row.id}/choose`, params: { id: a.live.id, commentId: row.id }, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: { sku: "CAM-AZU-S" } });
    expect(res.status).toBe(404);
  });
});

describe("questions answered from the catalog (issue 13)", () => {
  test("price, stock and sizes of a catalog product are answered publicly in the buyer's language, ending with how to buy", async () => {
    const { live, pageId } = await shirts({ stockL: 0 });
    const q = await comment({ pageId, postId: live.fbPostId!, message: "¿hay stock de la camisa azul? precio?", psid: "psid_q" });
    expect(privateReplies(q.metaId)).toHaveLength(0);
    const pub = publicReplies(q.metaId);
    expect(pub).toHaveLength(1);
    const text = JSON.stringify(pub[0]!.body);
    expect(text).toContain("Camisa Azul");
    expect(text).toMatch(/14\.990/);
    expect(text).toContain("L (agotado)");
    expect(text).toContain("quiero CAM-AZU-S");
    expect(q.row.status).toBe("PROCESSED");
  });

  test("with the store set to answer by DM the answer is the comment's private reply; other questions wait for the seller", async () => {
    const { store, live, pageId } = await shirts();
    await hotPathDb.$executeRaw`UPDATE stores SET "questionAnswers" = 'dm' WHERE id = ${store.id}`;
    const q = await comment({ pageId, postId: live.fbPostId!, message: "how much is the blue shirt size S?", psid: "psid_en" });
    expect(publicReplies(q.metaId)).toHaveLength(0);
    const dm = privateReplies(q.metaId);
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(dm[0]!.body)).toContain("want CAM-AZU-S");
    const other = await comment({ pageId, postId: live.fbPostId!, message: "hacen envíos a regiones?", psid: "psid_ship" });
    expect(privateReplies(other.metaId)).toHaveLength(0);
    expect(publicReplies(other.metaId)).toHaveLength(0);
    expect(other.row.status).toBe("NEEDS_REVIEW");
  });
});
