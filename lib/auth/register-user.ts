import { prisma } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import { hashPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { recordAudit } from "@/lib/audit/record-audit";

export async function registerUser({ email, password, fullName }: { email: string; password: string; fullName: string }) {
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw conflict("email_taken", "An account with this email already exists", [{ field: "email", code: "taken", message: "is already registered" }]);
  assertPasswordAllowed({ password, email });
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, passwordHash, fullName }, select: { id: true, email: true, fullName: true } });
    await recordAudit(tx, { actorType: "USER", actorId: user.id, action: "user.registered", entityType: "user", entityId: user.id });
    return user;
  });
}
