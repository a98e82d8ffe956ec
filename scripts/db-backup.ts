/**
 * `npm run db:backup [-- <file>]`: a consistent logical backup of the database (the app may keep running),
 * by default to .data/backups/livestreamsell-<time>.jsonl.gz. See lib/backup/backup-database.ts.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { backupDatabase } from "../lib/backup/backup-database";
import { databaseUrl, processSettings } from "../lib/env";
import { openDatabase } from "./db-connection";

const file = process.argv[2] ?? join(processSettings().dataDir, "backups", `livestreamsell-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
mkdirSync(dirname(file), { recursive: true });
const db = await openDatabase();
try {
  const header = await backupDatabase({ databaseUrl: db.url, file });
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`[livestreamsell] backup written: ${file} (${header.tables.length} tables, ${rows} rows, ${header.migrations.length} migrations)`);
  if (!databaseUrl()) console.log("[livestreamsell] keep .data/secrets.json with it: its ENCRYPTION_KEY decrypts the Page tokens and payment credentials inside");
} catch (error) {
  console.error(`[livestreamsell] backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
