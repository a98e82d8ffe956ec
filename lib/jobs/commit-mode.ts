import { env, usesInngest } from "@/lib/env";

/**
 * `synchronous_commit` for the statements of the comment → DM steps (understand, reserve, record the
 * replies). On the local driver they commit asynchronously: the commit releases its row locks without
 * waiting for the WAL flush, and the job's own later commit (synchronous) makes them durable before the
 * run is marked done; a PostgreSQL crash before that flush simply re-runs the steps. Under Inngest a
 * step's result is memoised by Inngest, not by a commit: a PostgreSQL crash could then lose a
 * reservation or a recorded reply whose step Inngest already holds as done (an order the next step
 * cannot find, a comment left PROCESSING for good), so there every such statement commits synchronously.
 */
export function stepCommitMode(): "on" | "off" {
  return usesInngest(env()) ? "on" : "off";
}
