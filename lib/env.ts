import { join } from "node:path";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { loadOrCreateDevSecrets } from "./dev-secrets";

// Every setting the app reads from the environment is read here (a lint-free rule kept by review and by
// tests/env-reads.test.ts): `env()` for the app's configuration (secrets included), `processSettings()`
// for what a process needs before or without it (database pools, data directory, launcher knobs), and
// `databaseUrl()` for the one value checked on every hot-path statement.

const optionalUrl = z.string().url().optional();
const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: optionalUrl,
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters"),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes, base64-encoded"),
  META_APP_ID: z.string().optional(),
  META_APP_SECRET: z.string().min(8),
  META_VERIFY_TOKEN: z.string().min(4),
  META_GRAPH_API_URL: z.string().url().default("https://graph.facebook.com/v24.0"),
  META_PAGE_SENDS_PER_SECOND: z.coerce.number().min(0).max(100_000).default(300), // Meta's Send API ceiling per Page (DMs and private replies); sends are paced under it across every worker (0: no pacing)
  META_PAGE_REPLIES_PER_SECOND: z.coerce.number().min(0).max(100_000).default(300), // public comment replies per Page per second, paced the same way on their own budget (0: no pacing)
  META_RECONCILE_SECONDS: z.coerce.number().int().min(2).max(3600).default(10), // how often an active live's comments are read back through the Graph API (zero missed comments)
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(2500),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_DEV: flag,
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(5).max(7 * 24 * 3600).default(1800),
  REMINDER_BEFORE_EXPIRY_SECONDS: z.coerce.number().int().min(0).default(600),
  STUCK_COMMENT_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(120), // a comment still RECEIVED this long (and not queued) is announced again by the sweeper
  PAYPAL_API_URL: z.string().url().default("https://api-m.sandbox.paypal.com"),
  MERCADOPAGO_API_URL: z.string().url().default("https://api.mercadopago.com"),
  FLOW_API_URL: z.string().url().default("https://sandbox.flow.cl/api"),
  BILLING_PAYPAL_CLIENT_ID: z.string().optional(), // the platform's own PayPal app: charges sellers' vaulted PayPal for their invoices (unset → PayPal collection off)
  BILLING_PAYPAL_CLIENT_SECRET: z.string().optional(),
  BILLING_PAYPAL_WEBHOOK_ID: z.string().optional(), // the id PayPal gave the platform app's webhook (/api/webhooks/billing/paypal): verify-webhook-signature needs it
  BILLING_MERCADOPAGO_ACCESS_TOKEN: z.string().optional(), // the platform's own Mercado Pago account: sellers subscribe (preapproval) to pay their invoices (unset → Mercado Pago collection off)
  BILLING_MERCADOPAGO_WEBHOOK_SECRET: z.string().optional(), // the secret of that account's webhooks (/api/webhooks/billing/mercadopago, x-signature)
  BILLING_ISSUER_NAME: z.string().default("LiveStreamSell"), // the platform's legal name, tax id and address printed on invoices
  BILLING_ISSUER_TAX_ID: z.string().optional(),
  BILLING_ISSUER_ADDRESS: z.string().optional(),
  SANDBOX_PAYMENTS_SECRET: z.string().min(16),
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_REGION: z.string().default("auto"),
  S3_PUBLIC_URL: optionalUrl,
  LOCAL_JOBS: z.enum(["0", "1"]).default("1"), // "0" disables the in-process job driver (e.g. a web-only instance)
  FAKE_GRAPH: flag,
  SIMULATOR: flag, // "1" shows the in-app simulator even with a real Graph API (FAKE_GRAPH shows it anyway)
  TRUST_PROXY: flag,
  SUPPORT_EMAIL: z.string().email("SUPPORT_EMAIL must be an email address").optional(), // shown to users who need help signing in
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:port").optional(), // unset → emails kept in the local mailbox (admin panel)
  EMAIL_FROM: z.string().min(3).default("LiveStreamSell <no-reply@localhost>"),
  // An owner must turn on MFA once her store's paid orders over 30 days reach this many (after a grace period in days).
  MFA_OWNER_PAID_ORDERS_30D: z.coerce.number().int().min(1).default(300),
  MFA_OWNER_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  // Retention (privacy job, daily): the local mailbox and spent tokens/sessions are purged after these many days; buyers with no order for this many months are anonymised.
  RETENTION_MAILBOX_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_BUYER_MONTHS: z.coerce.number().int().min(1).default(18),
  RETENTION_WEBHOOK_DAYS: z.coerce.number().int().min(7).default(90), // processed provider payloads are emptied after this many days (the row stays for idempotency)
  // finished job rows are deleted after this many days (failed ones after 3×); at least 32: a finished row
  // deduplicates its event id, and the monthly reports' id is re-sent all month long
  JOB_RETENTION_DAYS: z.coerce.number().int().min(32).default(35),
  // Platform details for the privacy, terms and licences pages.
  PLATFORM_NAME: z.string().min(1).default("LiveStreamSell"),
  PLATFORM_CONTACT_EMAIL: z.string().email().optional(),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(), // when set, GET /metrics needs Authorization: Bearer <it>
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(), // loopback port where the job worker shows its metrics to the web server (set by npm start)
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl, // when set, traces go there by OTLP over HTTP (…/v1/traces); unset: tracing off and free
  OTEL_SERVICE_NAME: z.string().min(1).default("livestreamsell"), // service.name on every span (e.g. livestreamsell-web, livestreamsell-worker)
  WORKER_METRICS_HOST: z.string().default("127.0.0.1"), // where the worker's metrics listen: loopback by default; 0.0.0.0 in a container Prometheus scrapes (deploy/compose.yml)
  ALERT_WEBHOOK_URL: optionalUrl, // operator alerts and recoveries are POSTed here as {"text": …} (Slack-compatible incoming webhook); superadmins get them by email too
  ALERT_JOB_LAG_SECONDS: z.coerce.number().int().min(5).default(120), // an operator alert fires when a due job waited longer than this
  ALERT_JOB_FAILURES: z.coerce.number().int().min(1).default(5), // …or when this many jobs failed for good within 10 minutes
  SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30), // sign-ups one address may make per hour
});

export type Env = z.infer<typeof schema> & { APP_URL: string };

const PRODUCTION_SECRETS = [
  "AUTH_SECRET",
  "ENCRYPTION_KEY",
  "META_APP_SECRET",
  "META_VERIFY_TOKEN",
  "SANDBOX_PAYMENTS_SECRET",
] as const;

export class EnvError extends Error {}

/** Parses the environment. Production requires real secrets; other modes fill missing ones from `.data/`. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const input = { ...source };
  if (input.NODE_ENV === "production") {
    const missing = PRODUCTION_SECRETS.filter((k) => !input[k]);
    if (missing.length) {
      throw new EnvError(`Refusing to start in production without: ${missing.join(", ")} (see README "Configuration")`);
    }
  } else {
    const dev = loadOrCreateDevSecrets(processSettings(source).dataDir);
    for (const k of PRODUCTION_SECRETS) input[k] ||= dev[k];
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new EnvError(`Invalid configuration:\n${lines}`);
  }
  const env = parsed.data;
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}

let cached: { source: NodeJS.ProcessEnv; env: Env } | undefined;
/**
 * The typed environment, parsed on first use (not at import: `next build` has no secrets) and again
 * only when `process.env` is replaced by a new object; changing a variable in place is not seen.
 */
export function env(): Env {
  if (cached?.source !== process.env) cached = { source: process.env, env: parseEnv(process.env) };
  return cached.env;
}

export function usesInngest(e: Env = env()) {
  return Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY || e.INNGEST_BASE_URL || e.INNGEST_DEV);
}

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);

const processSchema = z.object({
  NODE_ENV: z.string().optional(),
  VITEST: z.string().optional(),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
  DATABASE_POOL_SIZE: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_000).default(20)), // connections per pool (Prisma's and the hot path's) and process
  // Hot-path statements (and transactions) running at once per process; the others wait at the fair gate (lib/fair-gate.ts).
  // Unset: 3 per CPU core, at least 4, at most DATABASE_POOL_SIZE. More at once only makes them share the cores:
  // on 2 cores 6 drained a burst about as fast as 20 and kept a quiet store's replies 3× faster beside a flood (README, Benchmarks).
  DATABASE_ACTIVE_STATEMENTS: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_000).optional()),
  DATABASE_PREPARED_STATEMENTS: z.string().optional(), // "0" turns off named prepared statements on the hot path (e.g. behind a transaction-mode PgBouncer)
  LSS_DATA_DIR: z.preprocess(blankIsUnset, z.string().optional()), // the embedded default's data: PostgreSQL, dev secrets, uploads, backups
  // Jobs run at once per worker. A job keeps its slot while it waits for Meta's answers (≈ 150 ms and more per
  // Graph call), not only while it uses the CPU or the database (whose connections DATABASE_POOL_SIZE bounds):
  // with 16 slots and Graph answers taking 150 ms, a worker took ≈ 90 comments/s (bench, BENCH_GRAPH_LATENCY_MS).
  JOB_CONCURRENCY: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_000).default(64)),
  FAKE_GRAPH_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(0)), // the built-in fake Graph API's port (0: any free one)
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().positive().default(3000)),
  HOSTNAME_BIND: z.preprocess(blankIsUnset, z.string().optional()), // the address the web server listens on (all by default)
  SEPARATE_WORKER: z.string().optional(), // "0": npm start runs the jobs inside the web server
  WORKER_NICE: z.preprocess(blankIsUnset, z.coerce.number().int().min(-20).max(19).default(10)),
  WORKER_READY_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(60_000)), // how long npm start waits for the worker to claim before starting the web server anyway
  CPU_PROFILE_DIR: z.preprocess(blankIsUnset, z.string().optional()),
  ADMIN_EMAIL: z.preprocess(blankIsUnset, z.string().optional()),
  ADMIN_PASSWORD: z.preprocess(blankIsUnset, z.string().optional()),
});

export type ProcessSettings = {
  /** Where the embedded default keeps its data (`LSS_DATA_DIR`, default `.data/` under the working directory). */
  dataDir: string;
  databasePoolSize: number;
  /** Hot-path statements and transactions running at once per process (DATABASE_ACTIVE_STATEMENTS; never above the pool size). */
  databaseActiveStatements: number;
  preparedStatements: boolean;
  jobConcurrency: number;
  fakeGraphPort: number;
  logLevel: string;
  /** NODE_ENV as set (bcrypt's cost is low under "test" only). */
  nodeEnv: string | undefined;
  port: number;
  hostnameBind: string | undefined;
  separateWorker: boolean;
  workerNice: number;
  workerReadyTimeoutMs: number;
  cpuProfileDir: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
};

/**
 * What a process needs before (or without) the app's configuration: no secrets, so the launcher,
 * migrations, backups and the database clients can read it anywhere. Parsed on each call — callers read
 * it when a pool, logger or server starts, never per request.
 */
export function processSettings(source: Record<string, string | undefined> = process.env): ProcessSettings {
  const parsed = processSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  const p = parsed.data;
  const isTest = p.NODE_ENV === "test" || Boolean(p.VITEST);
  return {
    dataDir: p.LSS_DATA_DIR ?? join(process.cwd(), ".data"),
    databasePoolSize: p.DATABASE_POOL_SIZE,
    databaseActiveStatements: Math.min(p.DATABASE_POOL_SIZE, p.DATABASE_ACTIVE_STATEMENTS ?? Math.max(4, 3 * availableParallelism())),
    preparedStatements: p.DATABASE_PREPARED_STATEMENTS !== "0",
    jobConcurrency: p.JOB_CONCURRENCY,
    fakeGraphPort: p.FAKE_GRAPH_PORT,
    logLevel: p.LOG_LEVEL ?? (isTest ? "silent" : "info"),
    nodeEnv: p.NODE_ENV,
    port: p.PORT,
    hostnameBind: p.HOSTNAME_BIND,
    separateWorker: p.SEPARATE_WORKER !== "0",
    workerNice: p.WORKER_NICE,
    workerReadyTimeoutMs: p.WORKER_READY_TIMEOUT_MS,
    cpuProfileDir: p.CPU_PROFILE_DIR,
    adminEmail: p.ADMIN_EMAIL,
    adminPassword: p.ADMIN_PASSWORD,
  };
}

/**
 * The database URL as it is now: tests and the launcher set it at run time, and the pools follow it
 * (lib/db.ts). A plain read, cheap enough for every hot-path statement.
 */
export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}
