/**
 * `npm run smoke:deploy`: the deployment shape of deploy/compose.yml, without Docker — PostgreSQL, the
 * one-off migrate step, one job worker and two web instances (LOCAL_JOBS=0) as separate processes started
 * with the image's own commands (`npm run deploy:migrate`, `start:worker`, `start:web`) — then a smoke test
 * through them: health on both instances, a seller and a product through the API on one instance, a
 * signed Meta comment delivered to the other, and the bot's public reply and DM at a fake Graph API
 * (the development simulator's, started here), the work counted in /metrics; finally every process is
 * stopped with SIGTERM and must exit 0. Exits non-zero with the failing step on any failure.
 * Needs a production build (`next build`); it builds one when there is none.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeGraphServer } from "../lib/simulator/dev-graph-api";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";

const step = (msg: string) => console.log(`[smoke] ${msg}`);
const children: { name: string; child: ChildProcess }[] = [];

async function main() {
  if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
    step("no production build: running next build");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "lss-smoke-"));
  const db = await startEmbeddedPostgres(dataDir);
  const graph = await startFakeGraphServer();
  const [webA, webB, workerMetrics] = await Promise.all([freePort(), freePort(), freePort()]);
  const secret = randomBytes(16).toString("hex");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: db.url,
    APP_URL: `http://127.0.0.1:${webA}`,
    NEXTAUTH_URL: `http://127.0.0.1:${webA}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    META_APP_SECRET: secret,
    META_VERIFY_TOKEN: "smoke-verify-token",
    META_GRAPH_API_URL: graph.url,
    SANDBOX_PAYMENTS_SECRET: randomBytes(24).toString("base64url"),
    SIMULATOR: "1",
    ADMIN_EMAIL: "ops@smoke.test",
    ADMIN_PASSWORD: "smoke-admin-password",
    LOG_LEVEL: "warn",
  };
  try {
    step("migrate (npm run deploy:migrate)");
    const migrate = spawnSync(process.execPath, ["--import", "tsx", "scripts/deploy-migrate.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    if (migrate.status !== 0) throw new Error("deploy:migrate failed");

    step("worker + two web instances");
    start("worker", ["scripts/worker.ts"], { ...env, WORKER_METRICS_PORT: String(workerMetrics) });
    start("web-a", ["scripts/server.ts"], { ...env, PORT: String(webA), LOCAL_JOBS: "0" });
    start("web-b", ["scripts/server.ts"], { ...env, PORT: String(webB), LOCAL_JOBS: "0" });
    const a = `http://127.0.0.1:${webA}`;
    const b = `http://127.0.0.1:${webB}`;
    await Promise.all([waitForHealth(a), waitForHealth(b)]);

    step("a seller, a product, the simulator Page and a live (instance A)");
    const email = `smoke.${Date.now()}@example.com`;
    await api(a, "POST", "/api/v1/auth/register", { email, password: "correct horse 42", full_name: "Smoke Seller" });
    const { access_token: token } = await api<{ access_token: string }>(a, "POST", "/api/v1/auth/token", { email, password: "correct horse 42" });
    const store = await api<{ id: string }>(a, "POST", "/api/v1/stores", { name: "Tienda Smoke", country: "CL", currency: "CLP", locale: "es-CL", timezone: "America/Santiago" }, token);
    await api(a, "POST", "/api/v1/inventory/products", { store_id: store.id, sku: "A12", name: "Polera roja M", price: 15990, stock: 5, keywords: [] }, token);
    const { pageId } = await api<{ pageId: string }>(a, "POST", "/api/dev/simulator/setup", { store_id: store.id }, token);
    const live = await api<{ id: string; fb_video_id: string }>(a, "POST", "/api/v1/lives", { store_id: store.id, fb_video_id: `v${Date.now()}`, title: "Smoke live" }, token);

    step("a signed comment delivered to instance B; the worker answers it");
    const commentId = `${live.fb_video_id}_${randomBytes(4).toString("hex")}`;
    graph.registerCommentAuthor({ commentId, psid: "psid_smoke" });
    const raw = JSON.stringify({
      object: "page",
      entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: `${pageId}_${live.fb_video_id}`, from: { id: "777", name: "Smoke Buyer" }, message: "quiero 1 A12", created_time: Math.floor(Date.now() / 1000) } }] }],
    });
    const hook = await fetch(`${b}/api/webhooks/meta`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}` }, body: raw });
    if (hook.status !== 200) throw new Error(`webhook answered ${hook.status}`);
    await waitFor("the private reply and the public reply at the Graph API", () => graph.privateRepliesByComment.has(commentId) && (graph.commentReplies.get(commentId)?.length ?? 0) === 1);

    step("metrics: web B counts the stored comment; the worker's own /metrics counts the DM");
    const scraped = await (await fetch(`${b}/metrics`)).text();
    if (!/^lss_comments_ingested_total \d/m.test(scraped)) throw new Error("lss_comments_ingested_total missing from /metrics");
    const workerText = await (await fetch(`http://127.0.0.1:${workerMetrics}/metrics`)).text();
    if (!/lss_messages_sent_total\{kind="private_reply"\} 1/.test(workerText)) throw new Error("the worker's own /metrics does not count the private reply");

    step("SIGTERM: every process stops cleanly");
    const exits = await stopAll();
    const bad = exits.filter((e) => e.code !== 0);
    if (bad.length > 0) throw new Error(`unclean exits: ${bad.map((e) => `${e.name}=${e.code ?? e.signal}`).join(", ")}`);
    step("passed");
  } finally {
    await stopAll();
    await graph.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: ["ignore", "inherit", "inherit"] });
  children.push({ name, child });
}

async function stopAll(): Promise<{ name: string; code: number | null; signal: NodeJS.Signals | null }[]> {
  return Promise.all(
    children.splice(0).map(({ name, child }) => {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (exited) return { name, code: child.exitCode, signal: child.signalCode };
      return new Promise<{ name: string; code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once("exit", (code, signal) => resolve({ name, code, signal }));
        child.kill("SIGTERM");
      });
    }),
  );
}

async function waitForHealth(base: string) {
  await waitFor(`${base}/health`, async () => (await fetch(`${base}/health`).catch(() => null))?.status === 200, 120_000);
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    for (const { name, child } of children) if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited while waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function api<T = unknown>(base: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[smoke] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    void stopAll().finally(() => process.exit(1));
  },
);
