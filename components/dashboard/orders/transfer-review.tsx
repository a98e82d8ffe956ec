"use client";
import { useState } from "react";
import { CheckCircle2, ExternalLink, FileText, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { PaymentMessages } from "@/lib/i18n/payments";
import type { OrderDetailDto } from "@/lib/orders/order-schemas";
import type { TransferReviewView } from "@/lib/payments/transfer-review-view";
import { cn } from "@/lib/utils";

export type TransferReviewText = PaymentMessages["review"];
type Review = NonNullable<TransferReviewView>;

/**
 * The buyer's bank-transfer receipt with the seller's decision: the image inline (a PDF opens in a new
 * tab: the app's pages may not be framed), when it arrived, until when the items are held, and — for the
 * owner — Confirm (marks the order paid) and Reject (asks for the reason the buyer will see).
 * `compact` is the Live Control Center's cart row: a thumbnail and the two buttons.
 */
export function TransferReview({
  orderId,
  orderRef,
  review,
  isOwner,
  when,
  t,
  tc,
  onChanged,
  compact = false,
}: {
  orderId: string;
  orderRef: string;
  review: Review;
  isOwner: boolean;
  when: (iso: string) => string;
  t: TransferReviewText;
  tc: { close: string; cancel: string };
  onChanged: (order: OrderDetailDto | null) => void;
  compact?: boolean;
}) {
  const [dialog, setDialog] = useState<"confirm" | "reject" | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = review.state === "pending";
  const reasonId = `reject-reason-${orderId}`;

  async function run(action: "confirm" | "reject") {
    if (action === "reject" && reason.trim() === "") {
      setReasonError(t.reasonRequired);
      return;
    }
    setBusy(true);
    try {
      const order = await api<OrderDetailDto>(`/api/v1/orders/${encodeURIComponent(orderId)}/${action}-transfer`, { method: "POST", json: action === "reject" ? { reason: reason.trim() } : {} });
      toast({ title: action === "confirm" ? t.confirmedToast : t.rejectedToast, tone: "success" });
      setDialog(null);
      setReason("");
      onChanged(order);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors().reason) setReasonError(t.reasonRequired);
      else {
        toast({ title: error instanceof ApiError && error.status === 409 ? t.alreadyReviewed : (error as Error).message, tone: "error" });
        setDialog(null);
        onChanged(null);
      }
    } finally {
      setBusy(false);
    }
  }

  const preview =
    review.receipt_kind === "image" ? (
      <a href={review.receipt_url} target="_blank" rel="noopener" className="group relative block w-fit rounded-md border border-border bg-muted/40 focus-visible:outline-2 focus-visible:outline-ring">
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-order file: no image optimiser in between */}
        <img src={review.receipt_url} alt={format(t.imageAlt, { order: orderRef })} className={cn("rounded-md object-contain", compact ? "h-16 w-16 object-cover" : "max-h-[28rem] w-auto max-w-full")} />
        {!compact && (
          <span className="absolute bottom-2 end-2 inline-flex items-center gap-1 rounded bg-background/90 px-2 py-1 text-xs">
            <ExternalLink className="size-3" aria-hidden />
            {t.openImage}
          </span>
        )}
      </a>
    ) : (
      <a href={review.receipt_url} target="_blank" rel="noopener" className="inline-flex w-fit items-center gap-2 rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring">
        <FileText className="size-5" aria-hidden />
        {t.openPdf}
        <ExternalLink className="size-3" aria-hidden />
      </a>
    );

  const status = pending ? (
    <p className="text-sm">{review.held_until ? format(t.pending, { time: when(review.uploaded_at), until: when(review.held_until) }) : t.expiredPending}</p>
  ) : review.state === "rejected" ? (
    <div className="text-sm">
      <p>
        {t.rejected} <bdi className="font-medium">{review.rejection_reason}</bdi>
      </p>
      <p className="text-muted-foreground">{t.rejectedNext}</p>
    </div>
  ) : review.state === "confirmed" ? (
    <p className="inline-flex items-center gap-1 text-sm text-success"><CheckCircle2 className="size-4" aria-hidden />{t.confirmed}</p>
  ) : null;

  const actions = pending && (
    isOwner ? (
      <div className="flex flex-wrap gap-2">
        <Button type="button" size={compact ? "sm" : "default"} onClick={() => setDialog("confirm")} disabled={busy} data-testid="confirm-transfer">
          <CheckCircle2 aria-hidden /> {t.confirm}
        </Button>
        <Button type="button" size={compact ? "sm" : "default"} variant="outline" onClick={() => { setReasonError(null); setDialog("reject"); }} disabled={busy} data-testid="reject-transfer">
          <XCircle aria-hidden /> {t.reject}
        </Button>
      </div>
    ) : (
      <p className="text-xs text-muted-foreground">{t.ownerOnly}</p>
    )
  );

  return (
    <div className={cn("flex flex-col gap-3", compact && "gap-2")} data-testid="transfer-review" data-state={review.state}>
      {compact ? (
        <div className="flex items-start gap-3">
          {preview}
          <div className="flex min-w-0 flex-col gap-1">
            <Badge variant={pending ? "warning" : review.state === "confirmed" ? "success" : "outline"} className="w-fit">{pending ? t.pendingShort : t.title}</Badge>
            {!pending && status}
            {pending && <p className="text-xs text-muted-foreground">{format(t.uploadedAt, { time: when(review.uploaded_at) })}</p>}
          </div>
        </div>
      ) : (
        <>
          {status}
          {preview}
        </>
      )}
      {actions}

      <Dialog open={dialog !== null} onOpenChange={(open) => !open && !busy && setDialog(null)}>
        <DialogContent closeLabel={tc.close}>
          <DialogHeader>
            <DialogTitle>{dialog === "reject" ? t.rejectTitle : t.confirmTitle}</DialogTitle>
            <DialogDescription>{dialog === "reject" ? t.rejectHelp : t.confirmHelp}</DialogDescription>
          </DialogHeader>
          {dialog === "reject" && (
            <Field id={reasonId} label={t.reasonLabel} error={reasonError}>
              <Textarea value={reason} maxLength={500} rows={3} placeholder={t.reasonPlaceholder} onChange={(e) => { setReason(e.target.value); setReasonError(null); }} />
            </Field>
          )}
          <DialogFooter>
            <Button type="button" variant="ghost" disabled={busy} onClick={() => setDialog(null)}>{tc.cancel}</Button>
            <Button type="button" variant={dialog === "reject" ? "destructive" : "default"} disabled={busy} onClick={() => dialog && void run(dialog)} data-testid={`${dialog}-transfer-submit`}>
              {dialog === "reject" ? t.reject : t.confirm}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
