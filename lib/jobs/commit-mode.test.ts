import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { stepCommitMode } from "./commit-mode";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("commit mode of the comment → DM steps", () => {
  test("asynchronous on the local driver, synchronous under Inngest (where Inngest, not a commit, memoises a step)", () => {
    delete process.env.INNGEST_DEV;
    delete process.env.INNGEST_BASE_URL;
    delete process.env.INNGEST_EVENT_KEY;
    delete process.env.INNGEST_SIGNING_KEY;
    process.env = { ...process.env };
    expect(stepCommitMode()).toBe("off");
    process.env = { ...process.env, INNGEST_DEV: "1" };
    expect(stepCommitMode()).toBe("on");
  });

  test("no step statement outside the local driver's own bookkeeping hard-codes an asynchronous commit", () => {
    // The local driver's claim and write batcher are its own job rows (never reached under Inngest), and a
    // NOTIFY or realtime publish carries no state.
    const allowed = ["lib/jobs/local/", "lib/realtime/publish.ts"];
    const offenders = sources("lib").filter((file) => !allowed.some((a) => file.startsWith(a)) && /set_config\('synchronous_commit', 'off'/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
