"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, ClipboardList, Download, Package, Printer, Store, Upload } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { api, apiErrorOf, ApiError } from "@/components/dashboard/api-client";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { FulfilmentMessages } from "@/lib/i18n/fulfilment";
import type { ToShipGroup } from "@/lib/fulfilment/to-ship-queue";
import { ShipForm, type CarrierOption } from "./ship-form";

/** Orders → To ship: one card per parcel with who, where and how; ship, hand over, or deliver; bulk by CSV. */
export function ToShipQueue({ storeId, carriers, t, lives, liveId }: { storeId: string; carriers: CarrierOption[]; t: FulfilmentMessages; lives: { id: string; title: string }[]; liveId: string | null }) {
  const qc = useQueryClient();
  const key = ["to-ship", storeId, liveId];
  const q = useQuery({ queryKey: key, queryFn: () => api<{ groups: ToShipGroup[] }>(`/api/v1/fulfilment/to-ship?store_id=${storeId}${liveId ? `&live_id=${liveId}` : ""}`) });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.type === "order.updated")) void qc.invalidateQueries({ queryKey: ["to-ship", storeId] });
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ["to-ship", storeId] });
  const file = useRef<HTMLInputElement>(null);
  const [importErrors, setImportErrors] = useState<{ line: number; message: string }[]>([]);

  async function act(orderId: string, action: "deliver" | "ready-for-pickup", done: string) {
    try {
      await api(`/api/v1/orders/${orderId}/${action}`, { method: "POST" });
      toast({ title: done, tone: "success" });
      refresh();
    } catch (error) {
      if (error instanceof ApiError) toast({ title: error.message, tone: "error" });
      else throw error;
    }
  }
  async function upload(f: File) {
    setImportErrors([]);
    const res = await fetch(`/api/v1/fulfilment/tracking-import?store_id=${storeId}`, { method: "POST", headers: { "content-type": "text/csv" }, body: await f.text() });
    const body = await res.json().catch(() => null);
    if (res.ok) {
      toast({ title: format(t.imported, { count: body.shipped }), tone: "success" });
      refresh();
    } else if (res.status === 422 && Array.isArray(body?.errors)) setImportErrors(body.errors);
    else toast({ title: apiErrorOf(res.status, body, res.statusText).message, tone: "error" });
    if (file.current) file.current.value = "";
  }
  const slipsHref = `/dashboard/orders/packing-slips${liveId ? `?live=${liveId}` : ""}`;
  const pickHref = `/dashboard/orders/pick-list${liveId ? `?live=${liveId}` : ""}`;
  const groups = q.data?.groups ?? [];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <form method="get" className="flex items-center gap-2">
          <label htmlFor="live-filter" className="text-sm text-muted-foreground">{t.live}</label>
          <select id="live-filter" name="live" defaultValue={liveId ?? ""} onChange={(e) => e.currentTarget.form?.requestSubmit()} className="h-10 rounded-md border border-input bg-background px-2 text-sm">
            <option value="">{t.allLives}</option>
            {lives.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
          </select>
        </form>
        <Button asChild variant="outline"><Link href={pickHref}><ClipboardList aria-hidden /> {t.pickList}</Link></Button>
        <Button asChild variant="outline"><Link href={slipsHref}><Printer aria-hidden /> {t.packingSlips}</Link></Button>
        <Button asChild variant="outline"><a href={`/api/v1/fulfilment/shipments.csv?store_id=${storeId}`} download><Download aria-hidden /> {t.exportCsv}</a></Button>
        <Button type="button" variant="outline" onClick={() => file.current?.click()} title={t.importHelp}><Upload aria-hidden /> {t.importCsv}</Button>
        <input ref={file} type="file" accept=".csv,text/csv" className="sr-only" aria-label={t.importCsv} data-testid="tracking-csv" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </div>
      <p className="text-xs text-muted-foreground">{t.importHelp}</p>
      {importErrors.length > 0 && (
        <Alert tone="error">
          <p className="font-medium">{t.importErrors}</p>
          <ul className="list-disc ps-5">{importErrors.map((e) => <li key={`${e.line}-${e.message}`}>{format(t.line, { line: e.line, message: e.message })}</li>)}</ul>
        </Alert>
      )}
      {q.isSuccess && groups.length === 0 && <p className="text-muted-foreground" data-testid="to-ship-empty">{t.empty}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => {
          const first = g.orders[0]!;
          const pickup = g.method?.type === "pickup";
          const a = g.address;
          return (
            <Card key={g.key} data-testid="to-ship-group">
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
                <CardTitle className="flex items-center gap-2 text-base">
                  <Package aria-hidden className="size-4" />
                  {g.orders.map((o) => (
                    <Link key={o.id} href={`/dashboard/orders/${o.id}`} className="underline-offset-4 hover:underline">#{o.number}</Link>
                  ))}
                </CardTitle>
                <Badge variant={g.stage === "to_ship" ? "warning" : "outline"}>{t.stages[g.stage]}</Badge>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 text-sm">
                {g.contact ? (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    <dt className="text-muted-foreground">{t.recipient}</dt><dd className="font-medium">{g.contact.name}</dd>
                    <dt className="text-muted-foreground">{t.phone}</dt><dd><a href={`tel:${g.contact.phone}`} dir="ltr" className="underline-offset-4 hover:underline">{g.contact.phone}</a></dd>
                    <dt className="text-muted-foreground">{t.method}</dt><dd>{g.method?.name}</dd>
                    {a && (<><dt className="text-muted-foreground">{t.addressHeading}</dt><dd dir="auto">{a.line1}{a.line2 ? `, ${a.line2}` : ""}, {a.city}, {a.region}{a.postal_code ? ` ${a.postal_code}` : ""}</dd></>)}
                  </dl>
                ) : (
                  <p className="text-muted-foreground">{g.buyer.name} — {t.noDetails}</p>
                )}
                <ul className="flex flex-col gap-0.5 text-muted-foreground">
                  {g.orders.flatMap((o) => o.items.map((i) => <li key={`${o.id}-${i.sku}`}>{i.quantity} × {i.name} <span className="text-xs">({i.sku})</span></li>))}
                </ul>
                {g.shipment?.tracking_number && (
                  <p data-testid="group-tracking">
                    {format(t.shippedWith, { carrier: g.shipment.carrier_name || g.shipment.carrier, tracking: g.shipment.tracking_number })}{" "}
                    {g.shipment.tracking_url && <a href={g.shipment.tracking_url} target="_blank" rel="noopener noreferrer" className="underline">{t.track}</a>}
                  </p>
                )}
                <div className="flex flex-wrap items-end gap-2 border-t border-border pt-3">
                  {pickup ? (
                    g.stage === "to_ship" ? (
                      <Button type="button" onClick={() => void act(first.id, "ready-for-pickup", t.readyToast)}><Store aria-hidden /> {t.readyForPickup}</Button>
                    ) : (
                      <Button type="button" onClick={() => void act(first.id, "deliver", t.deliveredToast)}><CheckCircle2 aria-hidden /> {t.markPickedUp}</Button>
                    )
                  ) : (
                    <>
                      <ShipForm orderId={first.id} carriers={carriers} t={t} initial={g.shipment ? { carrier: g.shipment.carrier, tracking: g.shipment.tracking_number } : null} onDone={refresh} />
                      {g.stage === "in_transit" && <Button type="button" variant="outline" onClick={() => void act(first.id, "deliver", t.deliveredToast)}><CheckCircle2 aria-hidden /> {t.markDelivered}</Button>}
                    </>
                  )}
                </div>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
