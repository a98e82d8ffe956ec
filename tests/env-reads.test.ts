import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

// Settings are read in one place, lib/env.ts (env(), processSettings(), databaseUrl()): a setting read
// anywhere else escapes validation, defaults and the README's configuration table.
const ROOTS = ["app", "components", "lib", "inngest", "scripts", "instrumentation.ts"];
// Passing the environment on to a child process (`...process.env`) or setting a variable for one is not reading a setting.
const PASSING_ON = /\.\.\.process\.env\b|process\.env\.[A-Z_]+\s*=[^=]/;
const ALLOWED = new Set([
  "lib/env.ts",
  // Plain Node scripts run before any TypeScript loader (prisma-migrate.mjs is the offline migration runner).
  "scripts/prisma-migrate.mjs",
  "scripts/db-migration-new.mjs",
]);
// Next.js inlines NEXT_RUNTIME at build time: it must stay a literal `process.env.NEXT_RUNTIME`.
const INLINED_BY_NEXT = /process\.env\.NEXT_RUNTIME/;

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return /\.(tsx?|mjs)$/.test(path) && !/\.test\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((entry) => sourceFiles(join(path, entry)));
}

describe("settings", () => {
  test("no product file reads process.env except lib/env.ts", () => {
    const offenders: string[] = [];
    for (const file of ROOTS.flatMap(sourceFiles)) {
      if (ALLOWED.has(file)) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "").trim();
          if (code.startsWith("*") || !/process\.env\b/.test(code)) return;
          if (INLINED_BY_NEXT.test(code)) return;
          const rest = code.replace(new RegExp(PASSING_ON.source, "g"), "");
          if (/process\.env\b/.test(rest)) offenders.push(`${file}:${i + 1}: ${code}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
