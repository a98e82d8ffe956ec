import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { startTracing, tracingEnabled, withSpan } from "@/lib/observability/tracing";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";

// CONTRACT §13 / issue 20: one comment's work is one trace — the webhook, the inbox write, each job
// and step, the Graph calls and the database statements — continued across the job queue.

const graph = fakeGraphPerFile();
const exporter = new InMemorySpanExporter();
let stopTracing: () => Promise<void>;
beforeAll(() => {
  stopTracing = startTracing({ exporter });
});
afterAll(async () => stopTracing());

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

describe("tracing (issue 20)", () => {
  test("one comment is one span tree: webhook → inbox write → job → step → Graph call, with database time inside", async () => {
    const { live, pageId } = await seedStore();
    forgetPageCredentials(live.storeId);
    const c = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero 1 A12", authorName: "Zoila Secreta" });
    graph().registerCommentAuthor({ commentId: c.commentId, psid: "psid_trace" });
    exporter.reset();
    expect((await postWebhook(c.payload)).status).toBe(200);
    await runJobsUntilIdle({ functions: jobFunctions });
    const spans = exporter.getFinishedSpans();

    const webhook = spans.find((s) => s.name === "meta.webhook");
    expect(webhook, "the webhook span").toBeDefined();
    const traceId = webhook!.spanContext().traceId;
    const trace = spans.filter((s) => s.spanContext().traceId === traceId);
    const inbox = trace.find((s) => s.name === "inbox.write");
    expect(parentOf(inbox!)).toBe(idOf(webhook!));
    expect(trace.some((s) => s.name.startsWith("db ") && parentOf(s) === idOf(inbox!)), "the inbox statement is timed under the inbox write").toBe(true);

    // The comment's job ran in the worker, yet continues the same trace from the inbox write that queued it.
    const jobs = trace.filter((s) => s.name.startsWith("job "));
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.some((j) => parentOf(j) === idOf(inbox!))).toBe(true);
    const steps = trace.filter((s) => s.name.startsWith("step "));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(trace.map(idOf)).toContain(parentOf(step));

    // The private reply went out to Meta inside that trace, under a step.
    const graphCalls = trace.filter((s) => s.name.startsWith("graph POST"));
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(graphCalls.every((g) => steps.map(idOf).includes(parentOf(g)!))).toBe(true);

    // Ids and codes only: the buyer's name and words never ride on a span.
    const recorded = JSON.stringify(trace.map((s) => [s.name, s.attributes, s.events]));
    expect(recorded).not.toContain("Zoila");
    expect(recorded).not.toContain("quiero");
  });

  test("a span that throws is marked as an error by the error's name only (a message may quote input)", async () => {
    exporter.reset();
    await expect(withSpan("probe", {}, async () => Promise.reject(new TypeError("bad input from +56 9 1234 5678")))).rejects.toThrow(TypeError);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: 2, message: "TypeError" });
  });
});

describe("tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  test("withSpan is a plain call and nothing is recorded", async () => {
    await stopTracing();
    expect(tracingEnabled()).toBe(false);
    exporter.reset();
    expect(await withSpan("nothing", {}, async (span) => (span === null ? "plain" : "traced"))).toBe("plain");
    expect(exporter.getFinishedSpans()).toEqual([]);
    stopTracing = startTracing({ exporter });
  });
});
