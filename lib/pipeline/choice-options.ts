import type { ChoiceOption } from "@/lib/messaging/texts";

export type OfferedProduct = { sku: string; name: string; group: string | null; color: string | null; size: string | null; priceMinor: number; available: number };

export type ChoicePlan = {
  /** What differs between the options, which decides the question ("¿Qué talla…?", "¿Qué color…?", "¿Cuál…?"). */
  kind: "size" | "color" | "option";
  /** What the buyer named: "Camisa Azul" for its sizes, "Linen Shirt" for its colours. */
  product: string;
  /** One per product in stock; `token` is `<commentId>_<position in the comment's offered list>`. */
  options: ChoiceOption[];
  /** Labels of the sold-out ones, named in the question. */
  soldOut: string[];
};

/** Payload tokens are our comment id and a position in its stored list: nothing a buyer could forge matters. */
export function choiceToken(commentId: string, position: number): string {
  return `${commentId}_${position}`;
}

export function parseChoiceToken(token: string): { commentId: string; position: number } | null {
  const m = /^(.+)_(\d{1,2})$/.exec(token);
  return m ? { commentId: m[1]!, position: Number(m[2]) } : null;
}

/**
 * The question for products the bot could not choose between. `offered` is the comment's stored list
 * in its order (the tap's position points into it); products no longer in the catalog are left out.
 */
export function planChoice({ commentId, offered, products, byName = false }: { commentId: string; offered: readonly string[]; products: readonly OfferedProduct[]; byName?: boolean }): ChoicePlan {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const present = offered.map((sku, position) => ({ position, p: bySku.get(sku) })).filter((x): x is { position: number; p: OfferedProduct } => !!x.p);
  const all = present.map((x) => x.p);
  const oneGroup = all.length > 0 && all.every((p) => p.group && p.group === all[0]!.group);
  const colors = new Set(all.map((p) => p.color ?? ""));
  const sizes = new Set(all.map((p) => p.size ?? ""));
  const kind: ChoicePlan["kind"] = byName ? "option" : oneGroup && colors.size === 1 && sizes.size === all.length ? "size" : oneGroup && sizes.size === 1 && colors.size === all.length ? "color" : "option";
  const label = (p: OfferedProduct) =>
    kind === "size" ? p.size! : kind === "color" ? p.color! : oneGroup && !byName ? [p.color, p.size].filter(Boolean).join(" ") || p.name : p.name;
  const first = all[0];
  const product = !first ? "" : kind === "size" ? [first.group, first.color].filter(Boolean).join(" ") : kind === "color" ? [first.group, first.size].filter(Boolean).join(" ") : (first.group ?? first.name);
  return {
    kind,
    product,
    options: present.filter((x) => x.p.available > 0).map((x) => ({ title: label(x.p), token: choiceToken(commentId, x.position) })),
    soldOut: present.filter((x) => x.p.available <= 0).map((x) => label(x.p)),
  };
}
