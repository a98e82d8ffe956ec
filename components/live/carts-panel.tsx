"use client";
import { useState } from "react";
import { Ban, Check, CheckCircle2, Clock, CreditCard, Send, ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
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
              #{c.number} · <bdi>{c.buyer_name || "—"}</bdi>
            </button>
            <Badge variant={STATUS_VARIANT[c.status]}>{t.orderStatus[c.status]}</Badge>
          </div>
          <ul className="text-xs text-muted-foreground">
            {c.items.map((i) => (
              <li key={i.sku}><bdi className="font-mono">{i.sku}</bdi> ×{i.quantity} — <bdi>{i.name}</bdi></li>
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
          {c.awaiting_approval && <ApprovalActions orderId={c.id} t={t} onChanged={review.onChanged} />}
          {c.risk_mode === "pay_first" && c.status === "PENDING" && <p className="text-xs text-muted-foreground" data-testid="cart-pay-first">{t.orders.payFirst}</p>}
          {c.transfer_review && (c.transfer_review.state === "pending" || c.transfer_review.state === "rejected") && (
            <TransferReview compact orderId={c.id} orderRef={`#${c.number}`} review={c.transfer_review} isOwner={review.isOwner} when={review.when} t={review.t} tc={t.common} onChanged={review.onChanged} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** A high-risk buyer's order waiting for the seller: approve (reserve and send the link) or decline it, right from the live. */
function ApprovalActions({ orderId, t, onChanged }: { orderId: string; t: LccText; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const act = async (action: "approve" | "decline") => {
    setBusy(true);
    try {
      await api(`/api/v1/orders/${orderId}/${action}`, { method: "POST", json: {} });
      toast({ title: t.orders.done, tone: "success" });
    } catch (e) {
      toast({ title: (e as Error).message, tone: "error" });
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  return (
    <div className="flex flex-col gap-2 rounded-md border border-warning/60 p-2" data-testid="cart-approval">
      <p className="flex items-start gap-1 text-xs"><ShieldAlert className="mt-0.5 size-3 shrink-0" aria-hidden />{t.orders.awaitingApproval}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" disabled={busy} onClick={() => act("approve")}><CheckCircle2 aria-hidden /> {t.orders.approve}</Button>
        <Button type="button" size="sm" variant="outline" disabled={busy} onClick={() => act("decline")}><Ban aria-hidden /> {t.orders.decline}</Button>
      </div>
    </div>
  );
}
