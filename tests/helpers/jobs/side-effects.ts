import type { Db, SqlClient } from "@/lib/db";

// A side effect the tests can count from any process: one row per execution, tagged.
export async function createSideEffectsTable(db: Db) {
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS test_side_effects (id bigserial PRIMARY KEY, tag text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
}

export async function recordSideEffect(db: Pick<SqlClient, "$executeRaw">, tag: string) {
  await db.$executeRaw`INSERT INTO test_side_effects (tag) VALUES (${tag})`;
}

export async function countSideEffects(db: Pick<SqlClient, "$queryRaw">, tag: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM test_side_effects WHERE tag = ${tag}`;
  return row?.n ?? 0;
}
