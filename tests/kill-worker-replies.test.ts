import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { seedStore } from "./helpers/seed";

// A real process kill on the local driver: the worker is SIGKILLed the moment Meta answers its first
// public reply (before it can record it); another worker takes the jobs over when their lease runs out.
const graph = fakeGraphPerFile();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

describe("a job worker killed between the Graph call and the record", () => {
  test("every comment still gets exactly one public and one private reply", async () => {
    const { store, pageId, live, pageToken } = await seedStore({ products: [{ sku: "A12", name: "Polera roja", priceMinor: 9990, stock: 50, keywords: ["polera"] }] });
    forgetPageCredentials(store.id);
    // Meta knows whose reply it is from the start; the fake otherwise learns the token's Page only from a
    // private reply, and the killed worker may have posted a public reply before any (CI saw a second
    // public reply: the new worker's lookup listed the first one as another Page's).
    graph().registerPageToken({ pageId, token: pageToken });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero A12" });
      expect((await postWebhook(payload)).status).toBe(200);
      ids.push(commentId);
    }

    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./helpers/jobs/app-worker.ts", import.meta.url))], { env: { ...process.env, LOG_LEVEL: "silent" }, stdio: "ignore" });
    const killed = new Promise<void>((resolve) => {
      const off = graph().onCall((call) => {
        if (call.kind !== "comment_reply" || call.status !== 200) return;
        off();
        child.kill("SIGKILL");
        resolve();
      });
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await Promise.race([killed, new Promise((_, reject) => setTimeout(() => reject(new Error("the worker never replied")), 90_000))]);
    await exited;

    // Another worker finishes: the killed worker's jobs come back when their lease runs out.
    for (let i = 0; i < 60; i++) {
      await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2, logger: quiet });
      const open = await prisma.comment.count({ where: { metaCommentId: { in: ids }, status: { notIn: ["PROCESSED"] } } });
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const comments = await prisma.comment.findMany({ where: { metaCommentId: { in: ids } } });
    expect(comments.map((c) => c.status)).toEqual(ids.map(() => "PROCESSED"));
    for (const id of ids) {
      expect(graph().commentReplies.get(id) ?? [], `public replies of ${id}`).toHaveLength(1);
      expect(graph().calls.filter((c) => c.kind === "private_reply" && c.status === 200 && JSON.stringify(c.body).includes(id)), `private replies of ${id}`).toHaveLength(1);
    }
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(5);
  }, 180_000);
});
