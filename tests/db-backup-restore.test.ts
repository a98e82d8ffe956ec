import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { prisma } from "@/lib/db";
import { backupDatabase } from "@/lib/backup/backup-database";
import { RestoreError, restoreDatabase } from "@/lib/backup/restore-database";
import { seedStore } from "./helpers/seed";

// Issue 20: `npm run db:backup` / `db:restore` for the embedded default (its PostgreSQL has no pg_dump).
// The proof is a round trip into a fresh database that leaves every table byte-for-byte equal.

const server = inject("pgServerUrl");
const dir = mkdtempSync(join(tmpdir(), "lss-backup-"));
const admin = new pg.Client({ connectionString: `${server}/postgres` });
beforeAll(() => admin.connect());
afterAll(() => admin.end());

async function emptyDatabase(): Promise<string> {
  const name = `restore_${randomBytes(5).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  return `${server}/${name}`;
}
const migrateInto = (url: string) => () => {
  const run = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  if (run.status !== 0) throw new Error("migrations failed");
};

/** Every app table's rows, hashed in a fixed order: equal digests mean equal contents. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await client.query<{ d: string; n: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d, count(*)::text AS n FROM "${t}" x`);
      out[t] = `${rows[0]!.n}:${rows[0]!.d}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function seedAwkwardData() {
  const { store } = await seedStore();
  // What sellers really type: quotes, backslashes, emoji, right-to-left text, a multi-line note.
  await prisma.product.create({ data: { storeId: store.id, sku: "Q-1", name: `Bolsa "negra" \\ 50% 👜 حقيبة`, priceMinor: 1, stock: 0, keywords: ["bolsa", "o'neil"] } });
  const key = randomBytes(6).toString("hex");
  // Three orders (#1–#3 of this store) so a restore that renumbered them, or restarted the count, shows.
  for (const n of [1, 2, 3])
    await prisma.order.create({
      data: { storeId: store.id, currency: "CLP", subtotalMinor: 123456789, totalMinor: 123456789, expiresAt: new Date("2026-12-31T23:59:59.999Z"), idempotencyKey: `k_${key}_${n}`, checkoutToken: `t_${key}_${n}`, flagReason: "línea 1\nlínea 2\ttab" },
    });
  return store;
}

// Each restore applies every migration to a new database: seconds on a quiet machine, far more on a busy CI one.
describe("db:backup / db:restore (issue 20)", { timeout: 180_000 }, () => {
  test("a backup restored into an empty database reproduces every table exactly, and order numbers continue after it", async () => {
    await seedAwkwardData();
    const file = join(dir, "roundtrip.jsonl.gz");
    const header = await backupDatabase({ databaseUrl: process.env.DATABASE_URL!, file });
    expect(header.tables.find((t) => t.name === "products")!.rows).toBeGreaterThanOrEqual(2);

    const target = await emptyDatabase();
    const result = await restoreDatabase({ databaseUrl: target, file, migrate: migrateInto(target) });
    expect(result.rows).toBe(header.tables.reduce((s, t) => s + t.rows, 0));
    expect(await tableDigests(target)).toEqual(await tableDigests(process.env.DATABASE_URL!));

    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      // Each store's next order takes the number after its highest restored one (the insert trigger and the
      // restored order_number_counters rows work in the restored database).
      const { rows: before } = await client.query<{ storeId: string; n: number }>(`SELECT "storeId", max(number) AS n FROM orders GROUP BY 1`);
      expect(before.length).toBeGreaterThan(0);
      for (const { storeId, n } of before) {
        const { rows } = await client.query<{ number: number }>(
          `INSERT INTO orders (id, "storeId", currency, "subtotalMinor", "totalMinor", "expiresAt", "idempotencyKey", "checkoutToken", "updatedAt")
           VALUES ($1, $2, 'CLP', 1, 1, now(), $1, $1, now()) RETURNING number`,
          [`after-restore-${storeId}`, storeId],
        );
        expect(rows[0]!.number).toBe(n + 1);
      }
      expect(before.some((b) => b.n === 3)).toBe(true);
    } finally {
      await client.end();
    }
  });

  test("restoring over existing data is refused without --replace and changes nothing; with it, the data is replaced", async () => {
    await seedAwkwardData();
    const file = join(dir, "over.jsonl.gz");
    await backupDatabase({ databaseUrl: process.env.DATABASE_URL!, file });
    const target = await emptyDatabase();
    await restoreDatabase({ databaseUrl: target, file, migrate: migrateInto(target) });
    const before = await tableDigests(target);

    await expect(restoreDatabase({ databaseUrl: target, file, migrate: migrateInto(target) })).rejects.toThrow(/already holds data/);
    expect(await tableDigests(target)).toEqual(before);

    await restoreDatabase({ databaseUrl: target, file, migrate: migrateInto(target), replace: true });
    expect(await tableDigests(target)).toEqual(before);
  });

  test("a cut-off backup, a foreign file and a backup from newer code are refused, leaving the database empty", async () => {
    await seedAwkwardData();
    const file = join(dir, "good.jsonl.gz");
    await backupDatabase({ databaseUrl: process.env.DATABASE_URL!, file });
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");

    const cut = join(dir, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join("\n")));
    const future = join(dir, "future.jsonl.gz");
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    writeFileSync(future, gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, "29991231000000_from_the_future"] }), ...lines.slice(1)].join("\n")));
    const foreign = join(dir, "foreign.jsonl.gz");
    writeFileSync(foreign, gzipSync("id,name\n1,x\n"));

    for (const [bad, message] of [[cut, /incomplete/], [future, /newer version/], [foreign, /not a LiveStreamSell backup/]] as const) {
      const target = await emptyDatabase();
      const error = await restoreDatabase({ databaseUrl: target, file: bad, migrate: migrateInto(target) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreError);
      expect((error as Error).message).toMatch(message);
      const digests = await tableDigests(target).catch(() => ({}));
      expect(Object.values(digests).every((d) => d.startsWith("0:"))).toBe(true);
    }
  });

  test("the npm scripts run the same code from the command line", async () => {
    await seedAwkwardData();
    const file = join(dir, "cli.jsonl.gz");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", file], { env, encoding: "utf8" });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/backup written/);
    const target = await emptyDatabase();
    const restore = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-restore.ts", file], { env: { ...env, DATABASE_URL: target }, encoding: "utf8" });
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/restored \d+ rows/);
    expect(await tableDigests(target)).toEqual(await tableDigests(process.env.DATABASE_URL!));
    const missing = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-restore.ts", join(dir, "nope.gz")], { env, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/usage: npm run db:restore/);
  });
});
