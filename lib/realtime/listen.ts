import pg from "pg";
import { z } from "zod";
import { STORE_EVENTS_CHANNEL, type StoreEvent } from "./notify";

/** A notification as published by `notifyStore`: the event plus its store and publish time. */
export type StoreEventMessage = StoreEvent & { storeId: string; at: number };

/**
 * What a subscriber receives: an event of its store, or `resync` after the LISTEN connection was
 * lost and re-established — notifications sent while it was down are gone, so clients refetch.
 */
export type HubSignal = { kind: "event"; event: StoreEventMessage } | { kind: "resync" };
type HubListener = (signal: HubSignal) => void;

export type StoreEventHub = {
  /** Starts listening (on first use) and delivers this store's events until the returned function is called. */
  subscribe(storeId: string, listener: HubListener): () => void;
  /** Resolves once LISTEN is active (waits through reconnects). */
  ready(): Promise<void>;
  stats(): { connected: boolean; subscribers: number; connects: number };
  close(): Promise<void>;
};

type HubLogger = { warn(message: string, ...rest: unknown[]): void };

export type StoreEventHubOptions = {
  connectionString: string;
  /** Reconnect delays grow from `initialMs` to `maxMs` (doubling, with jitter) while the database is away. */
  backoff?: { initialMs: number; maxMs: number };
  /** Release the connection this long after the last subscriber leaves. */
  idleCloseMs?: number;
  logger?: HubLogger;
};

const payloadSchema = z.object({ storeId: z.string().min(1), type: z.string().min(1), at: z.number().optional() }).passthrough();

function toMessage(value: unknown): StoreEventMessage | null {
  const parsed = payloadSchema.safeParse(value);
  if (!parsed.success) return null;
  return { ...parsed.data, at: parsed.data.at ?? Date.now() } as StoreEventMessage;
}

/** Parses one NOTIFY payload; anything malformed is dropped rather than crashing the shared connection. */
export function parseStoreEvent(payload: string | undefined): StoreEventMessage | null {
  if (!payload) return null;
  try {
    return toMessage(JSON.parse(payload));
  } catch {
    return null;
  }
}

/** A payload holds one event or, from the batching publisher (lib/realtime/publish.ts), an array of them. */
function parseStoreEvents(payload: string | undefined): StoreEventMessage[] {
  if (!payload) return [];
  try {
    const value: unknown = JSON.parse(payload);
    const list = Array.isArray(value) ? value : [value];
    return list.map(toMessage).filter((e): e is StoreEventMessage => e !== null);
  } catch {
    return [];
  }
}

/**
 * One dedicated PostgreSQL connection per process LISTENs on the store-events channel and fans each
 * notification out to the subscribers of its store (the SSE streams of every open dashboard tab).
 * A pooled connection would silently lose the subscription, hence a plain `pg.Client` of our own.
 */
export function createStoreEventHub({ connectionString, backoff = { initialMs: 250, maxMs: 10_000 }, idleCloseMs = 30_000, logger = console }: StoreEventHubOptions): StoreEventHub {
  const subscribers = new Map<string, Set<HubListener>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let attempt = 0;
  let connects = 0;
  let closed = false;
  let waiters: (() => void)[] = [];

  const count = () => [...subscribers.values()].reduce((n, s) => n + s.size, 0);

  const broadcast = (signal: HubSignal, storeId?: string) => {
    const targets = storeId ? [subscribers.get(storeId)] : [...subscribers.values()];
    for (const set of targets) {
      if (!set) continue;
      // oxlint-disable-next-line unicorn/no-useless-spread -- a copy: a listener may unsubscribe while we iterate
      for (const listener of [...set]) {
        try {
          listener(signal);
        } catch (error) {
          logger.warn("[realtime] subscriber threw", error);
        }
      }
    }
  };

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== STORE_EVENTS_CHANNEL) return;
    for (const event of parseStoreEvents(msg.payload)) {
      if (subscribers.has(event.storeId)) broadcast({ kind: "event", event }, event.storeId);
    }
  };

  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new pg.Client({ connectionString, keepAlive: true });
      let failed = false;
      const lost = (reason: string) => {
        if (failed) return;
        failed = true;
        if (client === next) client = null;
        next.removeAllListeners("notification");
        next.end().catch(() => undefined);
        if (!closed) {
          logger.warn(`[realtime] LISTEN connection lost (${reason}); reconnecting`);
          scheduleReconnect();
        }
      };
      next.on("error", (e) => lost(e.message));
      next.on("end", () => lost("connection ended"));
      next.on("notification", onNotification);
      try {
        await next.connect();
        await next.query(`LISTEN ${STORE_EVENTS_CHANNEL}`);
      } catch (error) {
        lost((error as Error).message);
        return;
      }
      if (closed || failed) {
        failed = true;
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      attempt = 0;
      connects++;
      // Anything published while we were disconnected was not delivered: tell subscribers to refetch.
      if (connects > 1) broadcast({ kind: "resync" });
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer || count() === 0) return;
    const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    attempt++;
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref?.();
  };

  const disconnect = async () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = client;
    client = null;
    if (current) {
      current.removeAllListeners();
      current.on("error", () => undefined);
      await current.end().catch(() => undefined);
    }
  };

  return {
    subscribe(storeId, listener) {
      if (closed) throw new Error("store event hub is closed");
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      let set = subscribers.get(storeId);
      if (!set) subscribers.set(storeId, (set = new Set()));
      set.add(listener);
      if (!client && !connecting && !retryTimer) void connect();
      return () => {
        const current = subscribers.get(storeId);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) subscribers.delete(storeId);
        if (count() === 0 && !closed) {
          idleTimer = setTimeout(() => {
            idleTimer = null;
            if (count() === 0) void disconnect();
          }, idleCloseMs);
          idleTimer.unref?.();
        }
      };
    },
    ready() {
      if (client) return Promise.resolve();
      if (!connecting && !retryTimer) void connect();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stats: () => ({ connected: client !== null, subscribers: count(), connects }),
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      subscribers.clear();
      await connecting?.catch(() => undefined);
      await disconnect();
    },
  };
}

const shared = globalThis as unknown as { __lssStoreEventHub?: { url: string; hub: StoreEventHub } };

/** The process-wide hub on DATABASE_URL (kept on globalThis: Next.js may load this module once per route bundle). */
export function storeEventHub(connectionString: string): StoreEventHub {
  if (shared.__lssStoreEventHub?.url !== connectionString) {
    void shared.__lssStoreEventHub?.hub.close();
    shared.__lssStoreEventHub = { url: connectionString, hub: createStoreEventHub({ connectionString }) };
  }
  return shared.__lssStoreEventHub.hub;
}
