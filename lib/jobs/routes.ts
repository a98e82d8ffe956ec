import type { AnyJobDefinition, ConcurrencyOption } from "./define";
import { jobEvents, type JobEventName } from "./events";

/** What a producer needs to know of a job function to queue its job row: no handler, no import of it. */
export interface JobRoute {
  readonly id: string;
  /** Retries after the first failure: the row's maxAttempts is retries + 1. */
  readonly retries: number;
  readonly concurrency?: ConcurrencyOption;
}

/**
 * Event → the app's job functions it starts (inngest/functions), written out statically so that
 * sending an event never needs the function list: any process, any module instance (Next.js bundles
 * its own copy of lib/jobs beside the one scripts/server.ts loads) routes an event the same way. The
 * worker checks its function list against this table when it starts (`assertRoutesMatch`), so the two
 * cannot drift apart unnoticed.
 */
export const jobRoutes: { readonly [N in JobEventName]: readonly JobRoute[] } = {
  "comment/received": [{ id: "process-comment", retries: 6, concurrency: { key: "event.data.storeId", limit: 48 } }],
  "message/received": [{ id: "handle-message", retries: 6, concurrency: { key: "event.data.conversationKey", limit: 1 } }],
  "stock/released": [{ id: "serve-waitlist", retries: 6, concurrency: { key: "event.data.storeId", limit: 1 } }],
  "order/created": [{ id: "order-lifecycle", retries: 6 }],
  "payment/succeeded": [{ id: "payment-succeeded", retries: 8 }],
  "live/reconcile": [{ id: "reconcile-live", retries: 3, concurrency: { key: "event.data.liveId", limit: 1 } }],
  "shipment/notice": [{ id: "send-shipment-notice", retries: 8 }],
  "meta/reconnected": [{ id: "resend-after-reconnect", retries: 6, concurrency: { key: "event.data.storeId", limit: 1 } }],
  "email/requested": [{ id: "send-email", retries: 6 }],
  "ops/alerts": [{ id: "evaluate-operator-alerts", retries: 3, concurrency: { limit: 1 } }],
  "billing/sweep": [{ id: "billing-sweep", retries: 3, concurrency: { limit: 1 } }],
  "reports/monthly": [{ id: "monthly-reports", retries: 3 }],
  "billing/charge": [{ id: "charge-invoice", retries: 6, concurrency: { key: "event.data.invoiceId", limit: 1 } }],
  "live/ended": [{ id: "email-live-report", retries: 6 }],
  "ops/sweep": [{ id: "sweep-stuck", retries: 1, concurrency: { limit: 1 } }],
  "privacy/retention": [{ id: "privacy-retention", retries: 3, concurrency: { limit: 1 } }],
  "meta/token-check": [{ id: "check-page-tokens", retries: 3, concurrency: { limit: 1 } }],
};

export type RouteTable = ReadonlyMap<JobEventName, readonly JobRoute[]>;

/** The static table as the local driver reads it. */
export const appRoutes: RouteTable = new Map(Object.entries(jobRoutes) as [JobEventName, readonly JobRoute[]][]);

/** The routing a function list implies (each function subscribed to its event, in list order). */
export function routesOf(functions: readonly AnyJobDefinition[]): RouteTable {
  const routes = new Map<JobEventName, JobRoute[]>();
  for (const def of functions) {
    const route: JobRoute = { id: def.id, retries: def.retries, ...(def.concurrency && { concurrency: def.concurrency }) };
    const subscribed = routes.get(def.event);
    if (subscribed) subscribed.push(route);
    else routes.set(def.event, [route]);
  }
  return routes;
}

/** Throws when a function list and the static table disagree on what an event starts and how. */
export function assertRoutesMatch(functions: readonly AnyJobDefinition[], table: RouteTable = appRoutes): void {
  const normalise = (routes: RouteTable) =>
    JSON.stringify(
      Object.keys(jobEvents)
        .map((name) => [name, (routes.get(name as JobEventName) ?? []).map((r) => ({ id: r.id, retries: r.retries, concurrency: r.concurrency ? { key: r.concurrency.key ?? null, limit: r.concurrency.limit } : null }))] as const)
        .filter(([, routes]) => routes.length > 0),
    );
  const fromFunctions = normalise(routesOf(functions));
  const fromTable = normalise(table);
  if (fromFunctions !== fromTable) {
    throw new Error(`The job functions and lib/jobs/routes.ts disagree on event routing: functions ${fromFunctions}, table ${fromTable}`);
  }
}
