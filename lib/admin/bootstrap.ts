import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { ensureDefaultPlans } from "@/lib/billing/plans";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * First start: default plans, and a superadmin if there is none. Credentials come from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or are generated and returned once for the caller to print.
 */
export async function bootstrapPlatform({ adminEmail, adminPassword }: { adminEmail?: string; adminPassword?: string }) {
  await ensureDefaultPlans();
  const existing = await prisma.user.findFirst({ where: { platformRole: "SUPERADMIN" }, select: { email: true } });
  if (existing) return { createdAdmin: null };
  const email = (adminEmail ?? "admin@livestreamsell.local").trim().toLowerCase();
  const password = adminPassword ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      update: { platformRole: "SUPERADMIN", passwordHash },
      create: { email, passwordHash, fullName: "Platform admin", platformRole: "SUPERADMIN", emailVerifiedAt: new Date() },
    });
    await recordAudit(tx, { actorType: "SYSTEM", action: "admin.bootstrapped", entityType: "user", entityId: user.id });
  });
  return { createdAdmin: { email, password: adminPassword ? null : password } };
}
