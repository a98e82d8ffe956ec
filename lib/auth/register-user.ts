import { prisma } from "@/lib/db";
import { AppError, conflict } from "@/lib/http/errors";
import { hashPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UiLocale } from "@/lib/i18n";
import { sendEmailToken } from "./email-address/send-verification-email";
import { getPlatformSettings } from "@/lib/admin/platform-settings";

/** A new account; a verification link goes to its email (single use, 7 days). */
export async function registerUser({ email, password, fullName, locale }: { email: string; password: string; fullName: string; locale?: UiLocale | null }) {
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw conflict("email_taken", "An account with this email already exists", [{ field: "email", code: "taken", message: "is already registered" }]);
  // Closed sign-ups (System settings) still let an invited person create the account the invitation is for.
  if (!(await getPlatformSettings()).signups_open && !(await prisma.invitation.findFirst({ where: { email, acceptedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } }))) {
    throw new AppError(403, "signups_closed", "New sign-ups are closed for now. Ask for an invitation.");
  }
  assertPasswordAllowed({ password, email });
  const passwordHash = await hashPassword(password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email, passwordHash, fullName, ...(locale && { locale }) }, select: { id: true, email: true, fullName: true, locale: true } });
    await recordAudit(tx, { actorType: "USER", actorId: created.id, action: "user.registered", entityType: "user", entityId: created.id });
    return created;
  });
  // Sign-up is not blocked on it: the dashboard shows a banner until the link is opened.
  await sendEmailToken({ user, purpose: "verify_email", email: user.email });
  return user;
}
