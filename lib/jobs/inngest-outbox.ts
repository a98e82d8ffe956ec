import { randomUUID } from "node:crypto";
import { hotPathDb, type SqlDb } from "@/lib/db";
import { currentRequestContext } from "@/lib/observability/request-context";
import type { JobDriver } from "./define";
import { prepareEvents, type PreparedEvent, type SendableEvent } from "./events";
import type { OutboxJobRow } from "./local/job-rows";
import { insertJobRows } from "./local/send";
import { publishWake } from "./local/wake";

/**
 * The `functionId` of an event waiting in the outbox for the Inngest relay (inngest-relay.ts). No job
 * function has this id (ids are checked against lib/jobs/routes.ts), so a local worker never claims it.
 */
export const INNGEST_OUTBOX = "inngest-outbox";

/**
 * Under Inngest the outbox holds one `jobs` row per event (Inngest fans it out to its functions): the
 * same row shape, written by the same statements, as the local driver's job rows, so every producer
 * writes its events in the transaction or statement of the state change on both drivers. The event's
 * id is unique per outbox (`functionId`, `eventId`): a re-sent event is a no-op here, and it is the
 * id the relay gives Inngest, which drops a re-delivery after a relay crash. Due at once: an event
 * scheduled for later (a future `ts`) is handed to Inngest now, which starts its runs then.
 */
function inngestOutboxRows(events: readonly PreparedEvent[]): OutboxJobRow[] {
  const rid = currentRequestContext()?.request_id;
  return events.map((event) => ({
    id: randomUUID(),
    functionId: INNGEST_OUTBOX,
    eventName: event.name,
    eventId: event.id,
    payload: JSON.stringify(rid ? { ...event, rid } : event),
    maxAttempts: 1,
    concurrencyKey: null,
    storeId: typeof event.data.storeId === "string" ? event.data.storeId : null,
    runAt: null,
  }));
}

export interface InngestOutboxDriver extends JobDriver {
  readonly kind: "inngest";
  outboxRows(events: SendableEvent | readonly SendableEvent[]): OutboxJobRow[];
}

/**
 * The Inngest driver's producer side: events become outbox rows, never HTTP calls. With `{ tx }` the
 * rows (and a NOTIFY for the relay) join the caller's transaction exactly as on the local driver; an
 * Inngest outage delays the events and never fails or rolls back the state change.
 */
export function createInngestDriver({ db = hotPathDb }: { db?: SqlDb } = {}): InngestOutboxDriver {
  return {
    kind: "inngest",
    async send(events, options) {
      const prepared = prepareEvents(events);
      const rows = inngestOutboxRows(prepared);
      if (options?.tx) await insertJobRows(options.tx, rows, true);
      else if ((await insertJobRows(db, rows, false)) > 0) publishWake(db, { storeIds: rows.map((r) => r.storeId) });
      return { ids: prepared.map((e) => e.id) };
    },
    outboxRows: (events) => inngestOutboxRows(prepareEvents(events)),
  };
}
