import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb } from "@/lib/db";
import { defineJob } from "../define";
import { createLocalDriver } from "../local-driver";
import { jobRowsInsert } from "./job-rows";

afterAll(() => disconnectPrisma());

const def = defineJob({ id: "job-rows-probe", event: "order/created", concurrency: { key: "event.data.storeId", limit: 2 }, handler: async () => null });
const driver = createLocalDriver({ functions: [def] });
const rowsFor = (orderId: string, ts?: number) => driver.outboxRows({ name: "order/created", id: `rows:${orderId}`, data: { orderId, storeId: "s1" }, ...(ts && { ts }) });

type Stored = { eventId: string; concurrencyKey: string | null; maxAttempts: number; runAt: Date; payload: { data: { orderId: string } } };
const stored = (eventIds: string[]) =>
  hotPathDb.$queryRaw<Stored[]>`SELECT "eventId", "concurrencyKey", "maxAttempts", "runAt", payload FROM jobs WHERE "eventId" = ANY(${eventIds}::text[]) ORDER BY "eventId"`;

describe("the one shape of a job row insert", () => {
  // Only the rows whose order the statement keeps, like the producers' JOIN/WHERE on what they inserted.
  const insertKept = jobRowsInsert({ filter: "JOIN keep ON r.eid = 'rows:' || keep.id", returning: '"eventId" AS eid' });
  const queue = (rows: ReturnType<typeof rowsFor>, keep: string[]) =>
    hotPathDb.$queryRaw<{ eid: string }[]>`WITH keep AS (SELECT unnest(${keep}::text[]) AS id), queued AS (${insertKept(rows!)}) SELECT eid FROM queued`;

  test("spliced into a producer's statement, it writes the kept rows once, due on the database clock or at the event's future ts", async () => {
    const later = Date.now() + 60_000;
    const rows = [...rowsFor("a")!, ...rowsFor("b")!, ...rowsFor("c", later)!];
    const [before] = await hotPathDb.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;

    expect((await queue(rows, ["a", "c"])).map((r) => r.eid).sort()).toEqual(["rows:a", "rows:c"]);
    // Redelivered: the same event ids are a no-op.
    expect(await queue([...rowsFor("a")!, ...rowsFor("c", later)!], ["a", "c"])).toEqual([]);

    const [a, c] = await stored(["rows:a", "rows:b", "rows:c"]);
    expect((await stored(["rows:b"])).length).toBe(0);
    expect(a).toMatchObject({ eventId: "rows:a", concurrencyKey: "job-rows-probe:s1", maxAttempts: 4, payload: { data: { orderId: "a" } } });
    expect(a!.runAt.getTime()).toBeGreaterThanOrEqual(before!.now.getTime() - 1);
    expect(a!.runAt.getTime()).toBeLessThan(later);
    expect(c!.runAt.toISOString()).toBe(new Date(later).toISOString());
  });

  test("is written once: no other product file writes a jobs row by hand", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && /INSERT\s+INTO\s+"?jobs"?\s*\(/i.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    for (const dir of ["app", "lib", "inngest", "scripts"]) walk(dir);
    expect(offenders).toEqual([join("lib", "jobs", "local", "job-rows.ts")]);
  });
});
