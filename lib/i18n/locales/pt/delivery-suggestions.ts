import type { SuggestedDeliveryTexts } from "../en/delivery-suggestions";

export const pt: SuggestedDeliveryTexts = {
  pickup: "Retirada na loja",
  delivery: "Entrega local",
  shipping: "Envio para todo o país",
  chat: "Combinar pelo chat",
  hours: "Segunda a sexta, das 10h às 18h",
};
