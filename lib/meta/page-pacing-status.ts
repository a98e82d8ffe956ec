import { hotPathDb } from "@/lib/db";
import { replyBucket, sendBucket } from "./graph-client";

/** Shown from this much delay on: below it the pacer is only spacing sends, nobody waits noticeably. */
const SHOWN_FROM_SECONDS = 0.5;

/**
 * How far behind a Page's paced sends are, from the shared schedule (page-pacer.ts): `seconds` until the
 * last reserved send may go, `waiting` the sends reserved in that time (both budgets: DMs and public
 * replies). null when nothing waits.
 */
export async function pagePacingStatus({ pageId }: { pageId: string | null }): Promise<{ waiting: number; seconds: number } | null> {
  if (!pageId) return null;
  const rows = await hotPathDb.$queryRaw<{ seconds: number; rate: number }[]>`
    SELECT GREATEST(0, EXTRACT(EPOCH FROM (tat - clock_timestamp())))::float8 AS seconds, rate
    FROM page_send_pacing WHERE bucket IN (${sendBucket(pageId)}, ${replyBucket(pageId)})`;
  const seconds = Math.max(0, ...rows.map((r) => r.seconds));
  if (seconds < SHOWN_FROM_SECONDS) return null;
  const waiting = Math.round(rows.reduce((sum, r) => sum + r.seconds * r.rate, 0));
  return { waiting, seconds: Math.ceil(seconds) };
}
