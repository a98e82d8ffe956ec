import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { tracingEnabled, withSpan } from "@/lib/observability/tracing";
import { currentRequestContext } from "@/lib/observability/request-context";
import { FairGate } from "@/lib/fair-gate";

/**
 * Plain node-postgres with the tagged-template surface of `prisma.$queryRaw` / `$executeRaw`, for the
 * hot path only (webhook inbox, job driver, comment pipeline): see `hotPathDb` in lib/db.ts for when to
 * use it and when not. Measured on the 2-core machine: a statement through Prisma 7's driver adapter
 * costs ~4.5× the Node CPU of the same statement here. Every other query keeps using Prisma (lib/db.ts);
 * both point at the same DATABASE_URL.
 *
 * Values are always bound parameters, never spliced into the text. Statements are prepared by name
 * (derived from the template text), so PostgreSQL parses and plans each one once per connection.
 */
export interface SqlClient {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  /** Rows affected (INSERT/UPDATE/DELETE) or returned (SELECT). */
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface SqlDb extends SqlClient {
  /** BEGIN … COMMIT on one pooled connection; ROLLBACK when fn throws. Options mirror Prisma's. */
  $transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T>;
}

// Prisma's raw queries return timestamp columns as UTC Dates and bigint as BigInt: keep the same contract.
// Per pool, so Prisma's own pg connections keep their parsers.
const parsers: Record<number, (v: string) => unknown> = {
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`), // timestamp without time zone: stored as UTC
  20: (v) => BigInt(v), // int8
};
const typeOverrides = {
  getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * A fragment of SQL written once and spliced into several statements (e.g. the shape of a `jobs` row
 * insert, which hot producers embed in their own statements). Its text is fixed when it is defined, at
 * module load; each use binds its values: `${fragment.bind(values)}` inside a `$queryRaw` template.
 * The statement around it is still compiled once and prepared once per connection, so a template must
 * splice the same fragment at the same place on every call (checked whenever it splices one).
 */
export class SqlFragment {
  /** The text around the holes; also a whole statement's template on its own, for any client (Prisma's too). */
  readonly strings: TemplateStringsArray;

  constructor(texts: readonly string[]) {
    this.strings = Object.freeze(Object.assign([...texts], { raw: Object.freeze([...texts]) })) as unknown as TemplateStringsArray;
  }

  bind(values: readonly unknown[]): BoundSqlFragment {
    if (values.length !== this.strings.length - 1) throw new TypeError(`SQL fragment has ${this.strings.length - 1} holes, got ${values.length} values`);
    return new BoundSqlFragment(this, values);
  }
}

// The mark of a bound fragment, from the process-wide symbol registry rather than `instanceof`: one
// process can hold two instances of this module — scripts/server.ts loads the app's code through tsx
// beside Next's own bundle, and the pool lives on globalThis (lib/db.ts), so a statement compiled by one
// instance may splice a fragment bound by the other.
const BOUND = Symbol.for("livestreamsell.sql.boundFragment");

export class BoundSqlFragment {
  readonly [BOUND] = true;
  constructor(
    readonly fragment: SqlFragment,
    readonly values: readonly unknown[],
  ) {}
}

function isBound(value: unknown): value is BoundSqlFragment {
  return typeof value === "object" && value !== null && (value as { [BOUND]?: boolean })[BOUND] === true;
}

type Compiled = {
  text: string;
  name: string;
  /** The fragment spliced at each value position (undefined: a plain value); absent when the template splices none. */
  fragments?: (SqlFragment | undefined)[];
};

const names = new Map<TemplateStringsArray, Compiled>();
let counter = 0;

function compile(strings: TemplateStringsArray, values: unknown[], prepared: boolean): pg.QueryConfig {
  let entry = names.get(strings);
  if (!entry) {
    entry = compileText(strings, values);
    names.set(strings, entry);
  }
  const params = entry.fragments ? spliceValues(entry.fragments, values) : values.map(toParam);
  return { text: entry.text, values: params, ...(prepared && { name: entry.name }) };
}

function compileText(strings: TemplateStringsArray, values: unknown[]): Compiled {
  let text = strings[0]!;
  let n = 0;
  let fragments: (SqlFragment | undefined)[] | undefined;
  for (let i = 1; i < strings.length; i++) {
    const value = values[i - 1];
    if (isBound(value)) {
      const inner = value.fragment.strings;
      text += inner[0]!;
      for (let k = 1; k < inner.length; k++) text += `$${++n}${inner[k]}`;
      (fragments ??= Array.from({ length: values.length }))[i - 1] = value.fragment;
    } else {
      text += `$${++n}`;
    }
    text += strings[i];
  }
  return { text, name: `lss_${++counter}`, ...(fragments && { fragments }) };
}

function spliceValues(fragments: (SqlFragment | undefined)[], values: unknown[]): unknown[] {
  const params: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const fragment = fragments[i];
    if (fragment === undefined) {
      if (isBound(value)) throw new TypeError(SPLICED_ELSEWHERE);
      params.push(toParam(value));
    } else {
      if ((value as BoundSqlFragment | null)?.fragment !== fragment) throw new TypeError(SPLICED_ELSEWHERE);
      const inner = (value as BoundSqlFragment).values;
      for (let k = 0; k < inner.length; k++) params.push(toParam(inner[k]));
    }
  }
  return params;
}

const SPLICED_ELSEWHERE = "a statement must splice the same SQL fragments at the same places on every call";

function toParam(v: unknown) {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  return v;
}

type Queryable = { query: (config: pg.QueryConfig) => Promise<pg.QueryResult> };

/** One statement, in a "db" span when tracing (named by its first keyword; values never recorded). */
function run(q: Queryable, config: pg.QueryConfig): Promise<pg.QueryResult> {
  if (!tracingEnabled()) return q.query(config);
  const operation = /^\s*(\w+)/.exec(config.text)?.[1]?.toUpperCase() ?? "QUERY";
  return withSpan(`db ${operation}`, { kind: "client", attributes: { "db.system.name": "postgresql", "db.operation.name": operation } }, () => q.query(config));
}

function clientOf(q: Queryable, prepared: boolean, pool?: pg.Pool): SqlClient {
  // A pool's statements go to the rehearsal's connection while one runs in this async context (see rehearse).
  const target = pool ? () => rehearsalOn(pool)?.client ?? q : () => q;
  return {
    async $queryRaw<T>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await run(target(), compile(strings, values, prepared))).rows as T;
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await run(target(), compile(strings, values, prepared))).rowCount ?? 0;
    },
  };
}

/**
 * A rehearsal: real code run against one connection inside a transaction that is always rolled back.
 * On globalThis (like the pool, lib/db.ts): the web server loads this module twice (tsx and Next's bundle).
 */
type Rehearsal = { pool: pg.Pool; client: pg.PoolClient; open: boolean };
const shared = globalThis as unknown as { __lssRehearsal?: AsyncLocalStorage<Rehearsal> };
const rehearsals = (shared.__lssRehearsal ??= new AsyncLocalStorage<Rehearsal>());

function rehearsalOn(pool: pg.Pool): Rehearsal | undefined {
  const r = rehearsals.getStore();
  return r?.open && r.pool === pool ? r : undefined;
}

/**
 * True inside a rehearsal: code with effects outside the rehearsal's transaction (the Prisma client, Graph
 * and LLM calls, dashboard events) must not run them — they would happen for real.
 */
export function inRehearsal(): boolean {
  return rehearsals.getStore()?.open === true;
}

/**
 * Runs `fn` with every statement of `pool` in this async context sent to one pooled connection, inside a
 * transaction that is rolled back whatever happens: the connection plans and prepares the statements, the
 * process's JIT compiles the code, and nothing is written. `fn`'s own `$transaction`s become savepoints.
 */
async function rehearse<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const scope: Rehearsal = { pool, client, open: true };
  let broken = false;
  try {
    await client.query("BEGIN");
    return await rehearsals.run(scope, fn);
  } finally {
    scope.open = false;
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true;
    }
    client.release(broken);
  }
}

async function inSavepoint<T>(r: Rehearsal, prepared: boolean, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  await r.client.query("SAVEPOINT lss_rehearsal");
  try {
    const result = await fn(clientOf(r.client, prepared));
    await r.client.query("RELEASE SAVEPOINT lss_rehearsal");
    return result;
  } catch (error) {
    await r.client.query("ROLLBACK TO SAVEPOINT lss_rehearsal");
    throw error;
  }
}

/** The store the current request or job works for ("" for platform work: the webhook inbox, the job claim). */
const storeOfContext = () => currentRequestContext()?.store_id ?? "";

/** The pool behind a gate of its own size: a connection goes to the store holding the fewest (lib/fair-gate.ts). */
function gatedPool(pool: pg.Pool, gate: FairGate, groupOf: () => string): Queryable {
  return {
    async query(config: pg.QueryConfig) {
      const group = groupOf();
      const wait = gate.enter(group);
      if (wait) await wait;
      try {
        return await pool.query(config);
      } finally {
        gate.leave(group);
      }
    },
  };
}

/**
 * A hot-path pool. `preparedStatements: false` (DATABASE_PREPARED_STATEMENTS=0) sends every statement
 * unnamed, e.g. behind a transaction-mode PgBouncer.
 */
export function createHotPathDb(
  connectionString: string,
  max = 10,
  { preparedStatements = true, groupOf = storeOfContext, activeStatements = max }: { preparedStatements?: boolean; groupOf?: () => string; activeStatements?: number } = {},
): SqlDb & { pool: pg.Pool; gate: FairGate; end(): Promise<void>; rehearse<T>(fn: () => Promise<T>): Promise<T> } {
  // Generic plans: the hot-path statements are large CTEs over array parameters whose custom plans cost
  // PostgreSQL 0.5–2.5 ms of planning on every call (measured with pg_stat_statements.track_planning).
  // A generic plan is kept until the tables' statistics change, so one made while a table was still
  // small (every fresh install) could keep a sequential scan as the table grows — seen in the benchmark
  // on outbound_messages and buyers. Every hot-path statement is an index lookup by design, so this pool
  // also tells the planner to avoid sequential scans wherever an index can serve.
  // Idle connections stay open for minutes (node-postgres closes them after 10 s by default): a new
  // connection pays authentication and the planning of every hot-path statement again (~60 ms of
  // PostgreSQL CPU each), which landed on the first seconds of every burst after a lull.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 30_000, idleTimeoutMillis: 5 * 60_000, types: typeOverrides, options: "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off" });
  // An idle client's error (e.g. the server restarted) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // Every connection taken from the pool goes through the gate first, so the pool's own first-come queue stays empty.
  // The gate may admit fewer statements at once than the pool has connections (DATABASE_ACTIVE_STATEMENTS): past
  // a few per core, more at once only share the same cores and every statement, a quiet store's too, takes longer.
  const gate = new FairGate(Math.min(max, activeStatements));
  const base = clientOf(gatedPool(pool, gate, groupOf), preparedStatements, pool);
  return {
    ...base,
    pool,
    gate,
    rehearse: (fn) => rehearse(pool, fn),
    async $transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      const r = rehearsalOn(pool);
      if (r) return inSavepoint(r, preparedStatements, fn);
      const group = groupOf();
      const wait = gate.enter(group);
      // A wait that times out rejects here, holding no place.
      if (wait) await wait;
      try {
        const conn = await pool.connect();
        try {
          await conn.query("BEGIN");
          const result = await fn(clientOf(conn, preparedStatements));
          await conn.query("COMMIT");
          conn.release();
          return result;
        } catch (error) {
          try {
            await conn.query("ROLLBACK");
            conn.release();
          } catch {
            conn.release(true);
          }
          throw error;
        }
      } finally {
        gate.leave(group);
      }
    },
    end: () => pool.end(),
  };
}

/** PostgreSQL error code of a failed statement (node-postgres or Prisma shapes). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: string; meta?: { code?: string }; cause?: { code?: string } };
  return err?.meta?.code ?? (typeof err?.code === "string" && /^[0-9A-Z]{5}$/.test(err.code) ? err.code : undefined) ?? err?.cause?.code;
}
