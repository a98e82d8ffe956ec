import type { SuggestedDeliveryTexts } from "../en/delivery-suggestions";

export const ar: SuggestedDeliveryTexts = {
  pickup: "الاستلام من المتجر",
  delivery: "توصيل محلي",
  shipping: "شحن لجميع أنحاء البلد",
  chat: "الاتفاق عبر المحادثة",
  hours: "من الاثنين إلى الجمعة، 10:00–18:00",
};
