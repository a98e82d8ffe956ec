import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs";

/**
 * The reconciliation chain of one live: while it is active, the next read in META_RECONCILE_SECONDS;
 * once it has ended, one last read if the previous one started before the end; then nothing more.
 */
export async function scheduleNextReconcile({ liveId, storeId, round, readAt }: { liveId: string; storeId: string; round: number; readAt: string }): Promise<"scheduled" | "final" | "done"> {
  const live = await prisma.live.findUnique({ where: { id: liveId }, select: { status: true, endedAt: true } });
  if (!live) return "done";
  const ended = live.status === "ENDED";
  if (ended && live.endedAt && new Date(readAt) >= live.endedAt) return "done";
  const ts = ended ? Date.now() : Date.now() + env().META_RECONCILE_SECONDS * 1000;
  await jobs.send({ name: "live/reconcile", id: `reconcile:${liveId}:${round + 1}`, data: { liveId, storeId, round: round + 1 }, ts });
  return ended ? "final" : "scheduled";
}

/** The first read of a new live, queued with the live itself (inside its transaction). */
export function firstReconcileEvent({ liveId, storeId }: { liveId: string; storeId: string }) {
  return { name: "live/reconcile" as const, id: `reconcile:${liveId}:0`, data: { liveId, storeId, round: 0 }, ts: Date.now() + env().META_RECONCILE_SECONDS * 1000 };
}
