import { clampText } from "@/lib/meta/messages";
import { createTexts, type TextOptions } from "./translator";

export type AnsweredProduct = { sku: string; name: string; group: string | null; color: string | null; size: string | null; priceMinor: number; available: number };
import type { QuestionTopic } from "@/lib/ai/question-topics";

const MAX_UNITS = 3;
const MAX_CHARS = 400;

/**
 * One short answer from the catalog to a buyer's question about a product's price, stock, sizes or
 * colours, in the buyer's language, ending with how to buy ("Comenta «quiero CAM-AZU-S»…"). The price
 * is always said; sizes, colours and stock when asked. Products of one group are answered together:
 * "Camisa Azul: $14.990 · tallas S, L (agotado)".
 */
export function renderQuestionAnswer(input: TextOptions & { products: AnsweredProduct[]; topics: QuestionTopic[]; currency: string }): { locale: string; text: string } {
  const texts = createTexts(input);
  const units = new Map<string, AnsweredProduct[]>();
  for (const p of input.products) {
    const key = p.group ? `g:${p.group}` : `p:${p.sku}`;
    units.set(key, [...(units.get(key) ?? []), p]);
  }
  const asked = new Set(input.topics);
  const soldOut = texts.t("answerSoldOut");
  const lines = [...units.values()].slice(0, MAX_UNITS).map((members) => {
    const first = members[0]!;
    const single = members.length === 1;
    const colors = distinct(members.map((m) => m.color));
    const sizes = distinct(members.map((m) => m.size));
    // "Camisa" of one colour reads as "Camisa Azul"; a product alone keeps its own name.
    const label = single ? first.name : colors.length === 1 && first.group ? `${first.group} ${colors[0]}` : (first.group ?? first.name);
    const prices = members.map((m) => m.priceMinor);
    const min = Math.min(...prices);
    const max = Math.max(...prices);
    const price = min === max ? texts.money(min, input.currency) : `${texts.money(min, input.currency)} – ${texts.money(max, input.currency)}`;
    const parts = [texts.t("answerPrice", { product: label, price })];
    const listOf = (value: (m: AnsweredProduct) => string | null) =>
      members
        .filter((m) => value(m))
        .map((m) => (m.available > 0 ? (asked.has("stock") ? `${value(m)} (${texts.t("answerStockLeft", { count: m.available })})` : value(m)!) : `${value(m)} (${soldOut})`))
        .filter((v, i, all) => all.indexOf(v) === i)
        .join(", ");
    let listed = false;
    if ((asked.has("size") || (asked.has("stock") && !single)) && sizes.length > (single ? 0 : 1)) {
      parts.push(texts.t("answerSizes", { list: listOf((m) => m.size) }));
      listed = true;
    }
    if ((asked.has("color") || (asked.has("stock") && !single && !listed)) && colors.length > (single ? 0 : 1)) {
      parts.push(texts.t("answerColors", { list: listOf((m) => m.color) }));
      listed = true;
    }
    if (asked.has("stock") && !listed) parts.push(members.some((m) => m.available > 0) ? texts.t("answerStockLeft", { count: members.reduce((n, m) => n + Math.max(0, m.available), 0) }) : soldOut);
    return parts.join(" · ");
  });
  const example = input.products.find((p) => p.available > 0) ?? input.products[0]!;
  const text = clampText(`${lines.join("\n")}\n${texts.t("answerHowToBuy", { code: example.sku })}`, MAX_CHARS);
  return { locale: texts.locale, text };
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
