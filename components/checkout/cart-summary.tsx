import { format } from "@/lib/i18n";
import type { CheckoutMessages } from "@/lib/i18n/checkout";

export type CartLineView = { key: string; name: string; imageUrl: string | null; color: string | null; size: string | null; quantity: number; unitPrice: string; lineTotal: string };

/** Items, total in the store's currency and, where prices include VAT, the VAT part of it. */
export function CartSummary({
  t,
  lines,
  total,
  vat,
  shipping,
}: {
  t: CheckoutMessages;
  lines: CartLineView[];
  total: string;
  vat: { rate: string; amount: string } | null;
  /** The delivery line (fee, "free", or the order whose shipping covers this one), when the store ships. */
  shipping?: { label: string; amount: string; note?: string | null } | null;
}) {
  return (
    <section aria-labelledby="cart-heading" className="rounded-lg border border-border bg-card p-4">
      <h2 id="cart-heading" className="mb-3 text-base font-semibold">{t.cart}</h2>
      <ul className="flex flex-col gap-3" data-testid="cart-lines">
        {lines.map((line) => (
          <li key={line.key} className="flex gap-3">
            {line.imageUrl ? (
              // A plain img: seller images live on any host, and a slow phone gains nothing from an optimiser round trip.
              <img src={line.imageUrl} alt="" width={56} height={56} loading="lazy" className="size-14 shrink-0 rounded-md bg-muted object-cover" />
            ) : (
              <div aria-hidden className="size-14 shrink-0 rounded-md bg-muted" />
            )}
            <div className="flex min-w-0 flex-1 flex-col">
              <span className="font-medium">{line.name}</span>
              {(line.color || line.size) && (
                <span className="text-sm text-muted-foreground">
                  {[line.color && format(t.color, { color: line.color }), line.size && format(t.size, { size: line.size })].filter(Boolean).join(" · ")}
                </span>
              )}
              <span className="text-sm text-muted-foreground">
                {format(t.qty, { qty: line.quantity })} · {format(t.each, { price: line.unitPrice })}
              </span>
            </div>
            <span className="shrink-0 font-medium tabular-nums">{line.lineTotal}</span>
          </li>
        ))}
      </ul>
      {shipping && (
        <div className="mt-4 flex flex-col border-t border-border pt-3 text-sm" data-testid="cart-shipping">
          <div className="flex items-baseline justify-between">
            <span>{shipping.label}</span>
            <span className="tabular-nums">{shipping.amount}</span>
          </div>
          {shipping.note && <span className="text-success">{shipping.note}</span>}
        </div>
      )}
      <div className={`${shipping ? "mt-2" : "mt-4 border-t border-border pt-3"} flex items-baseline justify-between`}>
        <span className="font-semibold">{t.total}</span>
        <span className="text-xl font-bold tabular-nums" data-testid="order-total">{total}</span>
      </div>
      {vat && <p className="mt-1 text-end text-sm text-muted-foreground">{format(t.vatIncluded, vat)}</p>}
    </section>
  );
}
