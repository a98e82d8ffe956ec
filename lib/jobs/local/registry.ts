import { FAILURE_SUFFIX, resolveKeyPath, type AnyJobDefinition } from "../define";
import type { PreparedEvent } from "../events";
import { routesOf, type JobRoute, type RouteTable } from "../routes";

/** A runnable entry: each definition runs as itself and, if it has onFailure, as "<id>-failure". */
export interface RegisteredFunction {
  functionId: string;
  kind: "main" | "failure";
  def: AnyJobDefinition;
}

/**
 * What the local driver knows about a function list, built once from it: what a worker runs (by id,
 * with the concurrency limits its claim enforces) and where producers' events go (one job row per
 * function subscribed to the event's name).
 */
export interface FunctionRegistry {
  byId: ReadonlyMap<string, RegisteredFunction>;
  ids: string[];
  /** Concurrency limit per function id, for the claim query. */
  limits: { functionIds: string[]; limits: number[] };
  /** Event name → the functions it starts, in list order. */
  routes: RouteTable;
}

export function buildRegistry(functions: readonly AnyJobDefinition[]): FunctionRegistry {
  const byId = new Map<string, RegisteredFunction>();
  const add = (entry: RegisteredFunction) => {
    if (byId.has(entry.functionId)) throw new TypeError(`Two job functions share the id "${entry.functionId}"`);
    byId.set(entry.functionId, entry);
  };
  for (const def of functions) {
    add({ functionId: def.id, kind: "main", def });
    if (def.onFailure) add({ functionId: failureFunctionId(def), kind: "failure", def });
  }
  const limited = functions.filter((f) => f.concurrency);
  return {
    byId,
    ids: [...byId.keys()],
    limits: { functionIds: limited.map((f) => f.id), limits: limited.map((f) => f.concurrency!.limit) },
    routes: routesOf(functions),
  };
}

export function failureFunctionId(def: AnyJobDefinition) {
  return `${def.id}${FAILURE_SUFFIX}`;
}

/** Concurrency groups are per function (Inngest's default scope), so the key carries the function id. */
export function concurrencyGroup(def: JobRoute, event: Pick<PreparedEvent, "data">): string | null {
  if (!def.concurrency) return null;
  return `${def.id}:${def.concurrency.key ? resolveKeyPath(def.concurrency.key, event) : "*"}`;
}
