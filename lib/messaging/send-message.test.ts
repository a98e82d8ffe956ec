import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { forgetPageCredentials } from "./graph";
import { sendOutbound, sendOutboundBatch, type OutboundRequest } from "./send-message";

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());
beforeEach(() => graph.reset());

async function store() {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
  return { ...seeded, buyer };
}

const replies = (s: Awaited<ReturnType<typeof store>>, key: string): OutboundRequest[] => [
  { storeId: s.store.id, buyerId: s.buyer.id, liveId: s.live.id, kind: "PRIVATE_REPLY", purpose: "confirm", idempotencyKey: `${key}:private`, metaCommentId: `m_${key}`, message: { text: "¿Confirmas?" } },
  { storeId: s.store.id, buyerId: s.buyer.id, liveId: s.live.id, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `${key}:public`, metaCommentId: `m_${key}`, text: "¡Listo!" },
];

describe("sendOutboundBatch", () => {
  test("the combined claim refuses a key already used: it is reported as a duplicate and never sent again", async () => {
    const s = await store();
    const first = await sendOutboundBatch(replies(s, "k1"));
    expect(first.map((r) => [r.status, r.duplicate])).toEqual([["SENT", false], ["SENT", false]]);
    expect(graph.calls).toHaveLength(2);
    const again = await sendOutboundBatch(replies(s, "k1"));
    expect(again.map((r) => [r.status, r.duplicate])).toEqual([["SENT", true], ["SENT", true]]);
    expect(again.map((r) => r.messageId)).toEqual(first.map((r) => r.messageId));
    const single = await sendOutbound(replies(s, "k1")[1]!);
    expect(single).toMatchObject({ status: "SENT", duplicate: true, messageId: first[1]!.messageId });
    expect(graph.calls).toHaveLength(2);
    const rows = await prisma.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: "k1:" } } });
    expect(rows.map((r) => r.attempts).sort()).toEqual([2, 3]);
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: s.buyer.id } })).psid).toBeTruthy();
  });

  test("the same key twice in one batch is refused before anything is claimed", async () => {
    const s = await store();
    const [a] = replies(s, "k2");
    await expect(sendOutboundBatch([a!, { ...a! }])).rejects.toThrow(/unique/);
    expect(await prisma.outboundMessage.count({ where: { idempotencyKey: "k2:private" } })).toBe(0);
    expect(graph.calls).toHaveLength(0);
  });

  test("without a connected Page both messages are recorded FAILED; a suspended store's are SKIPPED", async () => {
    const s = await store();
    await prisma.metaConnection.delete({ where: { storeId: s.store.id } });
    forgetPageCredentials(s.store.id);
    const failed = await sendOutboundBatch(replies(s, "k3"));
    expect(failed.map((r) => [r.status, r.reason])).toEqual([["FAILED", "Facebook Page not connected"], ["FAILED", "Facebook Page not connected"]]);
    await prisma.store.update({ where: { id: s.store.id }, data: { suspendedAt: new Date() } });
    const skipped = await sendOutboundBatch(replies(s, "k4"));
    expect(skipped.map((r) => [r.status, r.reason])).toEqual([["SKIPPED", "store suspended"], ["SKIPPED", "store suspended"]]);
    expect(graph.calls).toHaveLength(0);
    const rows = await prisma.outboundMessage.findMany({ where: { storeId: s.store.id } });
    expect(rows.every((r) => r.sentAt === null && r.error)).toBe(true);
  });
});
