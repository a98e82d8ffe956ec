import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { prisma, type SqlClient } from "@/lib/db";
import { notifyStore } from "@/lib/realtime/notify";
import { createStoreEventHub, parseStoreEvent, type HubSignal } from "@/lib/realtime/listen";
import { storeEventStream } from "@/lib/realtime/sse";
import * as eventsRoute from "@/app/api/v1/stores/[id]/events/route";
import { NextRequest } from "next/server";
import { createStoreFor, signUp } from "./helpers/factories";

const url = () => process.env.DATABASE_URL!;
const quiet = { warn: () => undefined };

function collect() {
  const got: HubSignal[] = [];
  return { got, listener: (s: HubSignal) => got.push(s) };
}

async function until<T>(fn: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reads an SSE body until `done(text)` says enough, then cancels the stream. */
async function readSse(body: ReadableStream<Uint8Array>, done: (text: string) => boolean, timeoutMs = 5_000) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!done(text)) {
      const { value, done: end } = await reader.read();
      if (end) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

const hubs: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const h of hubs) await h.close();
});

describe("store event hub (LISTEN side)", () => {
  it("delivers a NOTIFY published on another connection to that store's subscribers only", async () => {
    const hub = createStoreEventHub({ connectionString: url(), logger: quiet });
    hubs.push(hub);
    const a = collect();
    const b = collect();
    hub.subscribe("store-a", a.listener);
    hub.subscribe("store-b", b.listener);
    await hub.ready();

    await notifyStore("store-a", { type: "comment.received", commentId: "c1", liveId: "l1" });
    const got = await until(() => a.got.find((s) => s.kind === "event"));
    expect(got).toMatchObject({ kind: "event", event: { storeId: "store-a", type: "comment.received", commentId: "c1", liveId: "l1" } });
    await new Promise((r) => setTimeout(r, 150));
    expect(b.got).toEqual([]);
    expect(hub.stats()).toMatchObject({ connected: true, subscribers: 2, connects: 1 });
  });

  it("a notification inside a rolled-back transaction never reaches subscribers", async () => {
    const hub = createStoreEventHub({ connectionString: url(), logger: quiet });
    hubs.push(hub);
    const a = collect();
    hub.subscribe("store-tx", a.listener);
    await hub.ready();
    await prisma
      .$transaction(async (tx) => {
        await notifyStore("store-tx", { type: "product.updated", productId: "rolled-back" }, tx);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await notifyStore("store-tx", { type: "product.updated", productId: "committed" });
    await until(() => a.got.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.got.map((s) => s.kind === "event" && "productId" in s.event && s.event.productId)).toEqual(["committed"]);
  });

  it("reconnects after its connection is killed, tells subscribers to resync, and delivers again", async () => {
    const hub = createStoreEventHub({ connectionString: url(), backoff: { initialMs: 20, maxMs: 100 }, logger: quiet });
    hubs.push(hub);
    const a = collect();
    hub.subscribe("store-r", a.listener);
    await hub.ready();

    // Kill the listening backend from another connection, as a database restart or failover would.
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query ILIKE 'LISTEN lss_store_events%' AND pid <> pg_backend_pid()`);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);

    await until(() => a.got.find((s) => s.kind === "resync"));
    expect(hub.stats().connects).toBeGreaterThanOrEqual(2);
    await notifyStore("store-r", { type: "live.updated", liveId: "after-reconnect" });
    const event = await until(() => a.got.find((s) => s.kind === "event"));
    expect(event).toMatchObject({ event: { liveId: "after-reconnect" } });
  });

  it("releases its connection after the last subscriber leaves", async () => {
    const hub = createStoreEventHub({ connectionString: url(), idleCloseMs: 30, logger: quiet });
    hubs.push(hub);
    const off = hub.subscribe("store-idle", () => undefined);
    await hub.ready();
    expect(hub.stats().connected).toBe(true);
    off();
    await until(() => !hub.stats().connected || undefined, 2_000).catch(() => undefined);
    expect(hub.stats()).toMatchObject({ connected: false, subscribers: 0 });
  });

  it("drops malformed payloads instead of failing", () => {
    expect(parseStoreEvent("not json")).toBeNull();
    expect(parseStoreEvent(JSON.stringify({ type: "x" }))).toBeNull();
    expect(parseStoreEvent(undefined)).toBeNull();
    expect(parseStoreEvent(JSON.stringify({ storeId: "s", type: "live.updated", liveId: "l", at: 5 }))).toEqual({ storeId: "s", type: "live.updated", liveId: "l", at: 5 });
  });
});

describe("store event stream (SSE)", () => {
  it("writes ready, then each event as a data line, and heartbeat comments while idle", async () => {
    const hub = createStoreEventHub({ connectionString: url(), logger: quiet });
    hubs.push(hub);
    const stream = storeEventStream({ hub, storeId: "store-sse", heartbeatMs: 50 });
    await hub.ready();
    setTimeout(() => void notifyStore("store-sse", { type: "order.updated", orderId: "o1", status: "PAID" }), 50);
    const text = await readSse(stream, (t) => t.includes('"orderId":"o1"') && t.includes(": heartbeat"));
    expect(text).toMatch(/^retry: \d+\n\n/);
    expect(text).toContain("event: ready\n");
    const data = text.split("\n").find((l) => l.includes('"orderId":"o1"'))!;
    expect(JSON.parse(data.replace(/^data: /, ""))).toMatchObject({ storeId: "store-sse", type: "order.updated", status: "PAID" });
  });

  it("ends the stream at the next heartbeat once the member is no longer authorised", async () => {
    const hub = createStoreEventHub({ connectionString: url(), logger: quiet });
    hubs.push(hub);
    let allowed = true;
    const stream = storeEventStream({ hub, storeId: "store-revoke", heartbeatMs: 30, stillAuthorized: async () => allowed });
    setTimeout(() => (allowed = false), 60);
    const reader = stream.getReader();
    const started = Date.now();
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      if (Date.now() - started > 3_000) throw new Error("stream did not end");
    }
    expect(hub.stats().subscribers).toBe(0);
  });

  it("the events route streams a member's store and answers 404 for another tenant's store", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const stranger = await signUp();
    const ctl = new AbortController();
    const req = (token: string) =>
      new NextRequest(new URL(`/api/v1/stores/${store.id}/events`, "http://localhost:3000"), { headers: { authorization: `Bearer ${token}` }, signal: ctl.signal });

    const denied = await eventsRoute.GET(req(stranger.accessToken), { params: Promise.resolve({ id: store.id }) });
    expect(denied.status).toBe(404);

    const res = await eventsRoute.GET(req(owner.accessToken), { params: Promise.resolve({ id: store.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const publish = setInterval(() => void notifyStore(store.id, { type: "live.updated", liveId: "from-route" }), 100);
    const other = setInterval(() => void notifyStore("someone-else", { type: "live.updated", liveId: "leak" }), 50);
    try {
      const text = await readSse(res.body!, (t) => t.includes("from-route"));
      expect(text).toContain("event: ready");
      expect(text).toContain(`"storeId":"${store.id}"`);
      expect(text).not.toContain("leak");
    } finally {
      clearInterval(publish);
      clearInterval(other);
      ctl.abort();
    }
  });
});

describe("batched publisher (after commit)", () => {
  it("delivers many events published together, in few NOTIFYs, each to its own store", async () => {
    const { publishStoreEvent, flushStoreEvents } = await import("@/lib/realtime/publish");
    const hub = createStoreEventHub({ connectionString: url(), logger: quiet });
    hubs.push(hub);
    const a = collect();
    const b = collect();
    hub.subscribe("pub-a", a.listener);
    hub.subscribe("pub-b", b.listener);
    await hub.ready();
    for (let i = 0; i < 300; i++) publishStoreEvent(i % 3 === 0 ? "pub-b" : "pub-a", { type: "comment.received", commentId: `c${i}`, liveId: "l" });
    await flushStoreEvents();
    await until(() => a.got.length === 200 && b.got.length === 100);
    const ids = a.got.map((s) => (s.kind === "event" && s.event.type === "comment.received" ? s.event.commentId : ""));
    expect(new Set(ids).size).toBe(200);
  });

  it("splits payloads under PostgreSQL's 8000-byte NOTIFY limit", async () => {
    const { packPayloads } = await import("@/lib/realtime/publish");
    const events = Array.from({ length: 500 }, (_, i) => JSON.stringify({ storeId: "s", type: "comment.received", commentId: `comment-${i}-${"x".repeat(40)}` }));
    const payloads = packPayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => JSON.parse(p) as unknown[]).length).toBe(500);
  });

  it("a failed publish is logged, never thrown into the pipeline", async () => {
    const { publishStoreEvent, flushStoreEvents, configureStoreEventPublisher } = await import("@/lib/realtime/publish");
    const { hotPathDb } = await import("@/lib/db");
    const failing: SqlClient = { $queryRaw: () => Promise.reject(new Error("db down")), $executeRaw: () => Promise.reject(new Error("db down")) };
    configureStoreEventPublisher({ db: failing });
    try {
      publishStoreEvent("s", { type: "live.updated", liveId: "l" });
      await expect(flushStoreEvents()).resolves.toBeUndefined();
    } finally {
      configureStoreEventPublisher({ db: hotPathDb });
    }
  });
});
