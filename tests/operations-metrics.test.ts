import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defineJob, jobs, routeJobEventsTo, runJobsUntilIdle } from "@/lib/jobs";
import { currentRequestContext, runWithRequestContext } from "@/lib/observability/request-context";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import * as metricsRoute from "@/app/metrics/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { reloadEnv } from "./helpers/env";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  reloadEnv();
  await graph.close();
});

/** Reads one sample of the scrape (sum over label sets when no labels are given). */
async function scrape(token?: string) {
  const res = await metricsRoute.GET(new Request("http://localhost:3000/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}
function sample(text: string, name: string, labels?: string): number {
  return text
    .split("\n")
    .filter((l) => l.startsWith(name + (labels ? `{${labels}}` : "")) && (labels || /^[a-z_]+(\{[^}]*\})? /.test(l)))
    .filter((l) => l.split(" ")[0]!.replace(/\{.*\}/, "") === name)
    .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
}

describe("GET /metrics (CONTRACT §13)", () => {
  test("counts exactly the work done: a new comment once (a redelivery adds nothing), its DM once in the comment → DM histogram", async () => {
    const { live, pageId } = await seedStore();
    forgetPageCredentials(live.storeId);
    const before = (await scrape()).text;
    const c = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero 1 A12" });
    graph.registerCommentAuthor({ commentId: c.commentId, psid: "psid_metrics" });
    await postWebhook(c.payload);
    await postWebhook(c.payload); // Meta redelivers
    await runJobsUntilIdle({ functions: jobFunctions });
    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.type).toContain("text/plain");
    expect(sample(after.text, "lss_comments_ingested_total") - sample(before, "lss_comments_ingested_total")).toBe(1);
    expect(sample(after.text, "lss_comment_to_dm_seconds_count") - sample(before, "lss_comment_to_dm_seconds_count")).toBe(1);
    expect(sample(after.text, "lss_messages_sent_total", 'kind="private_reply"') - sample(before, "lss_messages_sent_total", 'kind="private_reply"')).toBe(1);
    for (const name of ["lss_jobs_pending", "lss_graph_errors_total", "lss_payment_webhooks_total"]) expect(after.text).toContain(`# TYPE ${name}`);
  });

  test("a Graph error is counted under its code", async () => {
    const { live, pageId } = await seedStore();
    forgetPageCredentials(live.storeId);
    const before = (await scrape()).text;
    graph.failNext({ code: 100, status: 400, message: "(#100) Invalid parameter", path: /\/messages$/, times: 1 });
    const c = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero 1 A12" });
    graph.registerCommentAuthor({ commentId: c.commentId, psid: "psid_metrics_err" });
    await postWebhook(c.payload);
    await runJobsUntilIdle({ functions: jobFunctions });
    const after = (await scrape()).text;
    expect(sample(after, "lss_graph_errors_total", 'code="100"') - sample(before, "lss_graph_errors_total", 'code="100"')).toBe(1);
  });

  test("with METRICS_TOKEN set, only its bearer may read", async () => {
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    reloadEnv();
    expect((await scrape()).status).toBe(401);
    expect((await scrape("wrong-token-0123456789ab")).status).toBe(401);
    expect((await scrape("metrics-token-0123456789")).status).toBe(200);
    delete process.env.METRICS_TOKEN;
    reloadEnv();
  });
});

describe("X-Request-Id (CONTRACT §13)", () => {
  test("every API answer carries one; an incoming one is kept", async () => {
    const kept = await call(tokenRoute.POST, { path: "/api/v1/auth/token", body: { email: "nobody@example.com", password: "x" }, headers: { "x-request-id": "trace-abc-1" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-abc-1");
    const fresh = await call(tokenRoute.POST, { path: "/api/v1/auth/token", body: {} });
    expect(fresh.status).toBe(422);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request ids follow the work (CONTRACT §13)", () => {
  test("a job queued inside a request runs with that request's id and its event's ids in every log line's context", async () => {
    const seen: unknown[] = [];
    const probe = defineJob({
      id: "request-id-probe",
      event: "order/created",
      handler: async ({ step }) => step.run("look", () => {
        seen.push({ ...currentRequestContext() });
        return 1;
      }),
    });
    routeJobEventsTo([probe]);
    try {
      await runWithRequestContext({ request_id: "req-follow-1" }, () => jobs.send({ name: "order/created", id: "order:rid-1", data: { orderId: "o_rid", storeId: "s_rid" } }));
      await runJobsUntilIdle({ functions: [probe] });
      expect(seen).toEqual([{ request_id: "req-follow-1", job: "request-id-probe", order_id: "o_rid", store_id: "s_rid" }]);
    } finally {
      routeJobEventsTo(null);
    }
  });
});

describe("metrics of the connections (issue 20)", () => {
  test("open Live Control Center streams are counted while open, and the hot-path pool's connections by state", async () => {
    const { storeEventStream } = await import("@/lib/realtime/sse");
    const hub = { subscribe: () => () => {} } as unknown as Parameters<typeof storeEventStream>[0]["hub"];
    const before = sample((await scrape()).text, "lss_sse_clients");
    const abort = new AbortController();
    const stream = storeEventStream({ hub, storeId: "s_metrics", signal: abort.signal });
    const reader = stream.getReader();
    await reader.read();
    expect(sample((await scrape()).text, "lss_sse_clients") - before).toBe(1);
    abort.abort();
    expect(sample((await scrape()).text, "lss_sse_clients") - before).toBe(0);

    const { hotPathDb } = await import("@/lib/db");
    await hotPathDb.$queryRaw`SELECT 1`;
    expect(sample((await scrape()).text, "lss_db_pool_connections", 'state="total"')).toBeGreaterThan(0);
  });
});
