import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, test } from "vitest";

// The linter's import/no-cycle does not follow dynamic import(): a lazy `await import("@/inngest/functions")`
// once closed a 15-file cycle lib/jobs → inngest/functions → lib/orders → lib/jobs. This walks the same
// product folders with static imports, re-exports and dynamic imports alike (type-only imports aside:
// they vanish at runtime).
const ROOTS = ["app", "components", "lib", "inngest", "scripts", "instrumentation.ts"];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function productFiles(): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isFile()) {
      if (/\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith(".d.ts")) files.push(normalize(path));
      return;
    }
    for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  for (const root of ROOTS) walk(root);
  return files;
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? join(dirname(from), spec) : null;
  if (base === null) return null;
  for (const ext of EXTENSIONS) {
    const candidate = normalize(base + ext);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string, { types = false } = {}): string[] {
  const imports: string[] = [];
  for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const [, typeKeyword, names, fromSpec, bareSpec, dynamicSpec] = m;
    const typeOnly = fromSpec !== undefined && (typeKeyword !== undefined || /^\{(\s*type\s+[^,}]+,?)+\s*\}$/.test(names!.trim()));
    const target = typeOnly && !types ? null : resolve(file, (fromSpec ?? bareSpec ?? dynamicSpec)!);
    if (target && target !== file) imports.push(target);
  }
  return imports;
}

/** Strongly connected components of more than one file (Tarjan): each is a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

describe("module structure", () => {
  test("no runtime import cycle under app, components, lib, inngest and scripts, dynamic import() included", () => {
    const graph = new Map(productFiles().map((file) => [file, importsOf(file)]));
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  test("the jobs room imports nothing from inngest/, not even a type: the function list is passed in where a process starts", () => {
    const jobsFiles = productFiles().filter((f) => f.startsWith(join("lib", "jobs")));
    const intoInngest = jobsFiles.flatMap((f) => importsOf(f, { types: true }).filter((t) => t.startsWith(join("inngest", ""))).map((t) => `${f} → ${t}`));
    expect(jobsFiles.length).toBeGreaterThan(10);
    expect(intoInngest).toEqual([]);
  });
});
