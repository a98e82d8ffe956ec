import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shippedLicenses } from "./shipped-licenses";

function fixture() {
  const root = mkdtempSync(path.join(tmpdir(), "licenses-"));
  const install = (dir: string, pkg: Record<string, unknown>) => {
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, dir, "package.json"), JSON.stringify(pkg));
  };
  install("node_modules/zod", { name: "zod", license: "MIT" });
  install("node_modules/vitest", { name: "vitest", license: "MIT" });
  install("node_modules/@scope/thing", { name: "@scope/thing", license: { type: "Apache-2.0" } });
  install("node_modules/a/node_modules/zod", { name: "zod", license: "MIT" });
  writeFileSync(path.join(root, "package-lock.json"), JSON.stringify({
    packages: {
      "": { name: "app" },
      "node_modules/zod": { version: "4.0.0", license: "MIT" },
      "node_modules/vitest": { version: "4.1.0", license: "MIT", dev: true },
      "node_modules/@scope/thing": { version: "1.2.3" },
      "node_modules/a/node_modules/zod": { version: "3.0.0", license: "MIT" },
      "node_modules/@next/swc-win32-x64-msvc": { version: "16.0.0", license: "MIT", optional: true },
    },
  }));
  return root;
}

describe("shippedLicenses", () => {
  it("lists the installed non-development packages with their licence, nested versions too, never dev or absent optional ones", () => {
    expect(shippedLicenses(fixture())).toEqual([
      { name: "@scope/thing", version: "1.2.3", license: "Apache-2.0" },
      { name: "zod", version: "3.0.0", license: "MIT" },
      { name: "zod", version: "4.0.0", license: "MIT" },
    ]);
  });

  it("finds this app's real runtime packages (next, react, prisma) and no test runner", () => {
    const names = new Set(shippedLicenses().map((p) => p.name));
    expect(names.has("next")).toBe(true);
    expect(names.has("react")).toBe(true);
    expect(names.has("vitest")).toBe(false);
    expect(shippedLicenses().every((p) => p.license.length > 0)).toBe(true);
  });
});
