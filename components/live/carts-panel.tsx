import { Check, Clock, CreditCard, Send } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { format } from "@/lib/i18n";
import { TransferReview, type TransferReviewText } from "@/components/dashboard/orders/transfer-review";
import type { LccFormat, LccText, LiveCart } from "./types";

const STATUS_VARIANT = { PENDING: "warning", PAID: "success", EXPIRED: "outline", CANCELLED: "outline", REFUND_NEEDED: "destructive", REFUNDED: "outline" } as const;

/** Carts created in this live: who, what, total, whether the link went out and how payment stands. */
export function CartsPanel({ carts, t, fmt, onSelectBuyer, review }: {
  carts: LiveCart[];
  t: LccText;
  fmt: LccFormat;
  onSelectBuyer: (buyerId: string) => void;
  /** Bank-transfer receipts waiting for the seller: the same review as on the order page. */
  review: { isOwner: boolean; t: TransferReviewText; when: (iso: string) => string; onChanged: () => void };
}) {
  if (carts.length === 0) return <p className="p-4 text-sm text-muted-foreground">{t.live.cartsEmpty}</p>;
  return (
    <ul className="flex flex-col divide-y divide-border" data-testid="carts">
      {carts.map((c) => (
        <li key={c.id} className="flex flex-col gap-1.5 p-3" data-testid="cart" data-status={c.status}>
          <div className="flex items-center justify-between gap-2">
            <button type="button" className="truncate text-start text-sm font-medium hover:underline disabled:no-underline" disabled={!c.buyer_id} onClick={() => c.buyer_id && onSelectBuyer(c.buyer_id)}>
              #{c.number} · {c.buyer_name || "—"}
            </button>
            <Badge variant={STATUS_VARIANT[c.status]}>{t.orderStatus[c.status]}</Badge>
          </div>
          <ul className="text-xs text-muted-foreground">
            {c.items.map((i) => (
              <li key={i.sku}><span className="font-mono">{i.sku}</span> ×{i.quantity} — {i.name}</li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
            <span className="font-semibold tabular-nums">{fmt.money(c.total_minor)}</span>
            <span className={cn("inline-flex items-center gap-1", c.link === "SENT" ? "text-success" : "text-muted-foreground")} data-testid="cart-link">
              {c.link === "SENT" ? <Check className="size-3" aria-hidden /> : <Send className="size-3" aria-hidden />}
              {c.link === "SENT" ? t.live.linkSent : t.live.linkNotSent}
            </span>
            {c.payment && (
              <span className="inline-flex items-center gap-1 text-muted-foreground"><CreditCard className="size-3" aria-hidden />{t.paymentStatus[c.payment]}</span>
            )}
            {c.status === "PENDING" && (
              <span className="inline-flex items-center gap-1 text-muted-foreground"><Clock className="size-3" aria-hidden />{format(t.live.expiresAt, { time: c.transfer_review?.state === "pending" ? review.when(c.expires_at) : fmt.time(c.expires_at) })}</span>
            )}
          </div>
          {c.transfer_review && (c.transfer_review.state === "pending" || c.transfer_review.state === "rejected") && (
            <TransferReview compact orderId={c.id} orderRef={`#${c.number}`} review={c.transfer_review} isOwner={review.isOwner} when={review.when} t={review.t} tc={t.common} onChanged={review.onChanged} />
          )}
        </li>
      ))}
    </ul>
  );
}
