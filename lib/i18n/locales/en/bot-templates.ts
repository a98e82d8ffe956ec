// Meta utility templates, sent outside the 24 h window (lib/messaging/texts/utility-templates.ts).
// `{{name}}` is Meta's named-parameter syntax: Meta fills it in, not our template filler.
export const en = {
  bodies: {
    payment_received: "Hi {{customer_name}}, we received your payment of {{total}}. Your order {{order_ref}} is confirmed.",
    reservation_reminder: "Hi {{customer_name}}, your reservation expires at {{expires_at}}. You can complete the payment with the button.",
    reservation_expired: "Hi {{customer_name}}, your reservation expired. We kept your cart in case you want to reserve again.",
    transfer_under_review: "Hi {{customer_name}}, we received your receipt for order {{order_ref}}. Your reservation is kept while the store checks the transfer (until {{held_until}}).",
    transfer_rejected: "Hi {{customer_name}}, the store could not confirm your transfer for order {{order_ref}}: {{reason}}. You can upload a new receipt with the button.",
    order_shipped: "Hi {{customer_name}}, your order {{order_ref}} was shipped with {{carrier}}. Tracking number: {{tracking_number}}.",
    pickup_ready: "Hi {{customer_name}}, your order {{order_ref}} is ready for pickup at {{address}}. Hours: {{hours}}.",
  },
  buttons: { pay: "Pay now", order: "View order" },
};

export type UtilityTemplateTexts = typeof en;
