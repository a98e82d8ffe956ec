import { defineJob } from "@/lib/jobs";
import { routeInboundMessage, optOutBuyer } from "@/lib/pipeline/handle-inbound-message";
import { reserveForComment } from "@/lib/pipeline/reserve-for-comment";
import { finishComment } from "@/lib/pipeline/understand-comment";
import { joinWaitlist } from "@/lib/orders/waitlist";
import { sendOrderCheckoutDm } from "@/lib/pipeline/order-messages";
import { reserveAgain } from "@/lib/orders/reserve-again";
import { settleChoice } from "@/lib/pipeline/settle-choice";

/** A buyer's DM or quick-reply tap: opt-out, confirmation of an unsure reading, waitlist, reserve again. */
export const handleMessage = defineJob({
  id: "handle-message",
  event: "message/received",
  retries: 6,
  // One buyer's messages one at a time, oldest first: a tap on "L" then a tap on "S" settles on L, as the
  // buyer chose first, instead of whichever run happened to take the comment's lock first.
  concurrency: { key: "event.data.conversationKey", limit: 1 },
  async handler({ event, step }) {
    const outcome = await step.run("route", () => routeInboundMessage({ inboundMessageId: event.data.inboundMessageId }));
    switch (outcome.action) {
      case "opt_out":
        await step.run("opt-out", () => optOutBuyer({ buyerId: outcome.buyerId, erase: outcome.erase }));
        return outcome;
      case "confirm": {
        const r = await step.run("reserve", () => reserveForComment({ commentId: outcome.commentId, productId: outcome.productId, quantity: outcome.quantity, buyerId: outcome.buyerId }));
        if (r.status === "reserved") {
          await step.run("checkout-dm", () => sendOrderCheckoutDm({ orderId: r.orderId, key: `confirm:${outcome.commentId}:dm` }));
        }
        await step.run("finish-comment", () => finishComment({ commentId: outcome.commentId }));
        return { ...outcome, reservation: r.status };
      }
      case "pick": {
        // Reserves once per comment and answers with the cart: a redelivered tap replays, sends nothing new.
        const settled = await step.run("settle-choice", () => settleChoice(outcome.choice));
        return { action: outcome.action, settled };
      }
      case "waitlist":
        await step.run("join-waitlist", () => joinWaitlist({ commentId: outcome.commentId, buyerId: outcome.buyerId }));
        return outcome;
      case "reserve_again": {
        const r = await step.run("reserve-again", () => reserveAgain({ orderId: outcome.orderId }));
        if (r.status === "reserved") {
          await step.run("checkout-dm", () => sendOrderCheckoutDm({ orderId: r.orderId, key: `reserve-again:${outcome.orderId}:dm` }));
        }
        return { ...outcome, reservation: r.status };
      }
      default:
        return outcome;
    }
  },
});
