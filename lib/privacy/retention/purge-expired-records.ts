import { prisma } from "@/lib/db";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Housekeeping that holds personal data or secrets no longer needed: spent or expired password-reset and
 * email tokens (a day after), ended dashboard sessions and API logins (30 days after, so the security page
 * and an investigation can still see them), the email log beyond `mailboxDays` (the local mailbox included;
 * emails still waiting for delivery stay), and the payloads of processed provider webhooks beyond
 * `webhookDays` (the row itself stays: it deduplicates redeliveries). Idempotent.
 */
export async function purgeExpiredRecords({ mailboxDays, webhookDays, now = new Date() }: { mailboxDays: number; webhookDays: number; now?: Date }) {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const [passwordResets, emailTokens, sessions, apiSessions, emails, webhooks] = await Promise.all([
    prisma.passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } }),
    prisma.emailToken.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } }),
    prisma.userSession.deleteMany({ where: { OR: [{ revokedAt: { lt: monthAgo } }, { lastSeenAt: { lt: new Date(now.getTime() - 60 * DAY_MS) } }] } }),
    prisma.apiSession.deleteMany({ where: { OR: [{ revokedAt: { lt: monthAgo } }, { expiresAt: { lt: monthAgo } }] } }),
    prisma.email.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - mailboxDays * DAY_MS) }, status: { not: "PENDING" } } }),
    prisma.$executeRaw`UPDATE webhook_events SET payload = '{}'::jsonb WHERE "processedAt" IS NOT NULL AND "receivedAt" < ${new Date(now.getTime() - webhookDays * DAY_MS)} AND payload <> '{}'::jsonb`,
  ]);
  return { password_reset_tokens: passwordResets.count, email_tokens: emailTokens.count, dashboard_sessions: sessions.count, api_sessions: apiSessions.count, emails: emails.count, webhook_payloads: webhooks };
}
