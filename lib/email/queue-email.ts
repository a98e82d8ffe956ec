import { prisma } from "@/lib/db";
import { jobs } from "@/lib/jobs";
import type { EmailTemplate } from "@/lib/i18n/emails";
import { renderEmail } from "./render-email";

/**
 * Records an email, then hands it to the job system, which delivers it with retries (deliverEmail). The
 * row is written first, so every email is on record even when delivery fails.
 */
export async function queueEmail({ to, userId, template, locale, vars, link }: { to: string; userId?: string | null; template: EmailTemplate; locale: string | null | undefined; vars: Record<string, string>; link?: string }) {
  const rendered = renderEmail({ template, locale, vars, link });
  const email = await prisma.email.create({
    data: { to, userId: userId ?? null, template, locale: rendered.locale, subject: rendered.subject, html: rendered.html, text: rendered.text },
  });
  await jobs.send({ name: "email/requested", id: `email:${email.id}`, data: { emailId: email.id } });
  return email;
}
