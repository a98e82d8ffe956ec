import type { z } from "zod";
import { jobs } from "@/lib/jobs";
import { firstReconcileEvent } from "@/lib/pipeline/schedule-next-reconcile";
import type { Comment, Live, Store } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { forgetPageLives } from "@/lib/pipeline/page-lives-cache";
import { assertWithinPlan } from "@/lib/billing/limits";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import type { CommentOutcome } from "@/lib/pipeline/comment-outcome";
import { commentFields } from "./comment-dto";
import { commentOutcomes } from "./comment-outcomes";
import type { commentListQuery, commentOutput, liveCreateInput, liveOutput } from "./schemas";
import { afterRequeue, assertCanProcess, countPausedComments, recordPausedProcessed, requeuePausedComments } from "./process-paused-comments";

export function toLiveDto(live: Live, store?: Pick<Store, "messagingMode">): z.infer<typeof liveOutput> {
  return {
    id: live.id,
    store_id: live.storeId,
    fb_video_id: live.fbVideoId,
    fb_post_id: live.fbPostId,
    title: live.title,
    status: live.status.toLowerCase() as "active",
    bot_enabled: live.botEnabled,
    messaging_mode: store?.messagingMode === "PUBLIC_ONLY" ? "public_only" : "normal",
    started_at: live.startedAt.toISOString(),
    ended_at: live.endedAt?.toISOString() ?? null,
  };
}

function toCommentDto(c: Comment, outcome: CommentOutcome | null = null): z.infer<typeof commentOutput> {
  return { ...commentFields(c), candidates: c.candidates, outcome };
}

export async function createLive({ input, actorId, actorType = "USER" }: { input: z.output<typeof liveCreateInput>; actorId: string | null; actorType?: "USER" | "WEBHOOK" }) {
  await assertWithinPlan({ storeId: input.store_id, resource: "lives", adding: 1 });
  const exists = await prisma.live.findUnique({ where: { storeId_fbVideoId: { storeId: input.store_id, fbVideoId: input.fb_video_id } } });
  if (exists) throw conflict("live_exists", "A live for this video already exists", [{ field: "fb_video_id", code: "taken", message: "already registered" }]);
  const live = await prisma.$transaction(async (tx) => {
    const l = await tx.live.create({ data: { storeId: input.store_id, fbVideoId: input.fb_video_id, fbPostId: input.fb_post_id ?? null, title: input.title, status: "ACTIVE", botEnabled: true } });
    const period = usagePeriod();
    const slot = usageSlot();
    await tx.usageCounter.upsert({ where: { storeId_period_slot: { storeId: input.store_id, period, slot } }, update: { lives: { increment: 1 } }, create: { storeId: input.store_id, period, slot, lives: 1 } });
    // Zero missed comments: the live's comments are read back through the Graph API while it runs.
    await jobs.send(firstReconcileEvent({ liveId: l.id, storeId: l.storeId }), { tx });
    await recordAudit(tx, { storeId: input.store_id, actorType, actorId, action: "live.started", entityType: "live", entityId: l.id, data: { fbVideoId: l.fbVideoId } });
    return l;
  });
  forgetPageLives();
  await notifyStore(live.storeId, { type: "live.updated", liveId: live.id });
  return toLiveDto(live);
}

export async function endLive({ live, actorId, actorType = "USER" }: { live: Live; actorId?: string | null; actorType?: "USER" | "WEBHOOK" }) {
  if (live.status === "ENDED") return toLiveDto(live);
  const ended = await prisma.$transaction(async (tx) => {
    const l = await tx.live.update({ where: { id: live.id }, data: { status: "ENDED", endedAt: new Date() } });
    await recordAudit(tx, { storeId: live.storeId, actorType, actorId: actorId ?? null, action: "live.ended", entityType: "live", entityId: live.id });
    // The post-live report goes to the owners by email (one event per live: its id deduplicates).
    await jobs.send({ name: "live/ended", id: `live-ended:${live.id}`, data: { liveId: live.id, storeId: live.storeId } }, { tx });
    return l;
  });
  forgetPageLives();
  await notifyStore(live.storeId, { type: "live.updated", liveId: live.id });
  return toLiveDto(ended);
}

/**
 * The kill switch. Takes effect at once: every step re-reads it before reserving or sending. Comments that
 * arrive while it is off are kept as PAUSED; turning it on with `processPaused` hands them back to the
 * pipeline in the same transaction (each exactly once, see process-paused-comments.ts), without it they
 * stay PAUSED until the seller asks for them to be processed.
 */
export async function setBotEnabled({ live, enabled, processPaused = false, actorId }: { live: Live; enabled: boolean; processPaused?: boolean; actorId: string }) {
  const { updated, requeued } = await prisma.$transaction(async (tx) => {
    const l = await tx.live.update({ where: { id: live.id }, data: { botEnabled: enabled } });
    if (processPaused) assertCanProcess(l);
    await recordAudit(tx, { storeId: live.storeId, actorType: "USER", actorId, action: enabled ? "live.bot_enabled" : "live.bot_disabled", entityType: "live", entityId: live.id });
    const r = processPaused ? await requeuePausedComments(tx, { live: l }) : null;
    if (r?.commentIds.length) await recordPausedProcessed(tx, { live: l, actorId, count: r.commentIds.length });
    return { updated: l, requeued: r };
  });
  if (requeued) await afterRequeue(requeued);
  else await notifyStore(live.storeId, { type: "live.updated", liveId: live.id });
  return { ...toLiveDto(updated), queued: requeued?.commentIds.length ?? 0, paused_comments: await countPausedComments({ liveId: live.id }) };
}

export async function listLiveComments({ liveId, query }: { liveId: string; query: z.output<typeof commentListQuery> }) {
  const rows = await prisma.comment.findMany({
    where: { liveId, ...(query.status && { status: query.status }), ...(query.before && { receivedAt: { lt: new Date(query.before) } }) },
    orderBy: { receivedAt: "desc" },
    take: query.limit,
  });
  const outcomes = await commentOutcomes(rows.map((r) => r.id));
  return rows.map((c) => toCommentDto(c, outcomes.get(c.id) ?? null));
}

/** The store's lives, newest first (the last 100). */
export async function listLives({ storeId }: { storeId: string }) {
  const lives = await prisma.live.findMany({ where: { storeId }, orderBy: { startedAt: "desc" }, take: 100 });
  return lives.map((l) => toLiveDto(l));
}
