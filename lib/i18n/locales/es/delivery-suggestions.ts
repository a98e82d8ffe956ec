import type { SuggestedDeliveryTexts } from "../en/delivery-suggestions";

export const es: SuggestedDeliveryTexts = {
  pickup: "Retiro en tienda",
  delivery: "Despacho a domicilio",
  shipping: "Envío a todo el país",
  chat: "Coordinar por chat",
  hours: "Lunes a viernes de 10:00 a 18:00",
};
