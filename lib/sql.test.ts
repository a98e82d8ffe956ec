import { afterAll, describe, expect, it } from "vitest";
import { createSqlDb, pgErrorCode } from "./sql";

const db = createSqlDb(process.env.DATABASE_URL!, 3);
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
});
