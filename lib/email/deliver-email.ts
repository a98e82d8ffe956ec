import nodemailer from "nodemailer";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

type Transport = { sendMail(mail: { from: string; to: string; subject: string; html: string; text: string; headers?: Record<string, string> }): Promise<{ messageId?: string }> };

const shared = globalThis as unknown as { __lssSmtp?: { url: string; transport: Transport } };

function smtpTransport(url: string): Transport {
  if (shared.__lssSmtp?.url !== url) shared.__lssSmtp = { url, transport: nodemailer.createTransport(url) };
  return shared.__lssSmtp.transport;
}

/**
 * Delivers one recorded email: through SMTP_URL when set, else it stays in the local mailbox (the
 * admin panel's Emails page) and counts as sent. Idempotent: a sent email is never sent again. A failed
 * attempt is recorded and thrown, so the job retries it.
 */
export async function deliverEmail({ emailId }: { emailId: string }) {
  const email = await prisma.email.findUnique({ where: { id: emailId } });
  if (!email || email.status === "SENT") return { status: "SENT" as const, skipped: true };
  const e = env();
  if (!e.SMTP_URL) {
    await prisma.email.update({ where: { id: email.id }, data: { status: "SENT", transport: "local", attempts: { increment: 1 }, sentAt: new Date(), error: null } });
    return { status: "SENT" as const, transport: "local" };
  }
  try {
    const info = await smtpTransport(e.SMTP_URL).sendMail({
      from: e.EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      // A retried delivery keeps the same Message-ID, so a receiving server can drop the duplicate.
      headers: { "Message-ID": `<${email.id}@livestreamsell>` },
    });
    await prisma.email.update({ where: { id: email.id }, data: { status: "SENT", transport: "smtp", attempts: { increment: 1 }, sentAt: new Date(), messageId: info.messageId ?? null, error: null } });
    return { status: "SENT" as const, transport: "smtp" };
  } catch (error) {
    const message = (error as Error).message.slice(0, 500);
    await prisma.email.update({ where: { id: email.id }, data: { transport: "smtp", attempts: { increment: 1 }, error: message } });
    throw new Error(`SMTP delivery failed: ${message}`, { cause: error });
  }
}

/** After the last retry: the email stays on record as failed (the admin panel shows it). */
export async function markEmailFailed({ emailId }: { emailId: string }) {
  await prisma.email.updateMany({ where: { id: emailId, status: "PENDING" }, data: { status: "FAILED" } });
}
