/**
 * `npm run db:restore -- <file> [--replace]`: restores a db:backup file. Stop the app first. The database
 * must be empty unless --replace is given (which empties it first); all or nothing.
 */
import { existsSync } from "node:fs";
import { restoreDatabase } from "../lib/backup/restore-database";
import { openDatabase } from "./db-connection";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file || !existsSync(file)) {
  console.error(`[livestreamsell] usage: npm run db:restore -- <backup file> [--replace]${file ? ` (no such file: ${file})` : ""}`);
  process.exit(2);
}
const db = await openDatabase();
try {
  const { tables, rows } = await restoreDatabase({ databaseUrl: db.url, file, migrate: db.migrate, replace: args.includes("--replace") });
  console.log(`[livestreamsell] restored ${rows} rows into ${tables} tables from ${file}`);
} catch (error) {
  console.error(`[livestreamsell] restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
