import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { metrics } from "@/lib/observability/metrics";

// Issue 20: Docker is not available here, so what can be checked without it is checked: the compose file
// parses and runs the image's own commands, its variables are the app's, and the alert rules and the
// dashboard only use metrics the app exports (a renamed metric would silently blind them).

const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
const envKeys = new Set([...read("lib/env.ts").matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!));

type Service = { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; profiles?: string[] };
const compose = parse(read("deploy/compose.yml"), { merge: true }) as { services: Record<string, Service> };

async function exportedMetricNames(): Promise<Set<string>> {
  const json = await metrics().registry.getMetricsAsJSON();
  return new Set(json.map((m) => m.name));
}
/** Metric names in a PromQL text, with histogram suffixes taken back to the histogram's name. */
const referencedMetrics = (text: string) => new Set([...text.matchAll(/\blss_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, "")));

describe("deploy/compose.yml", () => {
  test("runs PostgreSQL, a one-off migrate, web and worker from the image's npm scripts, and Inngest behind a profile", () => {
    const { services } = compose;
    expect(Object.keys(services).sort()).toEqual(["inngest", "migrate", "postgres", "redis", "web", "worker"]);
    for (const [name, script] of [["migrate", "deploy:migrate"], ["web", "start:web"], ["worker", "start:worker"]] as const) {
      expect(services[name]!.command).toEqual(["npm", "run", script]);
      expect(scripts[script], `package.json has ${script}`).toBeDefined();
    }
    expect(services.web!.environment!.LOCAL_JOBS).toBe("0");
    expect(services.web!.depends_on!.migrate!.condition).toBe("service_completed_successfully");
    expect(services.worker!.depends_on!.migrate!.condition).toBe("service_completed_successfully");
    expect(services.inngest!.profiles).toEqual(["inngest"]);
    expect(services.inngest!.command).toContain("start");
  });

  test("every variable it gives the app is one the app reads (a typo would be silently ignored)", () => {
    const extra = new Set(["NEXTAUTH_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "HOSTNAME_BIND"]);
    for (const name of ["migrate", "web", "worker"]) {
      for (const key of Object.keys(compose.services[name]!.environment!)) {
        expect(envKeys.has(key) || extra.has(key), `${name}: ${key}`).toBe(true);
      }
    }
  });

  test("the Dockerfile is multi-stage, runs as a non-root user, has a health check and migrates before serving", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^USER app$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health/m);
    const cmd = /^CMD (.+)$/m.exec(dockerfile)![1]!;
    expect(cmd).toContain("npm run deploy:migrate && exec npm run start:web");
  });
});

describe("deploy/prometheus and deploy/grafana", () => {
  test("every alert rule uses exported metrics and links a runbook that exists", async () => {
    const names = await exportedMetricNames();
    const rules = (parse(read("deploy/prometheus/alerts.yml")) as { groups: { rules: { alert: string; expr: string; annotations: { runbook?: string } }[] }[] }).groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      for (const metric of referencedMetrics(rule.expr)) expect(names.has(metric), `${rule.alert}: ${metric}`).toBe(true);
      if (rule.annotations.runbook) expect(existsSync(join(root, rule.annotations.runbook)), rule.annotations.runbook).toBe(true);
    }
    const scrape = parse(read("deploy/prometheus/prometheus.yml")) as { rule_files: string[] };
    expect(scrape.rule_files).toEqual(["alerts.yml"]);
  });

  test("every dashboard panel queries exported metrics", async () => {
    const names = await exportedMetricNames();
    const dashboard = JSON.parse(read("deploy/grafana/livestreamsell-dashboard.json")) as { panels: { title: string; targets: { expr: string }[] }[] };
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        for (const metric of referencedMetrics(target.expr)) {
          expect(names.has(metric) || metric.startsWith("lss_process_"), `${panel.title}: ${metric}`).toBe(true);
        }
      }
    }
  });

  test("the runbooks the issue asks for exist", () => {
    for (const runbook of ["page-token-expired", "llm-down", "payment-provider-down", "job-backlog", "database-full", "webhooks-disabled-by-meta"]) {
      expect(existsSync(join(root, "docs/runbooks", `${runbook}.md`)), runbook).toBe(true);
    }
  });
});
