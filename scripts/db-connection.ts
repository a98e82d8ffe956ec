/**
 * The database `npm run db:backup` / `db:restore` work on: DATABASE_URL when set, else the embedded
 * default under .data/ — the running one (its port is in .data/pg-port) or, when the app is stopped,
 * one started for the command and stopped after it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { databaseUrl, processSettings } from "../lib/env";
import { startEmbeddedPostgres } from "./embedded-postgres";

export async function openDatabase(): Promise<{ url: string; close: () => Promise<void>; migrate: () => void }> {
  const migrate = (url: string) => () => {
    const run = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
    if (run.status !== 0) throw new Error("applying migrations failed");
  };
  const configured = databaseUrl();
  if (configured) return { url: configured, close: async () => {}, migrate: migrate(configured) };
  const { dataDir } = processSettings();
  const portFile = join(dataDir, "pg-port");
  if (existsSync(portFile)) {
    const url = `postgresql://postgres:postgres@127.0.0.1:${readFileSync(portFile, "utf8").trim()}/livestreamsell`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    const running = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => {});
    if (running) return { url, close: async () => {}, migrate: migrate(url) };
  }
  const db = await startEmbeddedPostgres(dataDir);
  return { url: db.url, close: db.stop, migrate: migrate(db.url) };
}
