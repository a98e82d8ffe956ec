import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import type { AlertTransition } from "./evaluate-operator-alerts";

/**
 * Tells the operators about one transition of an alert, once: a Slack-compatible POST {"text"} to
 * ALERT_WEBHOOK_URL (a failing webhook throws, so the job retries) and an email to every active
 * superadmin (recorded and delivered by the email jobs). The notified timestamp is claimed only after the
 * webhook took it, so a retry after a crash may repeat the POST but never loses it; the emails go out
 * once, with the claim.
 */
export async function notifyOperatorAlert({ alertId, transition }: Pick<AlertTransition, "alertId" | "transition">): Promise<{ notified: boolean }> {
  const alert = await prisma.operatorAlert.findUnique({ where: { id: alertId } });
  if (!alert) return { notified: false };
  const already = transition === "fired" ? alert.notifiedAt : alert.recoveryNotifiedAt;
  if (already) return { notified: false };
  const e = env();
  const minutes = alert.resolvedAt ? Math.max(1, Math.round((alert.resolvedAt.getTime() - alert.firedAt.getTime()) / 60_000)) : 0;
  const text = transition === "fired" ? `:red_circle: LiveStreamSell alert (${alert.kind}): ${alert.summary}` : `:white_check_mark: LiveStreamSell recovered after ${minutes} min (${alert.kind}): ${alert.summary}`;
  if (e.ALERT_WEBHOOK_URL) {
    const res = await fetch(e.ALERT_WEBHOOK_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }), signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`the alert webhook answered ${res.status}`);
  }
  const claimed = await prisma.operatorAlert.updateMany({
    where: transition === "fired" ? { id: alertId, notifiedAt: null } : { id: alertId, recoveryNotifiedAt: null },
    data: transition === "fired" ? { notifiedAt: new Date() } : { recoveryNotifiedAt: new Date() },
  });
  if (claimed.count === 0) return { notified: false };
  const admins = await prisma.user.findMany({ where: { platformRole: "SUPERADMIN", disabledAt: null }, select: { id: true, email: true, locale: true } });
  for (const admin of admins) {
    await queueEmail({
      to: admin.email,
      userId: admin.id,
      template: transition === "fired" ? "operator_alert" : "operator_alert_recovered",
      locale: admin.locale,
      vars: { summary: alert.summary, kind: alert.kind, minutes: String(minutes) },
      link: `${e.APP_URL}/admin/alerts`,
    });
  }
  return { notified: true };
}
