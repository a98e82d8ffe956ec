import pg from "pg";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createInngestClient } from "@/lib/jobs/inngest-client";
import { toInngestFunction } from "@/lib/jobs/inngest-driver";
import { findInngestBin } from "@/tests/helpers/inngest-engine";
import { measureKeyedRuns, type ProbeResult, type SlotProbe } from "@/tests/helpers/inngest-slots";
import { jobFunctions } from "./functions";

/**
 * The app's concurrency options on the self-hosted server (`inngest start` 1.43 on PostgreSQL): a run of a
 * limited key must start when the previous run of that key ENDED, not ~30 s later. That server can hold a
 * slot ~30 s after a run whose steps were buffered into one checkpoint (bench/inngest-slots.ts; session 11
 * saw it as process-comment's stalls): a limit of 1 would then serve one stock release, one reconcile or
 * one invoice per key every 30 s, a per-store 50 about 100 runs per store per minute. Each probe below is
 * served with exactly the options an app function gets (lib/jobs/inngest-driver.ts: concurrency, throttle,
 * checkpointing), one probe per distinct set, with a handler of three short steps. Skipped — visibly — when
 * no Inngest binary exists on this machine.
 */
const bin = findInngestBin();
if (!bin) console.warn("\n*** INNGEST SLOT TESTS DID NOT RUN: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, or inngest on the PATH) ***\n");

/** The Inngest options each app function is served with, grouped: one probe per distinct set, named by its functions. */
function probesForAppFunctions(): (SlotProbe & { functions: string[]; limit: number | null })[] {
  const client = createInngestClient({ isDev: true });
  const byOptions = new Map<string, SlotProbe & { functions: string[]; limit: number | null }>();
  for (const def of jobFunctions) {
    const { concurrency, throttle, checkpointing } = toInngestFunction(def, client).opts;
    if (!concurrency && !throttle) continue;
    const key = JSON.stringify({ concurrency, throttle, checkpointing });
    const existing = byOptions.get(key);
    if (existing) {
      existing.functions.push(def.id);
      continue;
    }
    const limits = (Array.isArray(concurrency) ? concurrency : concurrency === undefined ? [] : [concurrency]).map((c) => (typeof c === "number" ? c : c.limit));
    const limit = limits.length ? Math.min(...limits) : null;
    byOptions.set(key, {
      id: `probe-${byOptions.size}`,
      functions: [def.id],
      limit,
      ...(concurrency && { concurrency }),
      ...(throttle && { throttle }),
      ...(checkpointing !== undefined && { checkpointing }),
      // Limit 1: four runs in a row. Larger limits (and the throttled hot path): 60 at once, more than a per-store limit of 50.
      events: limit === 1 ? 8 : 60,
      steps: 3,
      stepMs: 30,
    });
  }
  return [...byOptions.values()];
}

const probes = probesForAppFunctions();
let results: ProbeResult[] = [];
let database: string;

describe.skipIf(!bin)("concurrency slots on the self-hosted Inngest server", () => {
  beforeAll(async () => {
    const server = inject("pgServerUrl");
    database = `inngest_slots_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`).finally(() => admin.end());
    // Each probe waits at most 20 s for its runs: a slot held ~30 s shows as runs that did not end, not as a hang.
    results = await measureKeyedRuns({ bin: bin!, mode: { kind: "start", postgresUrl: `${server}/${database}` }, probes, deadlineMs: 20_000 });
  }, 180_000);

  afterAll(async () => {
    if (!database) return;
    const admin = new pg.Client({ connectionString: `${inject("pgServerUrl")}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
  });

  test("the functions limited to one run per key (serve-waitlist, handle-message, resend-after-reconnect, reconcile-live, charge-invoice) and the platform sweeps start a key's next run within 5 s of the previous one's end, never two at once", () => {
    const limitedToOne = probes.filter((p) => p.limit === 1);
    expect(limitedToOne.flatMap((p) => p.functions)).toEqual(expect.arrayContaining(["serve-waitlist", "handle-message", "resend-after-reconnect", "reconcile-live", "charge-invoice", "billing-sweep"]));
    for (const probe of limitedToOne) {
      const result = results.find((r) => r.id === probe.id)!;
      const seen = { functions: probe.functions, ended: result.runs.length, waitsAfterPreviousEnd: result.waitsAfterPreviousEnd, maxOverlap: result.maxOverlap };
      expect(seen).toMatchObject({ ended: probe.events, maxOverlap: 1 });
      expect(Math.max(...result.waitsAfterPreviousEnd), JSON.stringify(seen)).toBeLessThan(5_000);
    }
  });

  test("60 runs of one store, at once, of the functions with the default per-store limit of 50 (order-lifecycle, payment-succeeded…) and of process-comment (per-store throttle): all end, no start waits 10 s after the one before", () => {
    const perStore = probes.filter((p) => p.limit !== 1);
    expect(perStore.flatMap((p) => p.functions)).toEqual(expect.arrayContaining(["order-lifecycle", "payment-succeeded", "process-comment"]));
    expect(perStore.find((p) => p.functions.includes("process-comment"))?.limit).toBeNull();
    for (const probe of perStore) {
      const result = results.find((r) => r.id === probe.id)!;
      const gaps = result.runs.slice(1).map((run, i) => run.start - result.runs[i]!.start);
      const seen = { functions: probe.functions, ended: result.runs.length, allDoneMs: result.allDoneMs, longestGapBetweenStarts: Math.max(0, ...gaps) };
      expect(seen, JSON.stringify(seen)).toMatchObject({ ended: probe.events });
      expect(seen.longestGapBetweenStarts, JSON.stringify(seen)).toBeLessThan(10_000);
      expect(result.maxOverlap).toBeLessThanOrEqual(probe.limit ?? Infinity);
    }
  });
});
