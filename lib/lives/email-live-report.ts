import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs";
import { renderEmail } from "@/lib/email/render-email";
import { formatMoney } from "@/lib/money";
import { liveReport } from "./live-report";

/**
 * Emails the post-live report to each of the store's owners, once per live and owner: the email rows
 * have ids derived from the live and the owner (a re-run writes nothing new) and their delivery events
 * ids derived from those (a re-sent event is a no-op). The delivery itself is the email/requested job.
 */
export async function emailLiveReport({ liveId }: { liveId: string }): Promise<{ emails: number }> {
  const live = await prisma.live.findUnique({
    where: { id: liveId },
    include: { store: { select: { name: true, currency: true, locale: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true, locale: true } } } } } } },
  });
  if (!live) return { emails: 0 };
  const report = await liveReport({ liveId });
  const link = `${env().APP_URL}/dashboard/live/${liveId}/report`;
  const vars = {
    store: live.store.name,
    title: live.title,
    comments: String(report.comments),
    buys: String(report.buy_intents),
    reserved: String(report.reserved),
    opened: String(report.checkout_opened),
    paid: String(report.paid),
    revenue: formatMoney(report.revenue_minor, live.store.currency, live.store.locale),
    waitlisted: String(report.waitlisted),
    expired: String(report.expired),
    questions: String(report.questions),
    unanswered: String(report.unanswered_questions),
  };
  // The first unanswered questions, so the owner can answer them from the email's link.
  const listItems = report.unanswered.slice(0, 10).map((q) => `${q.author_name || "?"}: ${q.text.length > 140 ? `${q.text.slice(0, 139)}…` : q.text}`);
  const emails = live.store.memberships.map(({ user }) => {
    const rendered = renderEmail({ template: "live_report", locale: user.locale, vars, link, listItems });
    return { id: `live-report-${liveId}-${user.id}`, to: user.email, userId: user.id, template: "live_report", locale: rendered.locale, subject: rendered.subject, html: rendered.html, text: rendered.text };
  });
  await prisma.$transaction([
    prisma.email.createMany({ data: emails, skipDuplicates: true }),
    prisma.live.update({ where: { id: liveId }, data: { reportEmailedAt: live.reportEmailedAt ?? new Date() } }),
  ]);
  if (emails.length) await jobs.send(emails.map((e) => ({ name: "email/requested" as const, id: `email:${e.id}`, data: { emailId: e.id } })));
  return { emails: emails.length };
}
