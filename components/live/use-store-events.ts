"use client";
import { useEffect, useRef, useState } from "react";

/** A store event as the SSE endpoint sends it (ids only: the client refetches what changed). */
type StoreEventData = {
  storeId: string;
  type: "comment.received" | "comment.processed" | "order.updated" | "message.sent" | "product.updated" | "live.updated" | "buyer.updated" | "store.alert";
  at: number;
  commentId?: string;
  liveId?: string | null;
  orderId?: string | null;
  status?: string;
  messageId?: string;
  productId?: string;
  buyerId?: string;
  level?: "warning" | "error";
  code?: string;
  message?: string;
};

export type EventBatch = { events: StoreEventData[]; /** The stream (re)connected or the server lost its LISTEN: refetch everything. */ resync: boolean };
export type ConnectionState = "connecting" | "open" | "lost";

/**
 * Subscribes to `/api/v1/stores/{id}/events` and hands events over in batches, at most one per
 * `flushMs`: at 1,000 comments a minute the page refetches a few times a second, not per comment.
 * EventSource reconnects by itself; every (re)connection flushes a resync so nothing missed stays stale.
 */
export function useStoreEvents(storeId: string | null, onBatch: (batch: EventBatch) => void, { flushMs = 500 }: { flushMs?: number } = {}): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  const handler = useRef(onBatch);
  handler.current = onBatch;

  useEffect(() => {
    if (!storeId) return;
    let queue: StoreEventData[] = [];
    let resync = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const flush = () => {
      timer = null;
      if (queue.length === 0 && !resync) return;
      const batch = { events: queue, resync };
      queue = [];
      resync = false;
      handler.current(batch);
    };
    const schedule = () => {
      timer ??= setTimeout(flush, flushMs);
    };
    const source = new EventSource(`/api/v1/stores/${encodeURIComponent(storeId)}/events`);
    source.addEventListener("ready", () => {
      setState("open");
      // The first connection follows the page's own load; later ones may have missed events.
      if (opened) {
        resync = true;
        schedule();
      }
      opened = true;
    });
    source.addEventListener("resync", () => {
      resync = true;
      schedule();
    });
    source.onmessage = (e) => {
      try {
        queue.push(JSON.parse(e.data) as StoreEventData);
      } catch {
        return;
      }
      if (queue.length > 5_000) queue = queue.slice(-5_000);
      schedule();
    };
    source.onerror = () => setState("lost");
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [storeId, flushMs]);

  return state;
}
