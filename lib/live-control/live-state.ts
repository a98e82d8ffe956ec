import type { Live } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { toLiveDto } from "@/lib/lives/lives";
import { getLiveStats, type LiveStats } from "@/lib/analytics/live-stats";
import { pagePacingStatus } from "@/lib/meta/page-pacing-status";

export type LiveState = {
  live: ReturnType<typeof toLiveDto>;
  messaging: { mode: "normal" | "public_only"; blocked_at: string | null; reason: string | null };
  stats: LiveStats;
  /** Replies held back to stay under Meta's per-Page ceiling (null: none waiting). */
  pacing: { waiting: number; seconds: number } | null;
};

/** Everything the Control Center header shows: the live (kill switch), Meta's messaging state and the counters. */
export async function getLiveState({ live }: { live: Live }): Promise<LiveState> {
  const [store, stats] = await Promise.all([
    prisma.store.findUniqueOrThrow({ where: { id: live.storeId }, select: { messagingMode: true, messagingBlockedAt: true, messagingBlockReason: true, fbPageId: true } }),
    getLiveStats({ liveId: live.id, storeId: live.storeId }),
  ]);
  const pacing = live.status === "ACTIVE" ? await pagePacingStatus({ pageId: store.fbPageId }) : null;
  return {
    live: toLiveDto(live, store),
    messaging: { mode: store.messagingMode === "PUBLIC_ONLY" ? "public_only" : "normal", blocked_at: store.messagingBlockedAt?.toISOString() ?? null, reason: store.messagingBlockReason },
    stats,
    pacing,
  };
}
