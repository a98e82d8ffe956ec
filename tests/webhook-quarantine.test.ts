import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { seedStore } from "./helpers/seed";
import { postWebhook } from "./helpers/meta-webhook";

const now = () => Math.floor(Date.now() / 1000);
const comment = (postId: string, id: string, overrides: Record<string, unknown> = {}) => ({
  field: "feed",
  value: { item: "comment", verb: "add", comment_id: id, post_id: postId, from: { id: `u_${id}`, name: "Carla Pérez" }, message: `quiero A12 ${id}`, created_time: now(), ...overrides },
});
const message = (pageId: string, mid: string, overrides: Record<string, unknown> = {}) => ({
  sender: { id: `psid_${mid}` }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid, text: "hola" }, ...overrides,
});

describe("a signed Meta delivery with poisoned items", () => {
  test("stores every valid comment and message, quarantines the NUL texts, absurd times and wrong types, and answers 200", async () => {
    const { pageId, live } = await seedStore();
    const postId = live.fbPostId!;
    const tag = `q${Date.now().toString(36)}`;
    const good = Array.from({ length: 6 }, (_, i) => comment(postId, `${tag}_good${i}`));
    const poison = [
      comment(postId, `${tag}_nul`, { message: "quiero\u0000A12" }),
      comment(postId, `${tag}_nulname`, { from: { id: "u1", name: "Ana\u0000" } }),
      comment(postId, `${tag}_future`, { created_time: 1e20 }),
      comment(postId, `${tag}_negative`, { created_time: -5 }),
      comment(postId, `${tag}_nan`, { created_time: "not a date" }),
      comment(postId, `${tag}_type`, { message: 123 }),
      comment(postId, { nested: true } as unknown as string),
      comment(postId, `${tag}_from`, { from: "Ana" }),
    ];
    const payload = {
      object: "page",
      entry: [
        { id: pageId, time: now(), changes: [good[0], poison[0], good[1], poison[1], poison[2], good[2], poison[3], poison[4], good[3], poison[5], poison[6], poison[7], good[4], good[5]] },
        {
          id: pageId,
          time: now(),
          messaging: [
            message(pageId, `${tag}_m_ok`),
            message(pageId, `${tag}_m_nul`, { message: { mid: `${tag}_m_nul`, text: "\u0000" } }),
            message(pageId, `${tag}_m_time`, { timestamp: 1e20 }),
            message(pageId, `${tag}_m_type`, { sender: 42.5 }),
          ],
        },
        // An entry whose page cannot be read, carrying changes: set aside as a whole.
        { id: { page: pageId }, changes: [comment(postId, `${tag}_orphan`)] },
      ],
    };

    const res = await postWebhook(payload);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ comments: 6, messages: 1, quarantined: 12 });

    const stored = await prisma.comment.findMany({ where: { metaCommentId: { startsWith: tag } }, select: { metaCommentId: true, status: true } });
    expect(stored.map((c) => c.metaCommentId).sort()).toEqual(good.map((g) => g.value.comment_id).sort());
    expect(stored.every((c) => c.status === "RECEIVED")).toBe(true);
    expect(await prisma.inboundMessage.count({ where: { mid: { startsWith: tag } } })).toBe(1);

    const quarantined = await prisma.webhookQuarantine.findMany({ where: { OR: [{ pageId }, { kind: "entry", raw: { contains: tag } }] }, orderBy: { path: "asc" } });
    const byExternal = Object.fromEntries(quarantined.map((q) => [q.externalId ?? q.path, q.reason]));
    expect(byExternal).toMatchObject({
      [`${tag}_nul`]: "nul_character",
      [`${tag}_nulname`]: "nul_character",
      [`${tag}_future`]: "invalid_time",
      [`${tag}_negative`]: "invalid_time",
      [`${tag}_nan`]: "invalid_time",
      [`${tag}_type`]: "invalid_shape",
      [`${tag}_from`]: "invalid_shape",
      [`${tag}_m_nul`]: "nul_character",
      [`${tag}_m_time`]: "invalid_time",
      [`${tag}_m_type`]: "invalid_shape",
    });
    expect(quarantined).toHaveLength(12);
    expect(quarantined.find((q) => q.externalId === `${tag}_type`)!.path).toBe("entry[0].changes[9].value.message");
    expect(quarantined.find((q) => q.kind === "entry")).toMatchObject({ reason: "invalid_shape", path: "entry[2].id" });
    // The raw item is kept for the operator as JSON text (the NUL escaped, so PostgreSQL accepts it).
    expect(JSON.parse(quarantined.find((q) => q.externalId === `${tag}_nul`)!.raw).value.message).toBe("quiero\u0000A12");

    // Meta's redelivery of the same batch changes nothing but the quarantine log.
    const again = await postWebhook(payload);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ comments: 0, messages: 0 });
    expect(await prisma.comment.count({ where: { metaCommentId: { startsWith: tag } } })).toBe(6);
  });

  test("a poisoned delivery with a wrong signature is refused before anything is stored or quarantined", async () => {
    const { pageId, live } = await seedStore();
    const tag = `s${Date.now().toString(36)}`;
    const payload = { object: "page", entry: [{ id: pageId, time: now(), changes: [comment(live.fbPostId!, `${tag}_ok`), comment(live.fbPostId!, `${tag}_nul`, { message: "\u0000" })] }] };
    const res = await postWebhook(payload, { secret: "not-the-app-secret" });
    expect(res.status).toBe(403);
    expect(await prisma.comment.count({ where: { metaCommentId: { startsWith: tag } } })).toBe(0);
    expect(await prisma.webhookQuarantine.count({ where: { pageId } })).toBe(0);
  });
});
