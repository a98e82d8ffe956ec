import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { createSqlDb, type SqlDb } from "./sql";

export type { SqlDb, SqlClient } from "./sql";

export type { Prisma } from "@/generated/prisma/client";
export type Db = PrismaClient;
/** The client handed to `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createPrisma(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) }),
  });
}

// Lazy and shared per process (survives Next.js dev hot reloads): the URL is read on first use, so
// scripts and tests can set DATABASE_URL before touching the database.
const g = globalThis as unknown as { __lssPrisma?: PrismaClient };
export const prisma = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    g.__lssPrisma ??= createPrisma();
    const value = Reflect.get(g.__lssPrisma, prop);
    return typeof value === "function" ? value.bind(g.__lssPrisma) : value;
  },
});

// Plain node-postgres for the hot path (see lib/sql.ts), lazy and per process like the Prisma client.
const gs = globalThis as unknown as { __lssSql?: { url: string; db: ReturnType<typeof createSqlDb> } };
export const pgDb: SqlDb = {
  $queryRaw: (strings, ...values) => sqlDb().$queryRaw(strings, ...values),
  $executeRaw: (strings, ...values) => sqlDb().$executeRaw(strings, ...values),
  $transaction: (fn, options) => sqlDb().$transaction(fn, options),
};
function sqlDb() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (gs.__lssSql?.url !== url) {
    void gs.__lssSql?.db.end().catch(() => {});
    gs.__lssSql = { url, db: createSqlDb(url, Number(process.env.DATABASE_POOL_SIZE ?? 20)) };
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
