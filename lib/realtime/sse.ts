import { metrics } from "@/lib/observability/metrics";
import type { HubSignal, StoreEventHub } from "./listen";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression middleware from buffering the stream; proxies must not cache it.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

const HEARTBEAT_MS = 15_000;

/** One SSE frame. `data` is JSON on a single line, so no line of it can be mistaken for a field. */
function sseFrame({ event, data, id }: { event?: string; data: unknown; id?: string }) {
  return `${id ? `id: ${id}\n` : ""}${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
}

export type SseStreamOptions = {
  hub: StoreEventHub;
  storeId: string;
  /** Aborts when the client goes away. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Re-checked at every heartbeat: a member removed from the store stops receiving its events. */
  stillAuthorized?: () => Promise<boolean>;
  /** A client this far behind (queued bytes) is cut off; EventSource reconnects and resyncs. */
  maxQueuedBytes?: number;
  /** How long EventSource waits before reconnecting. */
  retryMs?: number;
};

/**
 * The server-sent-event stream of one store: `ready` first, then one default-type message per store
 * event, `resync` after the shared LISTEN connection came back, and a comment line every
 * `heartbeatMs` so idle proxies keep the connection open and dead clients are noticed.
 */
export function storeEventStream({ hub, storeId, signal, heartbeatMs = HEARTBEAT_MS, stillAuthorized, maxQueuedBytes = 1_000_000, retryMs = 2_000 }: SseStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | null = null;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        let heartbeat: NodeJS.Timeout | null = null;
        let unsubscribe: (() => void) | null = null;

        const stop = () => {
          if (!open) return;
          open = false;
          metrics().sseClients.dec();
          unsubscribe?.();
          if (heartbeat) clearInterval(heartbeat);
          signal?.removeEventListener("abort", stop);
          try {
            controller.close();
          } catch {
            /* already closed by the consumer */
          }
        };
        cleanup = stop;

        const write = (text: string) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) < -maxQueuedBytes) return stop();
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };

        metrics().sseClients.inc();
        if (signal?.aborted) return stop();
        signal?.addEventListener("abort", stop);

        write(`retry: ${retryMs}\n\n`);
        unsubscribe = hub.subscribe(storeId, (s: HubSignal) => {
          if (s.kind === "resync") write(sseFrame({ event: "resync", data: { storeId, at: Date.now() } }));
          else write(sseFrame({ data: s.event }));
        });
        write(sseFrame({ event: "ready", data: { storeId, at: Date.now() } }));

        heartbeat = setInterval(async () => {
          if (stillAuthorized && !(await stillAuthorized().catch(() => true))) return stop();
          write(`: heartbeat ${Date.now()}\n\n`);
        }, heartbeatMs);
        heartbeat.unref?.();
      },
      cancel() {
        cleanup?.();
      },
    },
    // Count bytes so `desiredSize` says how far behind a slow reader is.
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
