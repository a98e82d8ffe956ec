import { randomUUID } from "node:crypto";
import { rehearseHotPath } from "@/lib/db";
import { env } from "@/lib/env";
import { signMetaPayload } from "@/lib/meta/signature";
import { receiveMetaWebhook } from "./meta-webhook";
import { seedRehearsalStore } from "./rehearse-comments";

const TEXTS = ["quiero 2 de la polera roja M", "SOLD A12", "eu quero a bolsa preta", "precio?"];

/**
 * The web server's start-up warm-up: signed Meta deliveries of synthetic comments for a synthetic store
 * go through the real webhook code (signature, parsing, the inbox and job insert) inside a transaction
 * that is rolled back (rehearseHotPath), so the connection has the webhook's statements planned and
 * the process's JIT has compiled them before Meta's first delivery. Nothing is stored, no worker is woken.
 * Returns the comments the rehearsal stored (then rolled back).
 */
export async function rehearseWebhooks({ deliveries }: { deliveries: number }): Promise<number> {
  return rehearseHotPath(async () => {
    const pageId = `rehearsal-${randomUUID()}`;
    const { liveId } = await seedRehearsalStore({ pageId });
    let stored = 0;
    for (let i = 0; i < deliveries; i++) {
      const now = Math.floor(Date.now() / 1000);
      const change = { item: "comment", verb: "add", comment_id: `rehearsal-${randomUUID()}`, post_id: liveId, from: { id: `rehearsal-${i % 3}`, name: "Rehearsal" }, message: TEXTS[i % TEXTS.length], created_time: now };
      const rawBody = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: pageId, time: now, changes: [{ field: "feed", value: change }] }] }));
      const signature = signMetaPayload(rawBody, env().META_APP_SECRET);
      stored += (await receiveMetaWebhook({ rawBody, signature })).comments;
    }
    return stored;
  });
}
