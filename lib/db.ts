import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, processSettings } from "./env";
import { createHotPathDb, inRehearsal, type SqlDb } from "./sql";

export type { SqlDb, SqlClient } from "./sql";
export { inRehearsal } from "./sql";

export type { Prisma } from "@/generated/prisma/client";
export type Db = PrismaClient;
/** The client handed to `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createPrisma(connectionString = databaseUrl()) {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: processSettings().databasePoolSize }),
  });
}

/*
 * Two clients, one database. Which one to use:
 *
 * - `prisma` — the default, for everything: dashboards, APIs, reports, exports, admin, jobs off the
 *   comment → DM path. Ordinary planner settings; any query shape is fine.
 * - `hotPathDb` — only for statements on the comment → DM path and the job driver (webhook inbox,
 *   understand, reserve, reply, claim/complete), where Node CPU per statement decides the latency. Its
 *   connections force generic plans and turn off sequential scans, hash and merge joins (see
 *   createHotPathDb in lib/sql.ts): right for the index lookups written for it, wrong for anything that
 *   scans or aggregates — a report query here would be planned as a chain of index probes. A new
 *   statement goes here only when it is on that path and answered by an index; otherwise use `prisma`.
 *
 * Both are lazy and shared per process (surviving Next.js dev hot reloads): the URL is read on first use,
 * so scripts and tests can set DATABASE_URL before touching the database.
 */
const g = globalThis as unknown as { __lssPrisma?: PrismaClient };
export const prisma = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    // A rehearsal's writes are rolled back on the hot-path connection; Prisma's would be real.
    if (inRehearsal()) throw new Error("the Prisma client is not available in a rehearsal (see rehearseHotPath)");
    g.__lssPrisma ??= createPrisma();
    const value = Reflect.get(g.__lssPrisma, prop);
    return typeof value === "function" ? value.bind(g.__lssPrisma) : value;
  },
});

const gs = globalThis as unknown as { __lssSql?: { url: string; db: ReturnType<typeof createHotPathDb> } };
/** The hot-path pool (plain node-postgres, lib/sql.ts): only for comment → DM statements answered by an index — see above. */
export const hotPathDb: SqlDb = {
  $queryRaw: (strings, ...values) => sqlDb().$queryRaw(strings, ...values),
  $executeRaw: (strings, ...values) => sqlDb().$executeRaw(strings, ...values),
  $transaction: (fn, options) => sqlDb().$transaction(fn, options),
};
/**
 * Runs `fn` against one hot-path connection inside a transaction that is always rolled back (see
 * `rehearse` in lib/sql.ts): start-up warm-ups run the real comment pipeline on synthetic rows and
 * write nothing. The Prisma client throws inside it.
 */
export function rehearseHotPath<T>(fn: () => Promise<T>): Promise<T> {
  return sqlDb().rehearse(fn);
}

function sqlDb() {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  if (gs.__lssSql?.url !== url) {
    void gs.__lssSql?.db.end().catch(() => {});
    const { databasePoolSize, databaseActiveStatements, preparedStatements } = processSettings();
    gs.__lssSql = { url, db: createHotPathDb(url, databasePoolSize, { preparedStatements, activeStatements: databaseActiveStatements }) };
  }
  return gs.__lssSql.db;
}

export async function disconnectPrisma() {
  const sql = gs.__lssSql;
  gs.__lssSql = undefined;
  await sql?.db.end().catch(() => {});
  await g.__lssPrisma?.$disconnect();
  g.__lssPrisma = undefined;
}
