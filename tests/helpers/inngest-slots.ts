import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { createInngestClient } from "@/lib/jobs/inngest-client";
import { inngestServer, serveInngestHandlers } from "./inngest-engine";

/**
 * How a keyed concurrency limit paces runs on a real Inngest server: probe functions with the Inngest
 * options an app function gets (concurrency, checkpointing — see lib/jobs/inngest-driver.ts), a handler of
 * a few short steps, and N events for ONE key sent at once. Each run's start (its step began) and end (the
 * last call of the run returned to Inngest) are recorded in this process. Used by
 * bench/inngest-slots.ts (the measurement) and inngest/concurrency-slots.test.ts (the regression test).
 */

type Options = InngestFunction.Options;

export interface SlotProbe {
  /** Function id (a slug); its event is `probe/<id>`. */
  id: string;
  concurrency?: Options["concurrency"];
  checkpointing?: Options["checkpointing"];
  throttle?: Options["throttle"];
  /** Steps per run (default 1), each taking stepMs. */
  steps?: number;
  /** Events sent, all with the same key value (`data.storeId`, `data.liveId`, `data.invoiceId` and `data.conversationKey`). */
  events: number;
  /** How long the run's one step takes. */
  stepMs?: number;
  /** Sent one every intervalMs instead of all at once. */
  intervalMs?: number;
}

export interface ProbeRun {
  n: number;
  /** ms after the events were sent. */
  start: number;
  end: number;
}

export interface ProbeResult {
  id: string;
  events: number;
  /** The runs that ended before the deadline, in order of start. */
  runs: ProbeRun[];
  /** For each run after the first: its start minus the latest end among the runs started before it (negative: overlapped). */
  waitsAfterPreviousEnd: number[];
  /** When the last run ended (ms after the send), or null when some did not end before the deadline. */
  allDoneMs: number | null;
  /** Most runs in progress at once. */
  maxOverlap: number;
}

export type ServerMode = { kind: "dev" } | { kind: "start"; postgresUrl: string; redisUri?: string };

/**
 * Starts the server (`inngest dev`, or a self-hosted `inngest start` on `postgresUrl` with event and signing
 * keys as in production), serves the probes, sends each probe's events and waits for its runs (probes one
 * after another, each until its runs ended or `deadlineMs` passed), then stops everything.
 */
export async function measureKeyedRuns({ bin, mode, probes, deadlineMs, tickMs = 50 }: { bin: string; mode: ServerMode; probes: SlotProbe[]; deadlineMs: number; tickMs?: number }): Promise<ProbeResult[]> {
  const signingHex = randomBytes(32).toString("hex");
  const eventKey = "slots-event-key";
  const runs = new Map<string, Map<number, { start?: number; end?: number }>>();
  let sentAt = 0;
  let client: ReturnType<typeof createInngestClient> | null = null;
  let functions: InngestFunction.Any[] = [];
  const build = () => {
    if (!client) throw new Error("served before the client exists");
    return serve({ client, functions });
  };
  const app = await serveInngestHandlers(build);
  const args =
    mode.kind === "dev"
      ? ["dev", "--no-discovery", "--no-poll"]
      : ["start", "--postgres-uri", mode.postgresUrl, "--event-key", eventKey, "--signing-key", signingHex, "--queue-workers", "20", "--no-ui", ...(mode.redisUri ? ["--redis-uri", mode.redisUri] : [])];
  const server = await inngestServer({ bin, appUrl: app.url, mode: args, tickMs, cwd: mkdtempSync(join(tmpdir(), "lss-inngest-slots-")) });
  client = createInngestClient(mode.kind === "dev" ? { isDev: true, baseUrl: server.url } : { eventKey, signingKey: `signkey-prod-${signingHex}`, baseUrl: server.url });
  const c = client;
  functions = probes.map((probe) => {
    const seen = new Map<number, { start?: number; end?: number }>();
    runs.set(probe.id, seen);
    return c.createFunction(
      {
        id: probe.id,
        triggers: [{ event: `probe/${probe.id}` }],
        retries: 0,
        ...(probe.concurrency && { concurrency: probe.concurrency }),
        ...(probe.checkpointing !== undefined && { checkpointing: probe.checkpointing }),
        ...(probe.throttle && { throttle: probe.throttle }),
      },
      async ({ event, step }: { event: { data: { n: number } }; step: { run(id: string, fn: () => Promise<unknown>): Promise<unknown> } }) => {
        const n = event.data.n;
        for (let i = 0; i < (probe.steps ?? 1); i++) {
          await step.run(`work-${i}`, async () => {
            const run = seen.get(n) ?? {};
            run.start ??= Date.now() - sentAt;
            seen.set(n, run);
            await new Promise((r) => setTimeout(r, probe.stepMs ?? 100));
            return n;
          });
        }
        // The run's last call returns now (without checkpointing, after a replay that finds the step memoised).
        seen.get(n)!.end = Date.now() - sentAt;
        return n;
      },
    ) as unknown as InngestFunction.Any;
  });
  // A function with no options, run once before the probes: the first probe is timed only once the server
  // (just started, its app synced) runs functions at all — on a loaded CI machine that took most of a
  // probe's deadline, and the first probe then reported no run ended.
  let readyAt: number | null = null;
  functions.push(c.createFunction({ id: "probe-ready", triggers: [{ event: "probe/ready" }], retries: 0 }, async () => (readyAt = Date.now())) as unknown as InngestFunction.Any);
  const results: ProbeResult[] = [];
  try {
    await server.start();
    await c.send({ name: "probe/ready", data: {} });
    const readyDeadline = Date.now() + 60_000;
    while (readyAt === null && Date.now() < readyDeadline) await new Promise((r) => setTimeout(r, 100));
    if (readyAt === null) throw new Error("the Inngest server ran no function within 60 s of its start");
    for (const probe of probes) {
      const seen = runs.get(probe.id)!;
      // One key value under every field the app's keys name (store, live, invoice, buyer conversation).
      const key = `key-${randomBytes(4).toString("hex")}`;
      sentAt = Date.now();
      const event = (n: number) => ({ name: `probe/${probe.id}`, data: { n, storeId: key, liveId: key, invoiceId: key, conversationKey: key } });
      if (!probe.intervalMs) await c.send(Array.from({ length: probe.events }, (_, n) => event(n)));
      else {
        for (let n = 0; n < probe.events; n++) {
          const wait = sentAt + n * probe.intervalMs - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          await c.send(event(n));
        }
      }
      const deadline = Date.now() + deadlineMs;
      while (Date.now() < deadline && [...seen.values()].filter((r) => r.end !== undefined).length < probe.events) {
        await new Promise((r) => setTimeout(r, 100));
      }
      results.push(summarise(probe, seen));
    }
  } finally {
    await server.stop();
    await app.close();
  }
  return results;
}

function summarise(probe: SlotProbe, seen: Map<number, { start?: number; end?: number }>): ProbeResult {
  const runs = [...seen.entries()]
    .filter((e): e is [number, { start: number; end: number }] => e[1].start !== undefined && e[1].end !== undefined)
    .map(([n, r]) => ({ n, start: r.start, end: r.end }))
    .sort((a, b) => a.start - b.start);
  const waitsAfterPreviousEnd: number[] = [];
  let latestEnd = -Infinity;
  let maxOverlap = 0;
  for (const [i, run] of runs.entries()) {
    if (i > 0) waitsAfterPreviousEnd.push(run.start - latestEnd);
    latestEnd = Math.max(latestEnd, run.end);
    maxOverlap = Math.max(maxOverlap, runs.filter((r) => r.start <= run.start && r.end > run.start).length);
  }
  return {
    id: probe.id,
    events: probe.events,
    runs,
    waitsAfterPreviousEnd,
    allDoneMs: runs.length === probe.events ? Math.max(...runs.map((r) => r.end)) : null,
    maxOverlap,
  };
}
