import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { createInngestClient } from "./inngest-client";
import { createInngestDriver, INNGEST_OUTBOX } from "./inngest-outbox";
import { claimOutboxRows, startInngestRelay, type InngestRelay } from "./inngest-relay";
import { explainBuffers } from "@/tests/helpers/explain-buffers";
import { jobs } from "./index";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** A stand-in for Inngest's event API that can be "down" (500 or connection refused). */
let received: { id: string; name: string; data: unknown }[] = [];
let down = false;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (down) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "down", status: 500 }));
      return;
    }
    const events = JSON.parse(body) as { id: string; name: string; data: unknown }[];
    received.push(...events);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await disconnectPrisma();
});

let relay: InngestRelay | null = null;
afterEach(async () => {
  await relay?.stop();
  relay = null;
  await prisma.job.deleteMany({ where: { functionId: INNGEST_OUTBOX } });
  received = [];
  down = false;
  for (const name of ["INNGEST_DEV", "INNGEST_BASE_URL"]) delete process.env[name];
  reloadEnv();
});

function relayTo(url = baseUrl) {
  // Polling and backoff long: the tests drive the relay with flush(), nothing runs behind their back.
  relay = startInngestRelay({ client: createInngestClient({ eventKey: "test-key", baseUrl: url }), logger: quiet, pollMs: 60_000, retryBaseMs: 60_000, retryMaxMs: 60_000 });
  return relay;
}

const outbox = (eventId: string) => prisma.job.findFirst({ where: { functionId: INNGEST_OUTBOX, eventId } });

describe("Inngest outbox and relay", () => {
  test("with { tx } the event joins the transaction: a rollback leaves no event, a commit survives Inngest being down", async () => {
    down = true;
    const driver = createInngestDriver();
    await expect(
      prisma.$transaction(async (tx) => {
        await driver.send({ name: "order/created", id: "order-created:rolled-back", data: { orderId: "o1", storeId: "s1" } }, { tx });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await outbox("order-created:rolled-back")).toBeNull();

    // Inngest is down: the state change still commits (before, { tx } sent at once and the outage rolled it back).
    await prisma.$transaction(async (tx) => {
      await driver.send({ name: "stock/released", id: "released:during-outage", data: { storeId: "s1", productIds: ["p1"] } }, { tx });
    });
    expect(await outbox("released:during-outage")).toMatchObject({ status: "QUEUED" });
    expect(received).toEqual([]);
  });

  test("an outage delays events, never loses them: the relay retries with backoff and delivers each event once", async () => {
    const driver = createInngestDriver();
    await driver.send([
      { name: "order/created", id: "order-created:o-a", data: { orderId: "o-a", storeId: "s1" } },
      { name: "order/created", id: "order-created:o-b", data: { orderId: "o-b", storeId: "s1" } },
    ]);
    down = true;
    const r = relayTo();
    await r.flush();
    expect(received).toEqual([]);
    const waiting = await outbox("order-created:o-a");
    expect(waiting).toMatchObject({ status: "QUEUED", lastError: expect.stringMatching(/500/) });
    expect(waiting!.attempts).toBeGreaterThanOrEqual(1);

    down = false;
    await r.flush(); // the backoff is over (flush skips the wait)
    expect(received.map((e) => e.id).sort()).toEqual(["order-created:o-a", "order-created:o-b"]);
    expect(received[0]).toMatchObject({ name: "order/created", data: { storeId: "s1" } });
    expect(await outbox("order-created:o-a")).toMatchObject({ status: "COMPLETED", lastError: null });

    await r.flush();
    expect(received).toHaveLength(2);
  });

  test("Inngest unreachable (connection refused) is retried the same way", async () => {
    await createInngestDriver().send({ name: "email/requested", id: "email:refused", data: { emailId: "e1" } });
    const r = relayTo("http://127.0.0.1:9");
    await r.flush();
    expect(await outbox("email:refused")).toMatchObject({ status: "QUEUED", lastError: expect.stringMatching(/./) });
  });

  test("a relay that died after claiming (lease expired) is replaced: the event is re-sent under the same id", async () => {
    await createInngestDriver().send({ name: "email/requested", id: "email:lease", data: { emailId: "e2" } });
    await prisma.job.updateMany({ where: { eventId: "email:lease" }, data: { status: "RUNNING", lockedUntil: new Date(Date.now() - 1000), attempts: 1 } });
    await relayTo().flush();
    expect(received.map((e) => e.id)).toEqual(["email:lease"]);
    expect(await outbox("email:lease")).toMatchObject({ status: "COMPLETED" });
  });

  test("an event stored while a send is in flight goes out beside it, not after it (a slow event API does not queue comments)", async () => {
    const sent: string[] = [];
    let answerFirst!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    // Inngest's event API stands still on the first request until told to answer.
    const client = {
      send: async (events: { id: string }[]) => {
        sent.push(...events.map((e) => e.id));
        if (events.some((e) => e.id === "email:slow")) await firstAnswered;
        return { ids: events.map((e) => e.id) };
      },
    };
    relay = startInngestRelay({ client: client as never, logger: quiet, pollMs: 60_000 });
    await createInngestDriver().send({ name: "email/requested", id: "email:slow", data: { emailId: "e-slow" } });
    await expect.poll(() => sent).toEqual(["email:slow"]);
    await createInngestDriver().send({ name: "email/requested", id: "email:next", data: { emailId: "e-next" } });
    await expect.poll(() => sent, { timeout: 3_000 }).toEqual(["email:slow", "email:next"]);
    expect(await outbox("email:next")).toMatchObject({ status: expect.stringMatching(/RUNNING|COMPLETED/) });
    answerFirst();
    await expect.poll(async () => (await outbox("email:slow"))?.status).toBe("COMPLETED");
  });

  test("under Inngest, jobs.send and jobs.outboxRows write outbox rows (no HTTP call from the producer)", async () => {
    process.env.INNGEST_DEV = "1";
    process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";
    reloadEnv();
    await jobs.send({ name: "meta/reconnected", id: "meta-reconnected:x", data: { storeId: "s1" } });
    expect(await outbox("meta-reconnected:x")).toMatchObject({ status: "QUEUED", eventName: "meta/reconnected" });
    expect(jobs.outboxRows({ name: "order/created", id: "order-created:z", data: { orderId: "z", storeId: "s1" } })).toEqual([
      expect.objectContaining({ functionId: INNGEST_OUTBOX, eventId: "order-created:z", runAt: null }),
    ]);
  });
});

describe("cost of the relay's claim", () => {
  test("20,000 events relayed before do not make the claim read more: it reads queued and running jobs only", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await prisma.$executeRaw`INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, status, "updatedAt")
      SELECT ${tag} || '-q' || g, ${INNGEST_OUTBOX}, 'comment/received', ${tag} || '-q' || g, '{}', 'QUEUED', now() FROM generate_series(1, 10) g`;
    const before = await explainBuffers((db) => claimOutboxRows(db, 4, 60_000));
    await prisma.$executeRaw`INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, status, "updatedAt")
      SELECT ${tag} || '-c' || g, ${INNGEST_OUTBOX}, 'comment/received', ${tag} || '-c' || g, '{}', 'COMPLETED', now() FROM generate_series(1, 20000) g`;
    const after = await explainBuffers((db) => claimOutboxRows(db, 4, 60_000));
    // Measured: 56 and 69 buffers. With the function as an index condition the planner read the unique
    // index's 20,000 entries while its statistics said the table was small: 279.
    expect(after).toBeLessThan(before + 40);
    await prisma.$executeRaw`DELETE FROM jobs WHERE id LIKE ${tag + "-%"}`;
  });
});
