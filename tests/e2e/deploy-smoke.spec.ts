import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

// Issue 20: the deployment shape of deploy/compose.yml (PostgreSQL, migrate, a worker, two web instances
// with LOCAL_JOBS=0) as separate processes, with the image's own commands, passes the smoke test. It uses
// the production build this suite already made.
test("the compose shape without Docker: migrate, one worker and two web instances answer a comment end to end", async () => {
  test.setTimeout(300_000);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/smoke-deploy.ts"], { env: { ...process.env, E2E_PORT: undefined }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(output, output).toContain("[smoke] passed");
  expect(code).toBe(0);
});
