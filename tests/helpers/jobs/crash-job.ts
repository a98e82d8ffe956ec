import type { SqlClient } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { recordSideEffect } from "./side-effects";

/**
 * The job of the crash test, shared by the worker that gets killed (hangInB: it freezes inside step
 * B, after step A committed) and the worker that resumes it.
 */
export function crashJob({ db, hangInB }: { db: Pick<SqlClient, "$executeRaw">; hangInB: boolean }) {
  return defineJob({
    id: "crash-test",
    event: "order/created",
    retries: 0,
    handler: async ({ event, step }) => {
      const a = await step.run("a", async () => {
        await recordSideEffect(db, `A:${event.data.orderId}`);
        return { reservedBy: "a" };
      });
      const b = await step.run("b", async () => {
        await recordSideEffect(db, `B-started:${event.data.orderId}`);
        if (hangInB) await new Promise(() => {});
        await recordSideEffect(db, `B:${event.data.orderId}`);
        return "b-done";
      });
      return { a, b };
    },
  });
}
