/**
 * The process supervisor of `npm start` (scripts/run.ts): the embedded PostgreSQL, the job worker and
 * the web server as supervised children.
 *
 * - A child's exit is caught by a listener attached when it is started, so stopping never waits for an
 *   `exit` event that already fired (a child killed by a signal has `exitCode === null`; checking that
 *   field alone made `npm start` hang after a crash).
 * - A child that may restart (the worker, PostgreSQL) is started again after a backoff, said in the log;
 *   too many restarts in a window, or the death of a child that may not restart (the web server), stop
 *   everything with a non-zero code (128 + signal number for a signal), so a process manager restarts it.
 * - Stopping sends each child its stop signal in stop order (the web server and worker first, PostgreSQL
 *   last, with SIGINT: a fast shutdown), escalates to SIGKILL after a timeout, and never hangs.
 */
import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

type RestartPolicy = {
  /** First delay; doubled per restart inside the window, up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** More restarts than this inside windowMs: give up and stop everything. */
  maxRestarts: number;
  windowMs: number;
};

export type ChildSpec = {
  name: string;
  /** Starts (or starts again) the child; a rejected start counts as an immediate exit. */
  start: () => ChildProcess | Promise<ChildProcess>;
  /** Omitted: the child's death stops everything. */
  restart?: RestartPolicy;
  /** Default SIGTERM (PostgreSQL: SIGINT, its fast shutdown). */
  stopSignal?: NodeJS.Signals;
  /** Children are stopped in ascending stopOrder groups (default 0); each group after the previous one exited. */
  stopOrder?: number;
  /** Called after every (re)start with the new process, e.g. to log its pid. */
  onStart?: (child: ChildProcess, restarts: number) => void;
};

type Supervised = {
  spec: ChildSpec;
  child: ChildProcess | null;
  exited: Promise<ChildExit> | null;
  restarts: number[];
  timer: NodeJS.Timeout | null;
};

/** The exit code a crash of this child should give the supervisor: its own non-zero code, 128 + signal, else 1. */
export function exitCodeOf(exit: ChildExit): number {
  if (exit.code !== null && exit.code !== 0) return exit.code;
  if (exit.signal) return 128 + (constants.signals[exit.signal] ?? 0);
  return 1;
}

export function describeExit(exit: ChildExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** A promise of the child's exit, attached at once (so an exit that already happened is never missed). */
function watchExit(child: ChildProcess): Promise<ChildExit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    // A spawn that failed (ENOENT, EACCES) emits only "error".
    child.once("error", () => resolve({ code: child.exitCode ?? 1, signal: child.signalCode }));
  });
}

function isRunning(s: Supervised) {
  return s.child !== null && s.child.exitCode === null && s.child.signalCode === null;
}

export class Supervisor {
  private readonly children: Supervised[] = [];
  private stopping: Promise<number> | null = null;
  private resolveDone!: (code: number) => void;
  /** Resolves with the exit code once everything has stopped (after stop(), or after a fatal child death). */
  readonly done: Promise<number> = new Promise((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly options: {
      log: (message: string) => void;
      /** SIGKILL a child that has not exited this long after its stop signal. */
      stopTimeoutMs?: number;
      /** Runs once after every child has exited (e.g. closing files). */
      afterStop?: () => Promise<void>;
    },
  ) {}

  /** Starts a child under supervision, or adopts one already running (`running`). */
  async add(spec: ChildSpec, running?: ChildProcess): Promise<void> {
    const s: Supervised = { spec, child: null, exited: null, restarts: [], timer: null };
    this.children.push(s);
    if (running) this.attach(s, running);
    else await this.launch(s);
  }

  get isStopping() {
    return this.stopping !== null;
  }

  /** The current process of a child (null while it is down). */
  processOf(name: string): ChildProcess | null {
    const s = this.children.find((c) => c.spec.name === name);
    return s && isRunning(s) ? s.child : null;
  }

  private attach(s: Supervised, child: ChildProcess) {
    s.child = child;
    const exited = watchExit(child);
    s.exited = exited;
    s.spec.onStart?.(child, s.restarts.length);
    void exited.then((exit) => {
      if (s.child === child) this.onExit(s, exit);
    });
  }

  private async launch(s: Supervised) {
    let child: ChildProcess;
    try {
      child = await s.spec.start();
    } catch (error) {
      this.options.log(`${s.spec.name} failed to start: ${error instanceof Error ? error.message : String(error ?? "no reason given")}`);
      s.child = null;
      this.onExit(s, { code: 1, signal: null });
      return;
    }
    if (this.stopping) {
      // Started while everything stops: stop it too.
      child.kill(s.spec.stopSignal ?? "SIGTERM");
    }
    this.attach(s, child);
  }

  private onExit(s: Supervised, exit: ChildExit) {
    if (this.stopping) return;
    const policy = s.spec.restart;
    if (!policy) {
      this.options.log(`${s.spec.name} exited unexpectedly (${describeExit(exit)}): stopping`);
      void this.stop(exitCodeOf(exit));
      return;
    }
    const now = Date.now();
    s.restarts = s.restarts.filter((t) => now - t < policy.windowMs);
    if (s.restarts.length >= policy.maxRestarts) {
      this.options.log(`${s.spec.name} exited (${describeExit(exit)}) after ${s.restarts.length} restarts in ${Math.round(policy.windowMs / 1000)} s: giving up, stopping`);
      void this.stop(exitCodeOf(exit));
      return;
    }
    const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** s.restarts.length);
    s.restarts.push(now);
    this.options.log(`${s.spec.name} exited unexpectedly (${describeExit(exit)}): restarting in ${delay} ms (restart ${s.restarts.length} of ${policy.maxRestarts} allowed in ${Math.round(policy.windowMs / 1000)} s)`);
    s.timer = setTimeout(() => {
      s.timer = null;
      if (!this.stopping) void this.launch(s);
    }, delay);
  }

  /**
   * Stops every child (stop signal, then SIGKILL after the timeout), in stop order, then `afterStop`.
   * Idempotent: later calls get the first call's code. Never waits for an exit that already happened.
   */
  stop(code: number): Promise<number> {
    this.stopping ??= (async () => {
      const timeoutMs = this.options.stopTimeoutMs ?? 15_000;
      for (const s of this.children) if (s.timer) clearTimeout(s.timer);
      const orders = [...new Set(this.children.map((c) => c.spec.stopOrder ?? 0))].sort((a, b) => a - b);
      for (const order of orders) {
        await Promise.all(
          this.children
            .filter((c) => (c.spec.stopOrder ?? 0) === order)
            .map(async (s) => {
              if (!s.child || !s.exited || !isRunning(s)) return;
              const child = s.child;
              child.kill(s.spec.stopSignal ?? "SIGTERM");
              let timer: NodeJS.Timeout | undefined;
              const killed = new Promise<void>((resolve) => {
                timer = setTimeout(() => {
                  this.options.log(`${s.spec.name} did not stop within ${timeoutMs} ms: SIGKILL`);
                  child.kill("SIGKILL");
                  resolve();
                }, timeoutMs);
              });
              await Promise.race([s.exited, killed]);
              await s.exited;
              clearTimeout(timer);
            }),
        );
      }
      if (this.options.afterStop) {
        await this.options.afterStop().catch((e) => this.options.log(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`));
      }
      this.resolveDone(code);
      return code;
    })();
    return this.stopping;
  }
}
