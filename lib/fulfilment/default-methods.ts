import type { DeliveryType } from "./schemas";

type Suggested = { type: DeliveryType; name: string; fee_minor: number; free_over_minor: number | null; zones: string[]; address: string | null; instructions: string | null; active: boolean };

type Lang = "es" | "pt" | "en" | "ar";
const NAMES: Record<Lang, { pickup: string; delivery: string; shipping: string; chat: string; hours: string }> = {
  es: { pickup: "Retiro en tienda", delivery: "Despacho a domicilio", shipping: "Envío a todo el país", chat: "Coordinar por chat", hours: "Lunes a viernes de 10:00 a 18:00" },
  pt: { pickup: "Retirada na loja", delivery: "Entrega local", shipping: "Envio para todo o país", chat: "Combinar pelo chat", hours: "Segunda a sexta, das 10h às 18h" },
  en: { pickup: "Store pickup", delivery: "Local delivery", shipping: "Nationwide shipping", chat: "Arrange by chat", hours: "Monday to Friday, 10:00–18:00" },
  ar: { pickup: "الاستلام من المتجر", delivery: "توصيل محلي", shipping: "شحن لجميع أنحاء البلد", chat: "الاتفاق عبر المحادثة", hours: "من الاثنين إلى الجمعة، 10:00–18:00" },
};

/**
 * What a new store of a country starts from in Settings → Delivery (shown as a proposal; nothing is
 * saved until the owner saves, so a store that never configures delivery keeps today's checkout).
 * Fees are in the currency's minor units.
 */
export function suggestedDeliveryMethods({ country, locale }: { country: string; locale: string }): Suggested[] {
  const lang = (["es", "pt", "en", "ar"].includes(locale.slice(0, 2)) ? locale.slice(0, 2) : "es") as Lang;
  const n = NAMES[lang];
  const base = (type: DeliveryType, name: string, fee: number, extra: Partial<Suggested> = {}): Suggested => ({ type, name, fee_minor: fee, free_over_minor: null, zones: [], address: null, instructions: null, active: true, ...extra });
  switch (country.toUpperCase()) {
    case "CL":
      return [
        base("pickup", n.pickup, 0, { instructions: n.hours }),
        base("delivery", `${n.delivery} (Santiago)`, 2990, { zones: ["Santiago", "Providencia", "Ñuñoa", "Las Condes", "La Reina", "Vitacura"], free_over_minor: 50000 }),
        base("shipping", `${n.shipping} (Starken, Chilexpress, Blue Express)`, 4990, { free_over_minor: 80000 }),
        base("chat", n.chat, 0, { active: false }),
      ];
    case "MX":
      return [base("pickup", n.pickup, 0, { instructions: n.hours }), base("shipping", `${n.shipping} (Estafeta, 99minutos)`, 14900, { free_over_minor: 99900 }), base("chat", n.chat, 0, { active: false })];
    case "BR":
      return [base("pickup", n.pickup, 0, { instructions: n.hours }), base("shipping", `${n.shipping} (Correios)`, 2500, { free_over_minor: 25000 }), base("chat", n.chat, 0, { active: false })];
    case "AR":
      return [base("pickup", n.pickup, 0, { instructions: n.hours }), base("shipping", `${n.shipping} (Andreani, OCA, Correo Argentino)`, 500000, { free_over_minor: 5000000 }), base("chat", n.chat, 0, { active: false })];
    default:
      return [base("pickup", n.pickup, 0, { instructions: n.hours }), base("shipping", n.shipping, 0), base("chat", n.chat, 0, { active: false })];
  }
}
