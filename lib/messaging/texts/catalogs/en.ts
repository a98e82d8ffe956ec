import type { Catalog } from "../types";

export const en: Catalog = {
  publicReply: {
    friendly: "Done[ @{name}]! We sent you the details in a private message 📩",
    formal: "Thank you[, {name}]. We have sent you the details in a private message.",
    fun: "It's yours[ @{name}]! 🎉 Check your private messages 📩",
  },
  publicReplyFallback: {
    friendly: "Thanks[ @{name}]! Message {store} on Messenger to finish your purchase 💬",
    formal: "Thank you[, {name}]. Please message {store} on Messenger to complete your purchase.",
    fun: "Got it[ @{name}]! 🙌 Drop {store} a message and we'll wrap up your order 💬",
  },
  checkoutIntro: {
    friendly: "Hi[ {name}]! We reserved this for you at {store}:",
    formal: "Hello[ {name}]. We have reserved the following for you at {store}:",
    fun: "It's yours[, {name}]! 🛍️ Here's what we saved for you at {store}:",
  },
  cartUpdatedIntro: {
    friendly: "Done[ {name}]! We added the new item to your cart:",
    formal: "We have updated your cart[, {name}]:",
    fun: "More goodies[ for you, {name}]! 🛒 Your cart now:",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…and {count} more",
  total: "Total: {total}",
  holdUntil: {
    friendly: "We'll hold it for you until {time} ⏰",
    formal: "Your reservation is valid until {time}.",
    fun: "Hurry! We're holding it until {time} ⏰",
  },
  payButton: "Pay now",
  transferHint: "If card payment fails, you can pay by bank transfer from the same link.",
  payLink: "Pay here: {url}",
  confirmQuestion: {
    friendly: "Do you want {qty} × {product}?",
    formal: "Would you like {qty} × {product}?",
    fun: "Grabbing {qty} × {product}? 😍",
  },
  confirmYes: "Yes",
  confirmNo: "No",
  confirmOther: "Other product",
  outOfStock: {
    friendly: "Oh no[ {name}], {product} is sold out 😢 Want us to let you know when it's back?",
    formal: "We are sorry[, {name}]: {product} is out of stock. Would you like to be notified when it is back?",
    fun: "Nooo! 😱 {product} flew off the shelf. Shall we ping you when it's back?",
  },
  joinWaitlist: "Join waitlist",
  noThanks: "No, thanks",
  cancelDone: {
    friendly: "Done[ {name}], we cancelled your order. Comment again on the live any time!",
    formal: "Your order has been cancelled[, {name}]. You may comment on the live again at any time.",
    fun: "Done! ✌️ Order cancelled. Changed your mind? Just comment again 😉",
  },
  optOutDone: "Done, we won't message you again. To shop again, just comment on the live.",
  dataErasedDone: "We deleted your personal data and won't message you again.",
  reminder: {
    friendly: "⏰[ {name},] your reservation expires in {minutes} min (at {time}). There's still time to pay!",
    formal: "A reminder[, {name},] that your reservation expires in {minutes} minutes ({time}).",
    fun: "Tick tock[ {name}]! ⏳ Your reservation ends in {minutes} min ({time}). Don't let it slip away!",
  },
  expired: {
    friendly: "Your reservation expired and we released the stock, but we kept your cart[, {name}]. Want to reserve again?",
    formal: "Your reservation has expired and the stock was released. We kept your cart in case you wish to reserve again.",
    fun: "Oops, time's up! ⌛ We kept your cart in case you want another go 💪",
  },
  reserveAgain: "Reserve again",
  paymentReceived: {
    friendly: "Payment received[, {name}]! Your order {order} is confirmed 🎉",
    formal: "We have received your payment[, {name}]. Your order {order} is confirmed.",
    fun: "Woohoo, paid! 🥳 Your order {order} is official.",
  },
  paidTotal: "Total paid: {total}",
  viewOrder: "View order",
  sellerMessagingBlocked:
    "Meta blocked private messages from your Page. The live switched to public replies only: pending buyers will not get their link.",
  sellerOrderPaid: "💰 Order {order} paid by {buyer}: {total}",
  sellerNeedsReview: "Comment to review from {buyer}: “{text}”",
  sellerRefundNeeded: "Order {order} was paid ({total}) but the stock is gone: it needs a refund.",
  sellerTokenInvalid: "The connection to your Facebook Page expired. Reconnect it to keep selling.",
  sellerRateLimited: "Meta is rate-limiting sends; pending messages will be retried automatically.",
  sellerOutOfStock: "{product} sold out; {buyer} joined the waitlist.",
};
