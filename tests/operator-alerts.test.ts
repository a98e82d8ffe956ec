import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { jobs, runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { evaluateOperatorAlerts } from "@/lib/alerts/evaluate-operator-alerts";
import { recordAlertSignal } from "@/lib/alerts/record-alert-signal";
import * as alertsRoute from "@/app/api/admin/alerts/route";
import { reloadEnv } from "./helpers/env";
import { seedStore } from "./helpers/seed";
import { call } from "./helpers/api";
import { signUp } from "./helpers/factories";

// Issue 20: operator alerts fire once, are sent to a Slack-compatible webhook and by email to the
// superadmins, and send one recovery notice when the condition clears.

let hook: Server;
const posts: { text: string }[] = [];
let failHook = 0;
beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (failHook > 0) {
        failHook--;
        res.writeHead(503).end();
        return;
      }
      posts.push(JSON.parse(body) as { text: string });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  process.env.ALERT_WEBHOOK_URL = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/slack`;
  process.env.ALERT_JOB_LAG_SECONDS = "60";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.ALERT_WEBHOOK_URL;
  delete process.env.ALERT_JOB_LAG_SECONDS;
  reloadEnv();
  await new Promise((r) => hook.close(r));
});
beforeEach(async () => {
  posts.length = 0;
  failHook = 0;
  // Every test starts from a healthy platform: no Page disconnected, no alert open.
  await prisma.metaConnection.updateMany({ data: { disconnectedAt: null } });
  await prisma.operatorAlert.deleteMany();
  await prisma.operatorAlertSignal.deleteMany();
});

let minute = 0;
/** One tick of the alarm clock, through the job system as the runtime sends it. */
async function tick() {
  minute++;
  await jobs.send({ name: "ops/alerts", id: `ops-alerts:test-${Date.now()}-${minute}`, data: { at: new Date().toISOString() } });
  await runJobsUntilIdle({ functions: jobFunctions });
}

const alertEmails = (template: string) => prisma.email.findMany({ where: { template } });

describe("operator alerts (issue 20)", () => {
  test("a Page disconnected fires one alert — webhook and email once, however many evaluations — and one recovery notice", async () => {
    const admin = await prisma.user.create({ data: { email: `ops.${Date.now()}@example.com`, fullName: "Ops", platformRole: "SUPERADMIN", locale: "es" } });
    const { store } = await seedStore();
    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: new Date(), disconnectReason: "190" } });

    await tick();
    await tick();
    await tick();
    const fired = posts.filter((p) => p.text.includes("meta_disconnected"));
    expect(fired).toHaveLength(1);
    expect(fired[0]!.text).toContain(store.name);
    const open = await prisma.operatorAlert.findMany({ where: { key: `meta_disconnected:${store.id}`, resolvedAt: null } });
    expect(open).toHaveLength(1);
    const emails = (await alertEmails("operator_alert")).filter((e) => e.to === admin.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/^Alerta de LiveStreamSell/);

    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: null } });
    await tick();
    await tick();
    const recovered = posts.filter((p) => p.text.includes("recovered") && p.text.includes("meta_disconnected"));
    expect(recovered).toHaveLength(1);
    expect((await alertEmails("operator_alert_recovered")).filter((e) => e.to === admin.email)).toHaveLength(1);
    expect(await prisma.operatorAlert.count({ where: { key: `meta_disconnected:${store.id}`, resolvedAt: null } })).toBe(0);

    // It breaks again: a new alert (history keeps the first one).
    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: new Date() } });
    await tick();
    expect(await prisma.operatorAlert.count({ where: { key: `meta_disconnected:${store.id}` } })).toBe(2);
  });

  test("a webhook that fails is retried by the job: the alert is still delivered, once", async () => {
    const { store } = await seedStore();
    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: new Date() } });
    failHook = 1;
    await tick();
    await runJobsUntilIdle({ functions: jobFunctions });
    // The retry waits for its backoff; make it due and run again.
    await prisma.job.updateMany({ where: { status: "QUEUED", functionId: "evaluate-operator-alerts" }, data: { runAt: new Date() } });
    await runJobsUntilIdle({ functions: jobFunctions });
    expect(posts.filter((p) => p.text.includes(store.name))).toHaveLength(1);
  });

  test("job lag, an open circuit breaker and a live whose comments arrive only by reading it back fire; each recovers", async () => {
    const { store, live } = await seedStore();
    // A job due 5 minutes ago and still waiting (a worker down).
    await prisma.job.create({ data: { id: `stuck-${Date.now()}`, functionId: "no-such-function", eventName: "email/requested", eventId: `stuck-${Date.now()}`, payload: {}, maxAttempts: 1, runAt: new Date(Date.now() - 5 * 60_000) } });
    await recordAlertSignal({ key: "llm_breaker", kind: "llm_breaker_open", summary: "The LLM circuit breaker is open", holdSeconds: 60 });
    await prisma.live.update({ where: { id: live.id }, data: { status: "ACTIVE" } });
    await prisma.comment.create({ data: { storeId: store.id, liveId: live.id, metaCommentId: `rec_${Date.now()}`, postId: live.fbPostId!, authorId: "1", text: "quiero 1", createdTime: new Date(), recovered: true } });

    const fired = await evaluateOperatorAlerts();
    expect(fired.map((t) => t.key).sort()).toEqual(["job_lag", "llm_breaker", `webhook_silence:${live.id}`].sort());
    expect(await evaluateOperatorAlerts()).toEqual([]); // still holding: nothing new

    await prisma.job.deleteMany({ where: { functionId: "no-such-function" } });
    await prisma.comment.create({ data: { storeId: store.id, liveId: live.id, metaCommentId: `hook_${Date.now()}`, postId: live.fbPostId!, authorId: "2", text: "yo", createdTime: new Date() } });
    const later = new Date(Date.now() + 2 * 60_000); // the breaker's signal has lapsed by then
    const recovered = await evaluateOperatorAlerts({ now: later });
    expect(recovered.map((t) => `${t.transition}:${t.key}`).sort()).toEqual(["recovered:job_lag", "recovered:llm_breaker", `recovered:webhook_silence:${live.id}`].sort());
  });

  test("GET /api/admin/alerts lists open alerts first for a superadmin; anyone else gets 404", async () => {
    const { store } = await seedStore();
    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: new Date() } });
    await recordAlertSignal({ key: "payment_breaker:paypal", kind: "payment_breaker_open", summary: "paypal is not answering", holdSeconds: 60 });
    await evaluateOperatorAlerts();
    await prisma.metaConnection.update({ where: { storeId: store.id }, data: { disconnectedAt: null } });
    await evaluateOperatorAlerts();

    const seller = await signUp();
    expect((await call(alertsRoute.GET, { path: "/api/admin/alerts", token: seller.accessToken })).status).toBe(404);
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    const res = await call(alertsRoute.GET, { path: "/api/admin/alerts", token: admin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.open).toBe(1);
    expect(res.body.items.map((a: { kind: string; open: boolean }) => [a.kind, a.open])).toEqual([["payment_breaker_open", true], ["meta_disconnected", false]]);
    expect((await call(alertsRoute.GET, { path: "/api/admin/alerts?state=maybe", token: admin.accessToken })).status).toBe(422);
  });
});
