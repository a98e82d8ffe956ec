import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/email/queue-email";
import { conflict, fieldError } from "@/lib/http/errors";
import { sha256 } from "@/lib/security/tokens";

const invalid = () => fieldError("token", "invalid_token", "is invalid, expired or already used: ask for a new link");

/**
 * Opens an emailed link: "verify_email" marks the address confirmed; "change_email" makes the new address
 * the sign-in email (confirmed, since the link reached it) and tells the old address. The token is spent in
 * the same transaction (a second or concurrent use finds it used).
 */
export async function confirmEmailToken({ token, ip }: { token: string; ip?: string | null }) {
  const row = await prisma.emailToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.disabledAt) throw invalid();
  // A verification link for an address the account no longer uses proves nothing.
  if (row.purpose === "verify_email" && row.email !== row.user.email) throw invalid();
  const oldEmail = row.user.email;
  await prisma.$transaction(async (tx) => {
    const spent = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) throw invalid();
    if (row.purpose === "verify_email") {
      await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } });
      await recordAudit(tx, { actorType: "USER", actorId: row.userId, action: "user.email_verified", entityType: "user", entityId: row.userId, ip: ip ?? null });
      return;
    }
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) throw conflict("email_taken", "An account with this email already exists", [{ field: "token", code: "taken", message: "the new address was registered meanwhile" }]);
    await tx.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerifiedAt: new Date() } });
    // Links sent to the old address (password reset, verification) stop working.
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.emailToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    await recordAudit(tx, { actorType: "USER", actorId: row.userId, action: "user.email_changed", entityType: "user", entityId: row.userId, ip: ip ?? null });
  });
  if (row.purpose === "change_email") {
    await queueEmail({ to: oldEmail, userId: row.userId, template: "email_changed", locale: row.user.locale, vars: { email: oldEmail, new_email: row.email } });
  }
  return { purpose: row.purpose, email: row.email, verified: true };
}
