/**
 * `npm run deploy:migrate`: what a deployment runs once before its web instances and workers start (the
 * Docker image's default command runs it before the web server; deploy/compose.yml runs it as a one-off
 * `migrate` service): apply the migrations, then the platform's defaults (plans and, from ADMIN_EMAIL /
 * ADMIN_PASSWORD, the first superadmin). Safe to run again: both steps skip what is already there.
 */
import { spawnSync } from "node:child_process";
import { bootstrapPlatform } from "../lib/admin/bootstrap";
import { disconnectPrisma } from "../lib/db";
import { databaseUrl, processSettings } from "../lib/env";

if (!databaseUrl()) {
  console.error("[livestreamsell] DATABASE_URL is required");
  process.exit(2);
}
const migrate = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { stdio: "inherit" });
if (migrate.status !== 0) {
  console.error("[livestreamsell] migrations failed");
  process.exit(1);
}
const { createdAdmin } = await bootstrapPlatform({ adminEmail: processSettings().adminEmail, adminPassword: processSettings().adminPassword });
await disconnectPrisma();
if (createdAdmin) console.log(`[livestreamsell] superadmin created: ${createdAdmin.email}${createdAdmin.password ? ` / password: ${createdAdmin.password} (shown once)` : ""}`);
console.log("[livestreamsell] database ready");
