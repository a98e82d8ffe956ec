import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import type { EmailTemplate } from "@/lib/i18n/emails";
import { formatMoney } from "@/lib/money";

/** "USD 29.00 + CLP 1.234" in the reader's language. */
function formatTotals(totals: Record<string, number>, locale: string) {
  return Object.entries(totals).map(([currency, minor]) => formatMoney(minor, currency, locale)).join(" + ");
}

/** Emails every owner of the store (in each owner's language) with a link to the billing page. */
export async function notifyOwners({ storeId, template, vars, totals }: { storeId: string; template: EmailTemplate; vars: Record<string, string>; totals?: Record<string, number> }) {
  const owners = await prisma.membership.findMany({ where: { storeId, role: "OWNER" }, select: { user: { select: { id: true, email: true, locale: true } }, store: { select: { name: true } } } });
  for (const { user, store } of owners) {
    await queueEmail({
      to: user.email, userId: user.id, template, locale: user.locale, link: `${env().APP_URL}/dashboard/billing`,
      vars: { store: store.name, ...(totals ? { amount: formatTotals(totals, user.locale) } : {}), ...vars },
    });
  }
}
