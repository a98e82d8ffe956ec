import type { CreateLinkInput, LineItem } from "./types";

/**
 * The cart lines to show the provider, or null when they do not add up to the amount to charge
 * with the shipping fee (discounts, rounding): providers charge the sum of the lines, so sending lines that
 * disagree with the order total would charge the wrong amount.
 */
export function linesMatchingTotal(input: Pick<CreateLinkInput, "items" | "amountMinor" | "shippingMinor">): LineItem[] | null {
  if (input.items.length === 0) return null;
  const sum = input.items.reduce((acc, i) => acc + i.quantity * i.unitPriceMinor, 0);
  return sum + (input.shippingMinor ?? 0) === input.amountMinor ? input.items : null;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
