import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

/**
 * OpenTelemetry tracing: spans for the webhook, the inbox write, each job and step, the outbound Graph /
 * payment / LLM calls and database statements. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set (or a test
 * passes an exporter): then every helper here is a boolean check and a direct call, so the hot path
 * pays nothing. Span attributes are ids, names and codes — never personal data (no comment text, no
 * names, no message bodies).
 *
 * A job runs in another process than the request that queued it: the job row's payload carries the
 * W3C `traceparent` of the span that queued it (`currentTraceparent`), and the job's span continues
 * that trace (`withSpan(…, { parent })`).
 */

type TracingState = { provider: BasicTracerProvider | null };
// One provider per process: the web server's module and Next's bundled copy share it.
const shared = globalThis as unknown as { __lssTracing?: TracingState };
const state = (shared.__lssTracing ??= { provider: null });

const TRACER_NAME = "livestreamsell";

/** Whether spans are being recorded in this process. */
export function tracingEnabled(): boolean {
  return state.provider !== null;
}

/**
 * Starts recording spans: with OTLP over HTTP to `endpoint` (batched), or to the given exporter
 * (tests: an in-memory one, exported at once). Idempotent per process; returns a stop function that
 * flushes what is buffered.
 */
export function startTracing(options: { endpoint?: string; exporter?: SpanExporter; serviceName?: string }): () => Promise<void> {
  if (state.provider) return () => Promise.resolve();
  const exporter = options.exporter ?? (options.endpoint ? new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, "")}/v1/traces` }) : null);
  if (!exporter) return () => Promise.resolve();
  const processor = options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? "livestreamsell" }), spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  state.provider = provider;
  return async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    state.provider = null;
  };
}

export type SpanOptions = {
  attributes?: Attributes;
  kind?: "server" | "client" | "internal" | "consumer";
  /** A W3C traceparent to continue (a job's, written by the code that queued it). */
  parent?: string;
};

const KINDS = { server: SpanKind.SERVER, client: SpanKind.CLIENT, internal: SpanKind.INTERNAL, consumer: SpanKind.CONSUMER } as const;

/**
 * Runs `fn` inside a span named `name` (ended when `fn` settles; a throw marks it as an error with the
 * error's name, not its message, which may quote input). Without tracing it is just `fn()`.
 */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span | null) => Promise<T>): Promise<T> {
  if (!state.provider) return fn(null);
  const parentContext = options.parent ? propagation.extract(context.active(), { traceparent: options.parent }) : context.active();
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { kind: KINDS[options.kind ?? "internal"], attributes: options.attributes }, parentContext, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's W3C traceparent, for work handed to another process; undefined without tracing. */
export function currentTraceparent(): string | undefined {
  if (!state.provider) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}
