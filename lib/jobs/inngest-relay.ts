import { hotPathDb, type SqlDb } from "@/lib/db";
import type { JobLogger } from "./define";
import type { InngestClient } from "./inngest-client";
import { INNGEST_OUTBOX } from "./inngest-outbox";
import { listenForJobs } from "./local/listen";
import { onLocalWake } from "./local/wake";

export interface InngestRelayOptions {
  client: Pick<InngestClient, "send">;
  db?: SqlDb;
  /** LISTEN here for producers' wake-ups (other processes); omitted: this process's wake-ups and polling only. */
  listenConnectionString?: string;
  logger: JobLogger;
  /** Events per Inngest request. */
  batchSize?: number;
  /** Deliveries (claim → send → mark) at once: rows stored while one send is in flight go out beside it. */
  maxInFlight?: number;
  /** A claimed row whose relay died is claimed again after this. */
  leaseMs?: number;
  /** Polling for rows whose wake-up was lost. */
  pollMs?: number;
  /** Backoff after failed sends: base × 2^(failures in a row - 1), capped, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface InngestRelay {
  /** Delivers every due outbox row now, ignoring a backoff (tests); resolves when none is left or a send failed. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

type Claimed = { id: string; eventId: string; payload: { name: string; data: Record<string, unknown>; ts: number }; attempts: number };

/**
 * Delivers the Inngest outbox (see inngest-outbox.ts) after the producers' commits: claims due rows
 * with a lease, sends them in one request with their event ids (Inngest drops an id it has already
 * seen, so a relay that dies between the send and the mark re-sends harmlessly), then marks them sent.
 * A failed send (Inngest unreachable, 5xx) puts the rows back with exponential backoff and logs it:
 * the events wait in PostgreSQL and go out in order once Inngest answers again. Nothing is dropped:
 * an outbox row has no attempt limit. Several relays (one per worker process) share the outbox.
 */
export function startInngestRelay({
  client,
  db = hotPathDb,
  listenConnectionString,
  logger,
  batchSize = 200,
  maxInFlight = 4,
  leaseMs = 30_000,
  pollMs = 1_000,
  retryBaseMs = 250,
  retryMaxMs = 30_000,
}: InngestRelayOptions): InngestRelay {
  let stopped = false;
  /** Deliveries running now; `again`: a wake-up came while all were busy. */
  const inFlight = new Set<Promise<void>>();
  let again = false;
  // The backoff is the relay's, not the rows': they keep their order and go out first once Inngest answers.
  let backoffUntil = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (ms: number) => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      wake();
    }, ms);
    timer.unref();
  };

  /** One delivery: claims due rows, sends them, marks them sent. False when there was nothing to send or it failed. */
  async function deliver(): Promise<boolean> {
    if (stopped) return false;
    const wait = backoffUntil - Date.now();
    if (wait > 0) {
      schedule(wait);
      return false;
    }
    let rows: Claimed[];
    try {
      rows = await claimOutboxRows(db, batchSize, leaseMs);
    } catch (error) {
      logger.warn("[inngest-relay] reading the outbox failed, retrying:", (error as Error).message);
      schedule(pollMs);
      return false;
    }
    if (rows.length === 0) return false;
    // A full batch: more rows are likely waiting; claim them beside this send instead of after it.
    if (rows.length === batchSize) wake();
    try {
      await client.send(rows.map((r) => ({ name: r.payload.name, data: r.payload.data, id: r.eventId, ts: r.payload.ts })));
    } catch (error) {
      failures++;
      const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(failures - 1, 16)) * (0.8 + Math.random() * 0.4);
      backoffUntil = Date.now() + delay;
      logger.warn(`[inngest-relay] sending ${rows.length} event(s) to Inngest failed (${failures} in a row); retrying in ${Math.round(delay)} ms:`, (error as Error).message);
      await release(db, rows, (error as Error).message).catch(() => undefined); // else the lease expires
      schedule(delay);
      return false;
    }
    failures = 0;
    backoffUntil = 0;
    await markSent(db, rows).catch((error: Error) => logger.warn("[inngest-relay] marking events sent failed (they will be re-sent, Inngest drops the duplicates):", error.message));
    return true;
  }

  /** Deliveries until the outbox has nothing due (or a send failed). */
  async function pump(): Promise<void> {
    while (await deliver());
  }

  function wake() {
    if (stopped) return;
    if (inFlight.size >= maxInFlight) {
      again = true;
      return;
    }
    const run = pump().finally(() => {
      inFlight.delete(run);
      if (again) {
        again = false;
        wake();
      }
    });
    inFlight.add(run);
  }

  const unsubscribe = onLocalWake(wake);
  const listener = listenConnectionString ? listenForJobs({ connectionString: listenConnectionString, onNotify: wake, logger }) : null;
  const poll = setInterval(wake, pollMs);
  poll.unref();
  wake();

  return {
    async flush() {
      while (inFlight.size > 0) await Promise.all(inFlight);
      backoffUntil = 0;
      clearTimeout(timer);
      timer = undefined;
      const run = pump();
      inFlight.add(run);
      await run.finally(() => inFlight.delete(run));
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(timer);
      unsubscribe();
      await listener?.close();
      await Promise.all(inFlight);
    },
  };
}

/** Leases up to `max` outbox rows due for delivery (queued, or running with an expired lease), oldest first. */
export async function claimOutboxRows(db: SqlDb, max: number, leaseMs: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE jobs j SET status = 'RUNNING', attempts = j.attempts + 1, "lockedUntil" = now() + ${leaseMs}::int * interval '1 millisecond', "updatedAt" = now()
    FROM (
      SELECT id FROM jobs
      -- The function is a filter, not an index condition ("IS TRUE"): the unique index on ("functionId",
      -- "eventId") holds every event ever relayed, and the planner would read all of it whenever its
      -- statistics were stale; the partial indexes on queued and running jobs hold only live work.
      WHERE ("functionId" = ${INNGEST_OUTBOX}) IS TRUE
        AND ((status = 'QUEUED' AND "runAt" <= now()) OR (status = 'RUNNING' AND "lockedUntil" < now()))
      ORDER BY "runAt", "createdAt"
      LIMIT ${max}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE j.id = due.id
    RETURNING j.id, j."eventId", j.payload, j.attempts`;
}

async function markSent(db: SqlDb, rows: Claimed[]) {
  await db.$executeRaw`
    UPDATE jobs SET status = 'COMPLETED', "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = now()
    WHERE id = ANY(${rows.map((r) => r.id)}::text[])`;
}

async function release(db: SqlDb, rows: Claimed[], error: string) {
  await db.$executeRaw`
    UPDATE jobs SET status = 'QUEUED', "lockedUntil" = NULL, "lastError" = ${error.slice(0, 500)}, "updatedAt" = now()
    WHERE id = ANY(${rows.map((r) => r.id)}::text[])`;
}
