import { suggestedDeliveryTexts } from "@/lib/i18n/delivery-suggestions";
import { localeOf, UI_LOCALES } from "@/lib/i18n/languages";
import type { DeliveryType } from "./schemas";

type Suggested = { type: DeliveryType; name: string; fee_minor: number; free_over_minor: number | null; zones: string[]; address: string | null; instructions: string | null; active: boolean };

/**
 * What a new store of a country starts from in Settings → Delivery (shown as a proposal; nothing is
 * saved until the owner saves, so a store that never configures delivery keeps today's checkout).
 * Fees are in the currency's minor units.
 */
export function suggestedDeliveryMethods({ country, locale }: { country: string; locale: string }): Suggested[] {
  const n = suggestedDeliveryTexts(localeOf(UI_LOCALES, locale.slice(0, 2)) ?? "es");
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
