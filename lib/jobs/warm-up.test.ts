import { afterAll, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb } from "@/lib/db";
import { warmUpWorker } from "./warm-up";

afterAll(() => disconnectPrisma());

test("warm-up opens the pool's connections with the job claim already planned on every one, and writes nothing", async () => {
  const [before] = await hotPathDb.$queryRaw<{ jobs: bigint }[]>`SELECT count(*) AS jobs FROM jobs`;
  await disconnectPrisma(); // a fresh pool, as in a process that just started

  await warmUpWorker({ connections: 4 });

  // Four concurrent statements take the four pooled connections, one each.
  const prepared = await Promise.all(
    Array.from({ length: 4 }, () =>
      hotPathDb.$queryRaw<{ pid: number; claim: bigint }[]>`
        SELECT pg_backend_pid() AS pid, (SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%WITH lim AS MATERIALIZED%' AND statement NOT LIKE '%pg_prepared_statements%') AS claim, pg_sleep(0.1)::text`,
    ),
  );
  expect(new Set(prepared.map(([r]) => r!.pid)).size).toBe(4);
  expect(prepared.map(([r]) => Number(r!.claim))).toEqual([1, 1, 1, 1]);
  const [after] = await hotPathDb.$queryRaw<{ jobs: bigint }[]>`SELECT count(*) AS jobs FROM jobs`;
  expect(after!.jobs).toBe(before!.jobs);
});
