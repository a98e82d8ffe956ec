"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ArrowLeft, Ban, CheckCircle2, RotateCcw, ShieldAlert, Truck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { TimelineMessages } from "@/lib/i18n/order-timeline";
import { orderDateTime } from "@/lib/orders/order-dates";
import { presentTimeline, type TimelineTone } from "@/lib/orders/present-timeline";
import { cn } from "@/lib/utils";
import { STATUS_VARIANT, upper, type OrderDetailDto } from "./types";
import { TransferReview, type TransferReviewText } from "./transfer-review";
import { OrderDeliveryCard } from "@/components/dashboard/fulfilment/order-delivery-card";
import type { CarrierOption } from "@/components/dashboard/fulfilment/ship-form";
import type { FulfilmentMessages } from "@/lib/i18n/fulfilment";

type Action = "ship" | "cancel" | "refund" | "confirm-transfer" | "approve" | "decline";
type T = Pick<Messages, "orders" | "orderStatus" | "paymentStatus" | "intents" | "common">;
const DOT: Record<TimelineTone, string> = { default: "bg-primary", success: "bg-success", warning: "bg-warning", danger: "bg-destructive" };

/** One order as the seller needs it: products, buyer, what happened (in her language and the store's time zone), payments, and the actions left. */
export function OrderDetail({ orderId, storeId, isOwner, storeLocale, uiLocale, timezone, t, tr, timelineT, providers, tf, carriers }: {
  orderId: string; storeId: string; isOwner: boolean; storeLocale: string; uiLocale: string; timezone: string; t: T; tr: TransferReviewText; timelineT: TimelineMessages; providers: Record<string, string>;
  tf?: FulfilmentMessages; carriers?: CarrierOption[];
}) {
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<Action | null>(null);
  const order = useQuery({ queryKey: ["order", orderId], queryFn: () => api<OrderDetailDto>(`/api/v1/orders/${orderId}`) });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.orderId === orderId)) void qc.invalidateQueries({ queryKey: ["order", orderId] });
  });
  const act = useMutation({
    mutationFn: (a: Action) => api<OrderDetailDto>(`/api/v1/orders/${orderId}/${a}`, { method: "POST", json: {} }),
    onSuccess: (o) => {
      qc.setQueryData(["order", orderId], o);
      void qc.invalidateQueries({ queryKey: ["orders", storeId] });
      toast({ title: t.orders.done, tone: "success" });
      setConfirm(null);
    },
    onError: (e) => {
      toast({ title: e.message, tone: "error" });
      setConfirm(null);
    },
  });

  if (order.isError) return <p role="alert" className="text-rose-300">{order.error.message}</p>;
  if (!order.data) return <p className="text-muted-foreground">{t.common.loading}</p>;
  const o = order.data;
  const money = (minor: number, currency = o.currency) => {
    const f = new Intl.NumberFormat(storeLocale, { style: "currency", currency });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  };
  const when = orderDateTime(uiLocale, timezone);
  const method = (provider: string | null) => (provider ? (providers[provider] ?? provider) : "—");
  const timeline = presentTimeline(o.timeline, {
    locale: uiLocale,
    timeZone: timezone,
    storeLocale,
    currency: o.currency,
    totalMinor: o.total_minor,
    t: timelineT,
    intents: t.intents,
    providers,
    items: o.items,
  });
  const actions: { a: Action; label: string; icon: typeof Truck; show: boolean; variant?: "destructive" | "outline" }[] = [
    { a: "ship", label: t.orders.ship, icon: Truck, show: o.status === "paid" && o.fulfillment === "unfulfilled" },
    // Without a receipt to review (the seller saw the money arrive): the receipt card has its own buttons.
    { a: "confirm-transfer", label: t.orders.confirmTransfer, icon: CheckCircle2, show: isOwner && (o.status === "pending" || o.status === "expired") && o.gateway === "transfer" && o.transfer_review?.state !== "pending" },
    // A high-risk buyer's order waiting for the seller (store treatment "approval"): approve or decline it.
    { a: "approve", label: t.orders.approve, icon: CheckCircle2, show: o.awaiting_approval },
    { a: "decline", label: t.orders.decline, icon: Ban, show: o.awaiting_approval, variant: "outline" },
    { a: "cancel", label: t.orders.cancel, icon: Ban, show: o.status === "pending" && !o.awaiting_approval, variant: "outline" },
    { a: "refund", label: t.orders.refund, icon: RotateCcw, show: isOwner && (o.status === "paid" || o.status === "refund_needed"), variant: "destructive" },
  ];
  const confirmText: Record<Action, string> = { ship: t.orders.confirmShip, cancel: t.orders.confirmCancel, refund: t.orders.confirmRefund, "confirm-transfer": t.orders.confirmTransfer, approve: t.orders.confirmApprove, decline: t.orders.confirmDecline };

  return (
    <div className="flex flex-col gap-6" data-testid="order-detail">
      <Link href="/dashboard/orders" className="inline-flex items-center gap-1 self-start text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4 rtl:rotate-180" aria-hidden /> {t.orders.allOrders}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{format(t.orders.number, { number: o.number })}</h1>
        <Badge variant={STATUS_VARIANT[o.status]} data-testid="order-status">{t.orderStatus[upper(o.status)]}</Badge>
        {o.awaiting_approval && <Badge variant="warning" data-testid="order-awaiting-approval">{t.orders.awaitingBadge}</Badge>}
        {o.status === "paid" && (o.fulfillment === "shipped" ? <Badge variant="outline"><Truck className="me-1 size-3" aria-hidden />{t.orders.shipped}</Badge> : <Badge variant="warning">{t.orders.unfulfilled}</Badge>)}
      </div>
      <div className="flex flex-wrap gap-2">
        {actions.filter((x) => x.show).map(({ a, label, icon: Icon, variant }) => (
          <Button key={a} type="button" variant={variant ?? "default"} onClick={() => setConfirm(a)} disabled={act.isPending}>
            <Icon aria-hidden /> {label}
          </Button>
        ))}
      </div>

      {o.awaiting_approval && <Alert tone="warning" data-testid="order-approval-note"><ShieldAlert className="inline size-4 me-1" aria-hidden />{t.orders.awaitingApproval}</Alert>}
      {o.risk_mode === "pay_first" && o.status === "pending" && <Alert tone="info" data-testid="order-pay-first-note">{t.orders.payFirst}</Alert>}

      {o.transfer_review && (
        <Card data-testid="order-transfer-receipt" className={o.transfer_review.state === "pending" ? "border-warning/60" : undefined}>
          <CardHeader><CardTitle>{tr.title}</CardTitle></CardHeader>
          <CardContent>
            <TransferReview
              orderId={o.id}
              orderRef={format(t.orders.number, { number: o.number })}
              review={o.transfer_review}
              isOwner={isOwner}
              when={when}
              t={tr}
              tc={t.common}
              onChanged={(updated) => {
                if (updated) qc.setQueryData(["order", orderId], updated);
                void qc.invalidateQueries({ queryKey: ["order", orderId] });
                void qc.invalidateQueries({ queryKey: ["orders", storeId] });
              }}
            />
          </CardContent>
        </Card>
      )}

      {tf && carriers && (
        <OrderDeliveryCard
          o={o}
          t={tf}
          carriers={carriers}
          money={(minor) => money(minor)}
          onChanged={() => {
            void qc.invalidateQueries({ queryKey: ["order", orderId] });
            void qc.invalidateQueries({ queryKey: ["orders", storeId] });
          }}
        />
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader><CardTitle>{t.orders.items}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-3">
            <Table>
              <THead><TR><TH>{t.orders.product}</TH><TH>{t.orders.sku}</TH><TH className="text-end">{t.orders.quantity}</TH><TH className="text-end">{t.orders.total}</TH></TR></THead>
              <TBody>
                {o.items.map((i) => (
                  <TR key={i.sku}><TD><bdi>{i.name}</bdi></TD><TD className="font-mono text-muted-foreground">{i.sku}</TD><TD className="text-end tabular-nums">{i.quantity}</TD><TD className="text-end tabular-nums whitespace-nowrap">{money(i.unit_price_minor * i.quantity)}</TD></TR>
                ))}
              </TBody>
            </Table>
            <dl className="ms-auto grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t.orders.total}</dt><dd className="text-end font-semibold tabular-nums">{money(o.total_minor)}</dd>
              {o.tax_minor > 0 && (<><dt className="text-muted-foreground">{t.orders.tax}</dt><dd className="text-end tabular-nums">{money(o.tax_minor)}</dd></>)}
              <dt className="text-muted-foreground">{t.orders.gateway}</dt><dd className="text-end">{method(o.gateway)}</dd>
            </dl>
            {o.status === "pending" && <p className="text-sm text-muted-foreground">{format(t.orders.reservedUntil, { time: when(o.reservation.expires_at) })}</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t.orders.customer}</CardTitle></CardHeader>
          <CardContent>
            <dl className="flex flex-col gap-2 text-sm">
              <div className="text-base font-medium"><dt className="sr-only">{t.orders.buyer}</dt><dd><bdi>{o.buyer?.name || "—"}</bdi></dd></div>
              <div><dt className="text-muted-foreground">{t.orders.created}</dt><dd><time dateTime={o.created_at}>{when(o.created_at)}</time></dd></div>
              {o.live_id && <div><dt className="text-muted-foreground">{t.orders.live}</dt><dd><Link className="text-blue-300 hover:underline" href={`/dashboard/live/${o.live_id}`}>{t.orders.openLive}</Link></dd></div>}
            </dl>
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader><CardTitle>{t.orders.timeline}</CardTitle></CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-3 border-s border-border ps-4 text-sm" data-testid="order-timeline">
              {timeline.map((e) => (
                <li key={e.key} className="relative">
                  <span className={cn("absolute -start-[1.3rem] top-1.5 size-2 rounded-full", DOT[e.tone])} aria-hidden />
                  <time className="block text-xs text-muted-foreground" dateTime={e.at}>{e.when}</time>
                  <span className="block">{e.title}</span>
                  {e.detail && <span className={cn("block text-xs", e.tone === "danger" ? "text-rose-300" : "text-muted-foreground")}>{e.detail}</span>}
                  {e.quote && <q className="mt-1 block border-s-2 border-border ps-2 text-muted-foreground"><bdi>{e.quote}</bdi></q>}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t.orders.payments}</CardTitle></CardHeader>
          <CardContent>
            {o.payments.length === 0 ? <p className="text-sm text-muted-foreground">{t.orders.noPayments}</p> : (
              <ol className="flex flex-col gap-3 text-sm" data-testid="order-payments">
                {o.payments.map((p) => (
                  <li key={p.id} className="flex flex-col gap-1">
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge variant={p.status === "succeeded" ? "success" : p.status === "failed" || p.status === "flagged" ? "destructive" : "outline"}>{t.paymentStatus[p.status.toUpperCase() as "SUCCEEDED"] ?? p.status}</Badge>
                      <span className="tabular-nums">{money(p.amount_minor, p.currency)}</span>
                    </span>
                    <span>{method(p.provider)}</span>
                    <time className="text-xs text-muted-foreground" dateTime={p.updated_at}>{when(p.updated_at)}</time>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>

      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <DialogContent closeLabel={t.common.close}>
          <DialogHeader>
            <DialogTitle>{confirm ? actions.find((x) => x.a === confirm)?.label : ""}</DialogTitle>
            <DialogDescription>{confirm ? confirmText[confirm] : ""}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setConfirm(null)}>{t.common.cancel}</Button>
            <Button type="button" variant={confirm === "refund" || confirm === "cancel" || confirm === "decline" ? "destructive" : "default"} disabled={act.isPending} onClick={() => confirm && act.mutate(confirm)}>{t.common.confirm}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
