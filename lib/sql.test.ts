import { afterAll, describe, expect, it, vi } from "vitest";
import { createHotPathDb, pgErrorCode, SqlFragment, type SqlClient } from "./sql";
import { runWithRequestContext } from "@/lib/observability/request-context";

const db = createHotPathDb(process.env.DATABASE_URL!, 3);
afterAll(() => db.end());

describe("plain SQL client (hot path)", () => {
  it("binds values as parameters and returns Prisma-compatible types", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const evil = "'; DROP TABLE stores; --";
    const [row] = await db.$queryRaw<{ t: Date; n: bigint; s: string; a: string[] }[]>`
      SELECT ${at}::timestamp(3) AS t, count(*) AS n, ${evil}::text AS s, ${["x", "y"]}::text[] AS a FROM stores`;
    expect(row!.t.toISOString()).toBe(at.toISOString());
    expect(row!.n).toBe(0n);
    expect(row!.s).toBe(evil);
    expect(row!.a).toEqual(["x", "y"]);
  });

  it("reuses one prepared statement per template across calls", async () => {
    const read = (v: number) => db.$queryRaw<{ v: number }[]>`SELECT ${v}::int AS v`;
    expect((await read(1))[0]!.v).toBe(1);
    expect((await read(2))[0]!.v).toBe(2);
    const prepared = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int AS v%'`;
    expect(Number(prepared[0]!.n)).toBeLessThanOrEqual(1);
  });

  it("rolls a transaction back when its function throws, and reports PostgreSQL codes", async () => {
    await db.$executeRaw`CREATE TABLE IF NOT EXISTS sql_test_t (id int PRIMARY KEY)`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO sql_test_t (id) VALUES (${1})`;
        await tx.$executeRaw`INSERT INTO sql_test_t (id) VALUES (${1})`;
      }),
    ).rejects.toSatisfy((e) => pgErrorCode(e) === "23505");
    expect(await db.$executeRaw`SELECT 1 FROM sql_test_t`).toBe(0);
    const n = await db.$transaction(async (tx) => tx.$executeRaw`INSERT INTO sql_test_t (id) VALUES (${2}), (${3})`);
    expect(n).toBe(2);
    expect(await db.$executeRaw`SELECT 1 FROM sql_test_t`).toBe(2);
  });

  describe("SQL fragments spliced into a statement", () => {
    const pair = new SqlFragment(["SELECT ", "::int AS a, ", "::text AS b"]);
    const read = (a: number, b: string, c: number, client: SqlClient = db) => client.$queryRaw<{ a: number; b: string; c: number }[]>`
      WITH f AS (${pair.bind([a, b])}) SELECT f.a, f.b, ${c}::int AS c FROM f`;

    it("binds the fragment's values in place, around the statement's own, as parameters", async () => {
      expect(await read(1, "x'; --", 3)).toEqual([{ a: 1, b: "x'; --", c: 3 }]);
      expect(await read(4, "y", 6)).toEqual([{ a: 4, b: "y", c: 6 }]);
    });

    it("keeps one prepared statement per template, whatever the values", async () => {
      // One connection (prepared statements are per session): two calls, one statement, numbered in text order.
      const prepared = await db.$transaction(async (tx) => {
        await read(7, "z", 9, tx);
        await read(8, "v", 10, tx);
        return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE statement ~ '^\\s*WITH f AS'`;
      });
      expect(prepared.map((p) => p.statement.trim())).toEqual(["WITH f AS (SELECT $1::int AS a, $2::text AS b) SELECT f.a, f.b, $3::int AS c FROM f"]);
    });

    it("runs a fragment on its own as a whole statement", async () => {
      const bound = pair.bind([5, "w"]);
      expect(await db.$queryRaw(bound.fragment.strings, ...bound.values)).toEqual([{ a: 5, b: "w" }]);
    });

    it("refuses a template that splices a different fragment, or none, where it spliced one before", async () => {
      const other = new SqlFragment(["SELECT ", "::int AS a, ", "::text AS b"]);
      const splice = (value: unknown) => db.$queryRaw`WITH f AS (${value}) SELECT * FROM f`;
      await splice(pair.bind([1, "a"]));
      await expect(splice(other.bind([1, "a"]))).rejects.toThrow(/same SQL fragments/);
      await expect(splice(1)).rejects.toThrow(/same SQL fragments/);
      expect(() => pair.bind([1])).toThrow(/2 holes/);
    });

    it("splices a fragment bound by another instance of this module (the web server's tsx copy beside Next's bundle share one pool)", async () => {
      // What broke the seller's one-tap reservation in the web process: the pool on globalThis had been
      // created by scripts/server.ts's copy of this module, the job-row fragment by Next's.
      vi.resetModules();
      const other = await import("./sql");
      expect(other.SqlFragment).not.toBe(SqlFragment);
      const foreign = new other.SqlFragment(["SELECT ", "::int AS a, ", "::text AS b"]);
      expect(await db.$queryRaw`WITH f AS (${foreign.bind([2, "t"])}) SELECT f.a, f.b, ${3}::int AS c FROM f`).toEqual([{ a: 2, b: "t", c: 3 }]);
    });
  });

  it("a quiet store's statement and transaction take the next free connection ahead of a flood that queued first", async () => {
    const small = createHotPathDb(process.env.DATABASE_URL!, 2);
    try {
      const done: string[] = [];
      const asStore = <T,>(storeId: string, fn: () => Promise<T>) => runWithRequestContext({ request_id: `r-${storeId}`, store_id: storeId }, fn);
      const flood = Array.from({ length: 8 }, (_, i) =>
        asStore("flood", () => small.$queryRaw`SELECT pg_sleep(0.05)`).then(() => done.push(`flood${i}`)),
      );
      await new Promise((r) => setTimeout(r, 10));
      expect(small.gate.waiting).toBe(6);
      const quiet = asStore("quiet", () => small.$queryRaw`SELECT 1`).then(() => done.push("quiet"));
      const quietTx = asStore("quiet-tx", () => small.$transaction((tx) => tx.$queryRaw`SELECT 1`)).then(() => done.push("quiet-tx"));
      await Promise.all([...flood, quiet, quietTx]);
      // First come, first served would finish them 9th and 10th, after every statement of the flood.
      expect(done.indexOf("quiet")).toBeLessThan(4);
      expect(done.indexOf("quiet-tx")).toBeLessThan(4);
      expect(done).toHaveLength(10);
      expect({ taken: small.gate.taken, waiting: small.gate.waiting }).toEqual({ taken: 0, waiting: 0 });
    } finally {
      await small.end();
    }
  });

  it("runs at most `activeStatements` statements at once on a larger pool, the rest waiting their turn at the gate", async () => {
    const narrow = createHotPathDb(process.env.DATABASE_URL!, 6, { activeStatements: 2 });
    try {
      expect(narrow.gate.capacity).toBe(2);
      const work = Array.from({ length: 8 }, () => narrow.$queryRaw`SELECT pg_sleep(0.03)`);
      await new Promise((r) => setTimeout(r, 10));
      expect({ taken: narrow.gate.taken, waiting: narrow.gate.waiting }).toEqual({ taken: 2, waiting: 6 });
      await Promise.all(work);
      // The pool never opened more connections than the gate lets through.
      expect(narrow.pool.totalCount).toBeLessThanOrEqual(2);
      expect({ taken: narrow.gate.taken, waiting: narrow.gate.waiting }).toEqual({ taken: 0, waiting: 0 });
    } finally {
      await narrow.end();
    }
  });
});
