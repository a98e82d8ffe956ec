import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { describeDevice } from "./describe-device";

/**
 * Emails "a new device signed in" when the account has signed in before (dashboard or API) but never from
 * this browser (same User-Agent). Call it before the new session is written. The first sign-in after
 * sign-up sends nothing.
 */
export async function noticeNewDevice({ userId, userAgent, ip, now = new Date() }: { userId: string; userAgent: string | null; ip: string | null; now?: Date }) {
  const [earlier, known, user] = await Promise.all([
    prisma.userSession.findFirst({ where: { userId }, select: { id: true } }).then((s) => s ?? prisma.apiSession.findFirst({ where: { userId }, select: { id: true } })),
    userAgent
      ? prisma.userSession.findFirst({ where: { userId, userAgent }, select: { id: true } }).then((s) => s ?? prisma.apiSession.findFirst({ where: { userId, userAgent }, select: { id: true } }))
      : null,
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } }),
  ]);
  if (!earlier || known) return { sent: false };
  const { browser, os } = describeDevice(userAgent);
  await queueEmail({
    to: user.email,
    userId,
    template: "new_sign_in",
    locale: user.locale,
    vars: { email: user.email, device: `${browser} · ${os}`, ip: ip ?? "?", at: now.toISOString().slice(0, 16).replace("T", " ") },
    link: `${env().APP_URL}/dashboard/settings/security`,
  });
  return { sent: true };
}
