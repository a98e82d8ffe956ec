import { defineJob } from "@/lib/jobs";
import { orderCreatedAt, orderTimers } from "@/lib/orders/order-timers";
import { expireOrder } from "@/lib/orders/expire-order";
import { offerToWaitlist } from "@/lib/orders/waitlist";
import { CART_RECOVERY_HOURS, sendCartRecovery, sendReminder, sendExpiredNotice, sendOrderCheckoutDm } from "@/lib/pipeline/order-messages";

const MAX_ROUNDS = 24; // each cart extension (a second BUY) costs one round

/**
 * The saga after a reservation: remind before expiry, expire at expires_at (releasing stock — the
 * compensation of "reserve"), tell the buyer their cart is kept as interest, and hand the freed units
 * to the waitlist. A paid or cancelled order ends it. Decisions use times read inside steps, so a
 * replay takes the same path.
 */
export const orderLifecycle = defineJob({
  id: "order-lifecycle",
  event: "order/created",
  retries: 6,
  async handler({ event, step }) {
    const { orderId } = event.data;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const t = await step.run(`check-${round}`, () => orderTimers({ orderId }));
      if (t.status !== "PENDING") return { final: t.status };
      // The run is scheduled to start at reminderAt (order-timers.ts), so "due now" is the usual case:
      // remind whenever the reminder is due and the cart has not expired yet, sleeping first only if early.
      if (t.reminderDue && t.expiresAt > t.now) {
        if (t.reminderAt > t.now) await step.sleepUntil(`until-reminder-${round}`, new Date(t.reminderAt));
        await step.run(`reminder-${round}`, () => sendReminder({ orderId }));
        continue;
      }
      if (t.expiresAt > t.now) {
        await step.sleepUntil(`until-expiry-${round}`, new Date(t.expiresAt));
        continue;
      }
      const expired = await step.run("expire", () => expireOrder({ orderId }));
      if (!expired) continue; // paid or extended in the meantime: look again
      await step.run("expired-notice", () => sendExpiredNotice({ orderId }));
      // Carts that come back: two reminders that the cart is saved, only inside Meta's 24 h window.
      const createdAt = await step.run("created-at", () => orderCreatedAt({ orderId }));
      for (const [i, hours] of CART_RECOVERY_HOURS.entries()) {
        await step.sleepUntil(`until-recovery-${hours}h`, new Date(new Date(createdAt).getTime() + hours * 3600_000));
        await step.run(`recovery-${hours}h`, () => sendCartRecovery({ orderId, round: (i + 1) as 1 | 2 }));
      }
      return { final: "EXPIRED", released: expired.productIds.length };
    }
    return { final: "PENDING", note: "too many extensions; the sweeper will expire it" };
  },
});

/**
 * Units freed by an expiry, a cancellation or a restock go to the next buyers on the waitlist, each
 * with a reservation of their own and a checkout DM; their orders start their own lifecycle
 * (reserveItems announces every new order).
 */
export const serveWaitlist = defineJob({
  id: "serve-waitlist",
  event: "stock/released",
  retries: 6,
  concurrency: { key: "event.data.storeId", limit: 1 },
  async handler({ event, step }) {
    const offers = await step.run("offer-to-waitlist", () => offerToWaitlist({ productIds: event.data.productIds }));
    for (const offer of offers) {
      await step.run(`waitlist-dm-${offer.entryId}`, () => sendOrderCheckoutDm({ orderId: offer.orderId, key: `waitlist:${offer.entryId}:dm` }));
    }
    return { offered: offers.length };
  },
});
