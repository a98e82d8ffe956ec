import pg from "pg";
import type { JobLogger } from "../define";
import { JOBS_CHANNEL, parseWakePayload, type WakeStores } from "./wake";

/**
 * LISTEN on a dedicated connection (a pooled one would lose the subscription) so an idle worker
 * wakes within milliseconds of a commit. Reconnects on failure; polling covers the gap, and a
 * reconnect wakes the worker once in case a notification was missed. `onNotify` gets the stores the
 * NOTIFY names (null: any store, e.g. after a reconnect).
 */
export function listenForJobs({
  connectionString,
  onNotify,
  logger,
  reconnectMs = 1000,
}: {
  connectionString: string;
  onNotify: (stores: WakeStores) => void;
  logger: JobLogger;
  reconnectMs?: number;
}): { ready: Promise<void>; close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    // A wake-up published by this very process already woke its workers directly (see wake.ts).
    next.on("notification", (message) => {
      const wake = parseWakePayload(message.payload ?? "");
      if (!wake.own) onNotify(wake.stores);
    });
    next.on("error", (error) => {
      logger.warn("[jobs] LISTEN connection error:", error.message);
      scheduleReconnect(next);
    });
    next.on("end", () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${JOBS_CHANNEL}`);
    } catch (error) {
      logger.warn("[jobs] LISTEN failed, polling until it reconnects:", (error as Error).message);
      scheduleReconnect(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    onNotify(null);
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (closed || retry || (client && client !== failed)) return;
    client = undefined;
    failed.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, reconnectMs);
    retry.unref();
  };

  const ready = connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
