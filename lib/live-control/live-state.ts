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
  /**
   * Meta's side: the Page disconnected (error 190, replies on hold until a reconnect), comments found
   * only by reading the live back, and whether that is all that arrived in the last minute (the webhook
   * delivery is interrupted).
   */
  meta: { disconnected: boolean; recovered: number; recent_recovered: number; webhook_silent: boolean };
};

/** Everything the Control Center header shows: the live (kill switch), Meta's messaging state and the counters. */
export async function getLiveState({ live }: { live: Live }): Promise<LiveState> {
  const [store, stats, arrivals] = await Promise.all([
    prisma.store.findUniqueOrThrow({ where: { id: live.storeId }, select: { messagingMode: true, messagingBlockedAt: true, messagingBlockReason: true, fbPageId: true, metaConnection: { select: { disconnectedAt: true } } } }),
    getLiveStats({ liveId: live.id, storeId: live.storeId }),
    prisma.$queryRaw<{ recovered: number; recentRecovered: number; recentWebhook: number }[]>`
      SELECT count(*) FILTER (WHERE recovered)::int AS recovered,
        count(*) FILTER (WHERE recovered AND "receivedAt" > now() - interval '1 minute')::int AS "recentRecovered",
        count(*) FILTER (WHERE NOT recovered AND "receivedAt" > now() - interval '1 minute')::int AS "recentWebhook"
      FROM comments WHERE "liveId" = ${live.id}`,
  ]);
  const pacing = live.status === "ACTIVE" ? await pagePacingStatus({ pageId: store.fbPageId }) : null;
  return {
    live: toLiveDto(live, store),
    messaging: { mode: store.messagingMode === "PUBLIC_ONLY" ? "public_only" : "normal", blocked_at: store.messagingBlockedAt?.toISOString() ?? null, reason: store.messagingBlockReason },
    stats,
    pacing,
    meta: {
      disconnected: Boolean(store.metaConnection?.disconnectedAt),
      recovered: arrivals[0]?.recovered ?? 0,
      recent_recovered: arrivals[0]?.recentRecovered ?? 0,
      webhook_silent: live.status === "ACTIVE" && (arrivals[0]?.recentRecovered ?? 0) > 0 && (arrivals[0]?.recentWebhook ?? 0) === 0,
    },
  };
}
