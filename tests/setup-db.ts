import { inject } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";

// Runs before each test file: clone the migrated template into a fresh database and point the
// app's lazy Prisma client (lib/db) at it through DATABASE_URL.
const server = inject("pgServerUrl");
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE app_template`);
} finally {
  await admin.end();
}
process.env.DATABASE_URL = `${server}/${name}`;
(process.env as Record<string, string>).NODE_ENV ??= "test";
// Fixed secrets: tests never write to .data/ and every worker agrees on them.
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.META_APP_SECRET ??= "test-meta-app-secret";
process.env.META_VERIFY_TOKEN ??= "test-verify-token";
process.env.SANDBOX_PAYMENTS_SECRET ??= "test-sandbox-secret-0123456789";
// The suites stand in for many clients by sending X-Forwarded-For (as a trusted proxy would).
process.env.TRUST_PROXY ??= "1";
