import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { sendManualMessage } from "@/lib/live-control/send-manual-message";
import { textMessage } from "@/lib/meta/messages";
import { emailLiveReport } from "@/lib/lives/email-live-report";
import * as reportRoute from "@/app/api/v1/lives/[id]/report/route";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = fakeGraph();
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
type Seeded = Awaited<ReturnType<typeof seedStore>>;

async function comment(seeded: Seeded, { message, authorId, name }: { message: string; authorId: string; name: string }) {
  const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message, authorId, authorName: name });
  graph.registerCommentAuthor({ commentId: c.commentId, psid: `psid_${authorId}` });
  await postWebhook(c.payload);
  await run();
  return prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
}

describe("unanswered questions in the post-live report (issue 19)", () => {
  test("counts and lists the questions neither the bot nor the seller answered, in the API and the emailed report", async () => {
    const seeded = await seedStore();
    await prisma.user.update({ where: { id: seeded.owner.id }, data: { locale: "en" } });
    // The catalog answers a price question; two questions only the seller can answer wait for her.
    const priced = await comment(seeded, { message: "cuanto cuesta la A12?", authorId: "q1", name: "Ana Precio" });
    const shipping = await comment(seeded, { message: "hacen envíos a Temuco?", authorId: "q2", name: "Berta Envío" });
    const opening = await comment(seeded, { message: "a qué hora abren la tienda física?", authorId: "q3", name: "Carla Tienda" });
    await comment(seeded, { message: "quiero 1 A12", authorId: "b1", name: "Dora Compra" });
    for (const c of [priced, shipping, opening]) expect(c.intent).toBe("QUESTION");

    // The seller answers Carla by hand: her question no longer counts as unanswered.
    const carla = await prisma.buyer.findUniqueOrThrow({ where: { id: opening.buyerId! } });
    const sent = await sendManualMessage({ buyer: carla, message: textMessage("Abrimos a las 10"), liveId: seeded.live.id, actorId: seeded.owner.id });
    expect(sent.status).toBe("SENT");

    const res = await call(reportRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/report`, params: { id: seeded.live.id }, headers: { cookie: await sessionCookieFor(seeded.owner) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ comments: 4, questions: 3, unanswered_questions: 1 });
    expect(res.body.unanswered).toEqual([expect.objectContaining({ comment_id: shipping.id, author_name: "Berta Envío", text: "hacen envíos a Temuco?" })]);

    await emailLiveReport({ liveId: seeded.live.id });
    const email = await prisma.email.findFirstOrThrow({ where: { to: seeded.owner.email, template: "live_report" } });
    expect(email.text).toContain("1 of 3 questions went unanswered");
    expect(email.text).toContain("Questions nobody answered:\n- Berta Envío: hacen envíos a Temuco?");
    expect(email.html).toContain("<li>Berta Envío: hacen envíos a Temuco?</li>");

    // Another store's owner: 404.
    const other = await seedStore();
    const stranger = await call(reportRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/report`, params: { id: seeded.live.id }, headers: { cookie: await sessionCookieFor(other.owner) } });
    expect(stranger.status).toBe(404);
  });
});
