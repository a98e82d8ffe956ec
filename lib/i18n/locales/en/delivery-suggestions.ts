// The delivery methods a new store is offered in Settings → Delivery (lib/fulfilment/default-methods.ts),
// saved as the method's name once the owner accepts them.
export const en = {
  pickup: "Store pickup",
  delivery: "Local delivery",
  shipping: "Nationwide shipping",
  chat: "Arrange by chat",
  hours: "Monday to Friday, 10:00–18:00",
};

export type SuggestedDeliveryTexts = typeof en;
