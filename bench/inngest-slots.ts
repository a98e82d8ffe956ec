/**
 * When does a keyed concurrency limit let the next run start on a real Inngest server? (`tsx bench/inngest-slots.ts`,
 * about 1–4 minutes; not part of `npm run bench`.) Probe functions with the Inngest options the app's functions
 * get (lib/jobs/inngest-driver.ts: concurrency per key, checkpointing) each receive N events for ONE key at once;
 * every run's start and end are recorded (tests/helpers/inngest-slots.ts). For a limit of 1, `waits` is how long
 * each run started after the previous one ended — a few tens of ms when the slot is released at the end of a run,
 * ~30 s when the server keeps it. Writes bench/results/inngest-slots-latest.json.
 *
 * Knobs: BENCH_SLOTS_MODES (dev,start,redis; default dev,start), BENCH_SLOTS_PROBES (probe ids, default all),
 * BENCH_SLOTS_DEADLINE_S (per probe, default 100), BENCH_REDIS_BIN (for `redis`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { findInngestBin } from "../tests/helpers/inngest-engine";
import { measureKeyedRuns, type ServerMode, type SlotProbe } from "../tests/helpers/inngest-slots";
import { findRedisBin, pct, round, startBenchPostgres, startRedis } from "./setup";

const PER_STORE_1: SlotProbe["concurrency"] = [{ key: "event.data.storeId", limit: 1 }];
const PER_STORE_50: SlotProbe["concurrency"] = [{ key: "event.data.storeId", limit: 50 }];
/** As lib/jobs/inngest-driver.ts serves a function: `true` (checkpoint after each step), or buffered for idempotent steps. */
const EVERY_STEP = true;
const BUFFERED = { bufferedSteps: 16, maxRuntime: "20s" };

const PER_STORE_10: SlotProbe["concurrency"] = [{ key: "event.data.storeId", limit: 10 }];

const THROTTLE: SlotProbe["throttle"] = { key: "event.data.storeId", limit: 250, period: "1s" };

const ALL_PROBES: SlotProbe[] = [
  { id: "limit1-checkpointed", concurrency: PER_STORE_1, checkpointing: EVERY_STEP, events: 6 },
  { id: "limit1-buffered", concurrency: PER_STORE_1, checkpointing: BUFFERED, events: 6 },
  // Several steps buffered into one checkpoint (process-comment's serving): the case session 11 saw stall.
  { id: "limit1-buffered-3-steps", concurrency: PER_STORE_1, checkpointing: BUFFERED, steps: 3, stepMs: 30, events: 4 },
  { id: "limit1-checkpointed-3-steps", concurrency: PER_STORE_1, checkpointing: EVERY_STEP, steps: 3, stepMs: 30, events: 4 },
  { id: "limit1-no-checkpointing", concurrency: PER_STORE_1, checkpointing: false, events: 6 },
  { id: "limit50-checkpointed", concurrency: PER_STORE_50, checkpointing: EVERY_STEP, events: 120 },
  { id: "limit50-no-checkpointing", concurrency: PER_STORE_50, checkpointing: false, events: 120 },
  { id: "no-limit-checkpointed", checkpointing: EVERY_STEP, events: 120 },
  // Longer series: a slot kept by only some runs shows up after a while (session 11: limit 10 at 5 runs/s stalled after ~10 s).
  { id: "limit1-checkpointed-x30", concurrency: PER_STORE_1, checkpointing: EVERY_STEP, events: 30 },
  { id: "limit1-buffered-x30", concurrency: PER_STORE_1, checkpointing: BUFFERED, events: 30 },
  { id: "limit10-buffered-5per-s", concurrency: PER_STORE_10, checkpointing: BUFFERED, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
  // process-comment as it was served in session 11: three buffered steps, a per-store limit and a per-store throttle.
  { id: "limit10-throttled-buffered-5per-s", concurrency: PER_STORE_10, throttle: THROTTLE, checkpointing: BUFFERED, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
  { id: "limit10-throttled-checkpointed-5per-s", concurrency: PER_STORE_10, throttle: THROTTLE, checkpointing: EVERY_STEP, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
  { id: "limit10-throttled-no-checkpointing-5per-s", concurrency: PER_STORE_10, throttle: THROTTLE, checkpointing: false, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
  { id: "throttled-buffered-5per-s", throttle: THROTTLE, checkpointing: BUFFERED, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
  { id: "limit10-checkpointed-5per-s", concurrency: PER_STORE_10, checkpointing: EVERY_STEP, steps: 3, stepMs: 30, events: 150, intervalMs: 200 },
];

const probe = (id: string) => ALL_PROBES.find((p) => p.id === id)!;

function lags(r: { runs: { n: number; start: number }[] }, intervalMs: number) {
  const lag = r.runs.map((x) => ({ n: x.n, ms: x.start - x.n * intervalMs }));
  const worstPer5s: number[] = [];
  for (const l of lag) {
    const bucket = Math.floor((l.n * intervalMs) / 5000);
    worstPer5s[bucket] = Math.max(worstPer5s[bucket] ?? 0, round(l.ms));
  }
  const ms = lag.map((l) => l.ms);
  return { start_lag_ms: [round(pct(ms, 50)), round(pct(ms, 95)), round(Math.max(...ms))], worst_start_lag_per_5s_ms: worstPer5s };
}

async function main() {
  const bin = findInngestBin();
  if (!bin) {
    console.warn("[bench] *** SKIPPED: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, inngest on the PATH) ***");
    return;
  }
  const modes = (process.env.BENCH_SLOTS_MODES ?? "dev,start").split(",");
  const only = process.env.BENCH_SLOTS_PROBES?.split(",");
  const probes = ALL_PROBES.filter((p) => !only || only.includes(p.id));
  const deadlineMs = Number(process.env.BENCH_SLOTS_DEADLINE_S ?? 100) * 1000;
  const db = modes.some((m) => m !== "dev") ? await startBenchPostgres({ prefix: "lss-bench-slots-pg" }) : null;
  const out: Record<string, unknown>[] = [];
  try {
    for (const [i, name] of modes.entries()) {
      let redis: Awaited<ReturnType<typeof startRedis>> | null = null;
      let mode: ServerMode = { kind: "dev" };
      if (name !== "dev") {
        await db!.createDatabase(`slots${i}`);
        if (name === "redis") {
          const redisBin = findRedisBin();
          if (!redisBin) {
            console.warn("[bench] redis SKIPPED: no redis-server (BENCH_REDIS_BIN or the PATH)");
            continue;
          }
          redis = await startRedis(redisBin);
        }
        mode = { kind: "start", postgresUrl: `${db!.server}/slots${i}`, ...(redis && { redisUri: redis.uri }) };
      }
      try {
        const load = loadavg()[0]!;
        const results = await measureKeyedRuns({ bin, mode, probes, deadlineMs });
        for (const r of results) {
          const row = {
            server: name === "dev" ? "inngest dev" : name === "redis" ? "inngest start (PostgreSQL + Redis)" : "inngest start (PostgreSQL)",
            probe: r.id,
            events: r.events,
            ended: r.runs.length,
            all_done_ms: r.allDoneMs,
            max_overlap: r.maxOverlap,
            // limit 1: each run's start after the previous end; limit 50: when runs started (first, 50th, 51st, last).
            ...(r.events <= 30
              ? { waits_after_previous_end_ms: r.waitsAfterPreviousEnd.map(round), run_ms: r.runs.map((x) => round(x.end - x.start)) }
              : { starts_ms: Object.fromEntries([1, 50, 51, 100, r.runs.length].filter((k) => k <= r.runs.length).map((k) => [k, round(r.runs[k - 1]!.start)])) }),
            // Paced probes: how long after its event was sent each run started (p50 / p95 / max), and the worst per 5 s of sending.
            ...(probe(r.id).intervalMs && lags(r, probe(r.id).intervalMs!)),
            load_average_1m: round(load),
          };
          console.log("[bench] slots:", JSON.stringify(row));
          out.push(row);
        }
      } finally {
        await redis?.stop();
      }
    }
  } finally {
    await db?.stop();
  }
  const dir = "bench/results";
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "inngest-slots-latest.json"), JSON.stringify({ at: new Date().toISOString(), deadline_s: deadlineMs / 1000, results: out }, null, 2));
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
