import { hotPathDb } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { buildCatalogIndex, classifyWithRules } from "@/lib/ai";
import { renderCheckoutDm } from "@/lib/messaging/texts";
import { rehearseComments, type RehearsedComment } from "@/lib/pipeline/rehearse-comments";
import { loadCredentialsOfLiveStores } from "@/lib/messaging/graph";
import { parseJobEvent, type AnyJobDefinition, type JobStep, type StepResult } from "./define";
import { claimJobs } from "./local/claim";
import type { FunctionRegistry } from "./local/registry";

const NOTHING_TO_CLAIM: FunctionRegistry = { byId: new Map(), ids: ["warm-up"], limits: { functionIds: [], limits: [] }, routes: new Map() };

const SAMPLES = ["quiero 2 de la A12 porfa", "SOLD A12", "eu quero a bolsa preta", "I'll take the red tee M", "je prends le sac noir", "أريد A12", "hola!!", "precio?"];

/** Synthetic comments each pooled connection takes through the pipeline (8 per round) before the first claim. */
const REHEARSAL_ROUNDS = 3;

/**
 * Readies a freshly started worker before it claims its first job (startBackgroundRuntime waits for it), so the first buyers of a live
 * do not wait for one-time costs: the database pool's connections (authentication), the comment
 * lexicons (compiled on first use), the JIT on the rules engine and the DM templates, and — on every
 * pooled connection — the preparing and planning of every statement of the comment pipeline, which
 * runs `process-comment`'s own handler on synthetic comments in a rolled-back transaction
 * (lib/pipeline/rehearse-comments.ts: nothing is written, nothing is sent). Failures are harmless.
 */
export async function warmUpWorker({ connections, functions = [] }: { connections: number; functions?: readonly AnyJobDefinition[] }) {
  const t0 = Date.now();
  try {
    const index = buildCatalogIndex([
      { sku: "A12", name: "Polera roja M", keywords: ["polera", "roja"], color: "rojo", size: "M", available: 5 },
      { sku: "B7", name: "Bolsa preta", keywords: ["bolsa", "bag"], color: "preto", size: null, available: 5 },
    ]);
    for (let round = 0; round < 50; round++) for (const text of SAMPLES) classifyWithRules({ text, index, storeLocale: "es-CL" });
    for (const locale of ["es-CL", "pt-BR", "en", "fr", "it", "ar"]) {
      renderCheckoutDm({ locale, storeLocale: "es-CL", tone: "friendly", overrides: {}, storeName: "Tienda", buyerName: "Carla", items: [{ name: "Polera", quantity: 1, unitPriceMinor: 9990 }], totalMinor: 9990, currency: "CLP", expiresAt: new Date(Date.now() + 1_800_000), timezone: "America/Santiago", checkoutUrl: "http://localhost/checkout/x?t=y", suggestTransfer: false });
    }
    // Concurrent claims make the pool open that many connections now rather than under the first burst,
    // and each plans the claim statement (the largest on the path) there: claims of a function that does
    // not exist, which find and change nothing.
    await Promise.all(Array.from({ length: connections }, () => claimJobs({ db: hotPathDb, registry: NOTHING_TO_CLAIM, max: 1, leaseMs: 1_000 })));
    // The Prisma client opens its pool with the first credentials read: before the first claim, not under it.
    const pages = await loadCredentialsOfLiveStores();
    const handlers = functions.filter((f) => f.event === "comment/received");
    let comments = 0;
    if (handlers.length) {
      const process = (comment: RehearsedComment) => Promise.all(handlers.map((def) => runInline(def, comment)));
      const done = await Promise.all(Array.from({ length: connections }, () => rehearseComments({ process, rounds: REHEARSAL_ROUNDS })));
      comments = done.reduce((a, b) => a + b, 0);
    }
    return { ms: Date.now() - t0, comments, pages };
  } catch (error) {
    logger.warn({ err: error }, "worker warm-up incomplete");
    return { ms: Date.now() - t0, comments: 0, pages: 0 };
  }
}

/** A job's handler run straight through: each step runs once, in place (no memo, no retry). */
function runInline(def: AnyJobDefinition, data: RehearsedComment): Promise<unknown> {
  const refuse = () => Promise.reject(new Error("a rehearsal runs steps only"));
  const step: JobStep = {
    run: async <T>(_id: string, fn: () => T | Promise<T>) => (await fn()) as StepResult<T>,
    sleep: refuse,
    sleepUntil: refuse,
    sendEvent: refuse,
  };
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  const event = parseJobEvent(def, { name: def.event, data, id: `rehearsal:${data.commentId}`, ts: Date.now() });
  return def.handler({ event, step, attempt: 0, runId: "rehearsal", logger: silent });
}
