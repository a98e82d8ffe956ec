"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ArrowLeft, Ban, Bot, BotOff, CheckCircle2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { BuyersMessages } from "@/lib/i18n/buyers";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { BuyerProfile as BuyerProfileDto } from "@/lib/buyers/buyer-profile";
import { orderDateTime } from "@/lib/orders/order-dates";
import { STATUS_VARIANT, upper } from "@/components/dashboard/orders/types";
import { RiskBadge, SegmentBadge } from "./buyer-badges";

type Patch = { blocked?: boolean; notes?: string; tags?: string[]; bot_paused?: boolean };

/** One buyer: what they bought and left unpaid, what they said, and the seller's notes, tags, block and bot pause. */
export function BuyerProfile({ buyerId, storeId, storeLocale, uiLocale, timezone, t, tc, orderStatus }: {
  buyerId: string;
  storeId: string;
  storeLocale: string;
  uiLocale: string;
  timezone: string;
  t: BuyersMessages;
  tc: Messages["common"];
  orderStatus: Messages["orderStatus"];
}) {
  const qc = useQueryClient();
  const key = ["buyer", buyerId];
  const buyer = useQuery({ queryKey: key, queryFn: () => api<BuyerProfileDto>(`/api/v1/buyers/${buyerId}`) });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.type === "buyer.updated" || e.type === "order.updated" || e.type === "comment.processed")) void qc.invalidateQueries({ queryKey: key });
  });
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [draft, setDraft] = useState<{ notes: string; tags: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const patch = useMutation({
    mutationFn: (body: Patch) => api(`/api/v1/buyers/${buyerId}`, { method: "PATCH", json: body }),
    onSuccess: () => {
      setFieldErrors({});
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ["buyers", storeId] });
      toast({ title: t.profile.saved, tone: "success" });
    },
    onError: (e) => {
      if (e instanceof ApiError) setFieldErrors(e.fieldErrors());
      toast({ title: e.message, tone: "error" });
    },
  });

  if (buyer.isError) return <p role="alert" className="text-rose-300">{buyer.error.message}</p>;
  if (!buyer.data) return <p className="text-muted-foreground">{tc.loading}</p>;
  const b = buyer.data;
  const s = b.summary;
  const when = orderDateTime(uiLocale, timezone);
  const money = (minor: number, currency: string) => {
    const f = new Intl.NumberFormat(storeLocale, { style: "currency", currency });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  };
  const number = new Intl.NumberFormat(uiLocale);
  const since = new Intl.DateTimeFormat(uiLocale, { dateStyle: "medium", timeZone: timezone }).format(new Date(b.created_at));
  const notes = draft?.notes ?? b.notes;
  const tags = draft?.tags ?? b.tags.join(", ");
  const history = [...b.entries].reverse();
  const currency = b.orders[0]?.currency;

  return (
    <div className="flex flex-col gap-6" data-testid="buyer-profile">
      <Link href="/dashboard/buyers" className="inline-flex items-center gap-1 self-start text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4 rtl:rotate-180" aria-hidden /> {t.profile.back}
      </Link>
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold"><bdi>{b.name || "—"}</bdi></h1>
          {s && <SegmentBadge segment={s.segment} t={t} />}
          {s && <RiskBadge risk={s.risk} t={t} />}
          {b.blocked && s?.segment !== "blocked" && <Badge variant="destructive" data-testid="buyer-blocked">{t.profile.blocked}</Badge>}
        </div>
        <p className="text-sm text-muted-foreground">{format(t.profile.since, { date: since })}</p>
      </div>

      {s && (
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="buyer-stats">
          <div className="rounded-lg border border-border bg-card p-4"><dt className="text-xs text-muted-foreground">{t.paid}</dt><dd className="text-2xl font-semibold tabular-nums">{number.format(s.orders_paid)}</dd></div>
          <div className="rounded-lg border border-border bg-card p-4"><dt className="text-xs text-muted-foreground">{t.unpaid}</dt><dd className="text-2xl font-semibold tabular-nums">{number.format(s.orders_unpaid)}</dd></div>
          <div className="rounded-lg border border-border bg-card p-4"><dt className="text-xs text-muted-foreground">{t.spend}</dt><dd className="text-2xl font-semibold tabular-nums">{currency ? money(s.spend_minor, currency) : number.format(0)}</dd></div>
          <div className="rounded-lg border border-border bg-card p-4"><dt className="text-xs text-muted-foreground">{t.lastOrder}</dt><dd className="text-sm">{s.last_order_at ? <time dateTime={s.last_order_at}>{when(s.last_order_at)}</time> : t.never}</dd></div>
        </dl>
      )}

      <div className="flex flex-wrap gap-2">
        {b.blocked ? (
          <Button type="button" variant="outline" disabled={patch.isPending} onClick={() => patch.mutate({ blocked: false })} data-testid="buyer-unblock"><CheckCircle2 aria-hidden /> {t.profile.unblock}</Button>
        ) : (
          <Button type="button" variant="destructive" disabled={patch.isPending} onClick={() => setConfirmBlock(true)} data-testid="buyer-block"><Ban aria-hidden /> {t.profile.block}</Button>
        )}
        <Button type="button" variant="outline" disabled={patch.isPending || b.opted_out} onClick={() => patch.mutate({ bot_paused: !b.bot_paused })} data-testid="buyer-bot-toggle" aria-pressed={b.bot_paused}>
          {b.bot_paused ? <Bot aria-hidden /> : <BotOff aria-hidden />} {b.bot_paused ? t.profile.resumeBot : t.profile.pauseBot}
        </Button>
      </div>
      <ul className="flex flex-col gap-1 text-sm text-muted-foreground" data-testid="buyer-messaging">
        {b.bot_paused && <li className="text-warning">{t.profile.botPaused}</li>}
        {b.opted_out ? <li>{t.profile.optedOut}</li> : <li>{b.in_messaging_window ? t.profile.window : t.profile.noWindow}</li>}
      </ul>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader><CardTitle>{t.profile.orders}</CardTitle></CardHeader>
          <CardContent>
            {b.orders.length === 0 ? <p className="text-sm text-muted-foreground">{t.profile.noOrders}</p> : (
              <ul className="flex flex-col divide-y divide-border" data-testid="buyer-orders">
                {b.orders.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span className="flex min-w-0 flex-col">
                      <Link href={`/dashboard/orders/${o.id}`} className="font-medium text-blue-300 hover:underline">{format(t.profile.order, { number: o.number })}</Link>
                      <span className="truncate text-xs text-muted-foreground"><bdi>{o.items.map((i) => format(t.profile.quantity, { qty: i.quantity, product: i.name })).join(", ")}</bdi></span>
                    </span>
                    <span className="flex items-center gap-2">
                      <Badge variant={STATUS_VARIANT[o.status as keyof typeof STATUS_VARIANT] ?? "outline"}>{orderStatus[upper(o.status)] ?? o.status}</Badge>
                      <span className="tabular-nums">{money(o.total_minor, o.currency)}</span>
                      <time className="text-xs text-muted-foreground" dateTime={o.created_at}>{when(o.created_at)}</time>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t.profile.notes}</CardTitle></CardHeader>
          <CardContent>
            <form
              className="flex flex-col gap-3"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                patch.mutate({ notes, tags: tags.split(",").map((x) => x.trim()).filter(Boolean) }, { onSuccess: () => setDraft(null) });
              }}
            >
              <Field id="buyer-notes" label={t.profile.notes} hint={t.profile.notesHelp} error={fieldErrors.notes}>
                <Textarea value={notes} maxLength={2000} onChange={(e) => setDraft({ notes: e.target.value, tags })} />
              </Field>
              <Field id="buyer-tags" label={t.profile.tags} hint={t.profile.tagsHelp} error={fieldErrors.tags}>
                <Input value={tags} onChange={(e) => setDraft({ notes, tags: e.target.value })} />
              </Field>
              <Button type="submit" disabled={patch.isPending || draft === null} data-testid="buyer-save-notes">{t.profile.save}</Button>
            </form>
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader><CardTitle>{t.profile.history}</CardTitle></CardHeader>
          <CardContent>
            {history.length === 0 ? <p className="text-sm text-muted-foreground">{t.profile.noHistory}</p> : (
              <ol className="flex flex-col gap-3 text-sm" data-testid="buyer-history">
                {history.map((e) => (
                  <li key={`${e.kind}:${e.id}`} className="flex flex-col gap-0.5 border-s-2 border-border ps-3">
                    <span className="text-xs text-muted-foreground">
                      {e.kind === "comment" ? t.profile.comment : e.kind === "inbound" ? t.profile.inbound : t.profile.outbound} · <time dateTime={e.at}>{when(e.at)}</time>
                    </span>
                    <bdi className="whitespace-pre-wrap break-words">{e.text || "—"}</bdi>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t.profile.interest}</CardTitle></CardHeader>
          <CardContent>
            {b.waiting.length === 0 ? <p className="text-sm text-muted-foreground">{t.profile.noInterest}</p> : (
              <ul className="flex flex-col gap-2 text-sm" data-testid="buyer-waiting">
                {b.waiting.map((w) => (
                  <li key={w.product_id} className="flex items-baseline justify-between gap-2">
                    <span className="min-w-0 truncate"><bdi className="font-mono text-xs text-muted-foreground">{w.sku}</bdi> <bdi>{w.name}</bdi></span>
                    <span className="shrink-0 tabular-nums">×{w.quantity}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      <Dialog open={confirmBlock} onOpenChange={setConfirmBlock}>
        <DialogContent closeLabel={tc.close}>
          <DialogHeader>
            <DialogTitle>{t.profile.blockTitle}</DialogTitle>
            <DialogDescription>{t.profile.blockHelp}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setConfirmBlock(false)}>{tc.cancel}</Button>
            <Button type="button" variant="destructive" disabled={patch.isPending} data-testid="buyer-block-confirm" onClick={() => patch.mutate({ blocked: true }, { onSettled: () => setConfirmBlock(false) })}>{t.profile.block}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
