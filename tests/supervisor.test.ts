import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";
import { Supervisor, exitCodeOf } from "@/scripts/supervisor";

// Real child processes (plain node), as `npm start` supervises them; every wait is bounded by the test timeout.
const node = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });
const SLEEPER = "setInterval(() => {}, 1000)";
const STUBBORN = "process.on('SIGTERM', () => {}); process.stdout.write('ready'); setInterval(() => {}, 1000)";
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const started = (child: ChildProcess) => new Promise<void>((resolve) => (child.pid ? resolve() : child.once("spawn", () => resolve())));

function supervisor(options: { stopTimeoutMs?: number; afterStop?: () => Promise<void> } = {}) {
  const lines: string[] = [];
  const s = new Supervisor({ log: (m) => lines.push(m), stopTimeoutMs: options.stopTimeoutMs ?? 5_000, afterStop: options.afterStop });
  return { s, lines };
}

describe("the process supervisor of npm start", () => {
  test("a child killed by a signal stops everything with a non-zero code instead of hanging, and the cleanup runs once", async () => {
    let cleanups = 0;
    const { s, lines } = supervisor({ afterStop: async () => void cleanups++ });
    const web = node(SLEEPER);
    const worker = node(SLEEPER);
    await Promise.all([started(web), started(worker)]);
    await s.add({ name: "web server", start: () => web });
    await s.add({ name: "job worker", start: () => worker, restart: { baseMs: 60_000, maxMs: 60_000, maxRestarts: 5, windowMs: 60_000 } });

    web.kill("SIGKILL");
    const code = await s.done;
    expect(code).toBe(137); // 128 + SIGKILL: a process manager sees a crash, not a clean exit
    expect(exited(worker)).toBe(true);
    expect(cleanups).toBe(1);
    expect(lines.join("\n")).toMatch(/web server exited unexpectedly \(killed by SIGKILL\): stopping/);
    // Stopping again (a signal arriving late) neither hangs nor runs the cleanup twice.
    expect(await s.stop(0)).toBe(137);
    expect(cleanups).toBe(1);
  });

  test("a child that exits with 0 on its own is still a crash: the exit code is not 0", async () => {
    const { s } = supervisor();
    await s.add({ name: "web server", start: () => node("setTimeout(() => process.exit(0), 50)") });
    expect(await s.done).toBe(1);
    expect(exitCodeOf({ code: 3, signal: null })).toBe(3);
    expect(exitCodeOf({ code: null, signal: "SIGTERM" })).toBe(143);
  });

  test("a crashed worker is restarted with growing backoff, logged, and after too many crashes everything stops non-zero", async () => {
    const { s, lines } = supervisor();
    const starts: number[] = [];
    await s.add({ name: "web server", start: () => node(SLEEPER) });
    await s.add({
      name: "job worker",
      start: () => {
        starts.push(Date.now());
        return node("setTimeout(() => process.exit(3), 30)");
      },
      restart: { baseMs: 50, maxMs: 1_000, maxRestarts: 3, windowMs: 60_000 },
    });
    expect(await s.done).toBe(3);
    expect(starts).toHaveLength(4); // the first start and three restarts
    expect(starts[3]! - starts[2]!).toBeGreaterThanOrEqual(200); // 50, 100, 200 ms
    const log = lines.join("\n");
    expect(log).toMatch(/job worker exited unexpectedly \(exit code 3\): restarting in 50 ms \(restart 1 of 3/);
    expect(log).toMatch(/restarting in 100 ms/);
    expect(log).toMatch(/restarting in 200 ms/);
    expect(log).toMatch(/job worker exited \(exit code 3\) after 3 restarts in 60 s: giving up, stopping/);
  });

  test("stop() returns after a child already died between crash and restart, and a restarted worker keeps the app up", async () => {
    const { s, lines } = supervisor();
    let current: ChildProcess | null = null;
    await s.add({ name: "web server", start: () => node(SLEEPER) });
    await s.add({ name: "job worker", start: () => (current = node(SLEEPER)), restart: { baseMs: 20, maxMs: 20, maxRestarts: 5, windowMs: 60_000 } });
    const first = current!;
    await started(first);
    first.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 300));
    expect(current).not.toBe(first);
    expect(exited(current!)).toBe(false);
    expect(lines.join("\n")).toMatch(/job worker exited unexpectedly \(killed by SIGKILL\): restarting in 20 ms/);
    current!.kill("SIGKILL");
    // The restart is pending (its exit event fired long ago): stopping must not wait for it.
    expect(await s.stop(0)).toBe(0);
  });

  test("a child that ignores its stop signal is killed after the timeout; children stop in order, the database last", async () => {
    const { s } = supervisor({ stopTimeoutMs: 300 });
    const order: string[] = [];
    const track = (name: string, child: ChildProcess) => (child.once("exit", () => order.push(name)), child);
    await s.add({ name: "database", start: () => track("database", node(SLEEPER)), stopSignal: "SIGINT", stopOrder: 1 });
    const stubborn = spawn(process.execPath, ["-e", STUBBORN], { stdio: ["ignore", "pipe", "ignore"] });
    await new Promise((r) => stubborn.stdout!.once("data", r)); // its SIGTERM handler is installed
    await s.add({ name: "web server", start: () => track("web server", stubborn) });
    const web = s.processOf("web server")!;
    expect(await s.stop(0)).toBe(0);
    expect(web.signalCode).toBe("SIGKILL");
    expect(order).toEqual(["web server", "database"]);
  });

  test("the embedded PostgreSQL killed with SIGKILL is restarted and answers queries again; stopping leaves no server behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lss-supervised-pg-"));
    const { s, lines } = supervisor({ stopTimeoutMs: 10_000 });
    try {
      const db = await startEmbeddedPostgres(dir);
      await s.add({ name: "embedded PostgreSQL", start: db.start, restart: { baseMs: 200, maxMs: 2_000, maxRestarts: 10, windowMs: 60_000 }, stopSignal: "SIGINT", stopOrder: 1 }, db.server);
      const query = async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          return (await client.query("SELECT 1 AS one")).rows[0].one as number;
        } finally {
          await client.end();
        }
      };
      expect(await query()).toBe(1);
      db.server.kill("SIGKILL");
      let answered = false;
      for (let i = 0; i < 100 && !answered; i++) {
        await new Promise((r) => setTimeout(r, 200));
        answered = await query().then(() => true, () => false);
      }
      expect(answered).toBe(true);
      expect(lines.join("\n")).toMatch(/embedded PostgreSQL exited unexpectedly \(killed by SIGKILL\): restarting/);
      const restarted = s.processOf("embedded PostgreSQL")!;
      expect(restarted.pid).not.toBe(db.server.pid);
      expect(await s.stop(0)).toBe(0);
      expect(restarted.exitCode ?? restarted.signalCode).not.toBeNull();
      await expect(query()).rejects.toThrow();
    } finally {
      await s.stop(0);
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
