import { hotPathDb, type SqlDb } from "@/lib/db";
import type { SqlClient } from "@/lib/sql";

type Statement = { strings: TemplateStringsArray; values: unknown[] };
type Plan = { "Shared Hit Blocks": number; "Shared Read Blocks": number };

/**
 * The shared buffers PostgreSQL reads for the last statement `run` sends: `run` is called with a database
 * that only records its statements (in transactions too, answering nothing), then they are replayed in one
 * transaction that is rolled back — the earlier ones as they are (e.g. a transaction's settings), the last
 * under EXPLAIN (ANALYZE, BUFFERS). A cost measure that, unlike a duration, does not depend on the machine.
 */
export async function explainBuffers(run: (db: SqlDb) => Promise<unknown>): Promise<number> {
  const statements: Statement[] = [];
  const record: SqlClient = {
    $queryRaw: (async (strings: TemplateStringsArray, ...values: unknown[]) => {
      statements.push({ strings, values });
      return [];
    }) as SqlClient["$queryRaw"],
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      statements.push({ strings, values });
      return 0;
    },
  };
  await run({ ...hotPathDb, ...record, $transaction: (fn) => fn(record) });
  const last = statements.pop();
  if (!last) throw new Error("no statement was sent");
  const prefixed = [`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${last.strings[0]}`, ...last.strings.slice(1)];
  const explained = Object.assign(prefixed, { raw: prefixed }) as unknown as TemplateStringsArray;
  let buffers = -1;
  await hotPathDb
    .$transaction(async (tx) => {
      for (const s of statements) await tx.$queryRaw(s.strings, ...s.values);
      const [row] = await tx.$queryRaw<{ "QUERY PLAN": [{ Plan: Plan }] }[]>(explained, ...last.values);
      const plan = row!["QUERY PLAN"][0].Plan;
      buffers = plan["Shared Hit Blocks"] + plan["Shared Read Blocks"];
      throw new RolledBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  return buffers;
}

class RolledBack extends Error {}
