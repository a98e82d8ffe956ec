import type { Texts } from "./translator";
import type { CartLine } from "./types";

export function cartLines(texts: Texts, items: CartLine[], currency: string): string[] {
  return items.map((item) =>
    texts.t("cartLine", { qty: item.quantity, product: item.name, amount: texts.money(item.unitPriceMinor * item.quantity, currency) }),
  );
}

/**
 * Head, as many cart lines as fit, then the tail. When the cart is too long for Meta's limit the
 * last lines give way to "…and N more" rather than cutting the total, the expiry or the link.
 */
export function composeWithinLimit(texts: Texts, { head, lines, tail, max }: { head: string; lines: string[]; tail: string[]; max: number }): string {
  for (let shown = lines.length; shown >= 0; shown--) {
    const hidden = lines.length - shown;
    const body = [head, ...lines.slice(0, shown), ...(hidden > 0 ? [texts.t("moreItems", { count: hidden })] : []), ...tail].join("\n");
    if (Array.from(body).length <= max) return body;
  }
  return [head, ...tail].join("\n");
}
