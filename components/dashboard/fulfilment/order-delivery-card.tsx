"use client";

import { CheckCircle2, Store } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { FulfilmentMessages } from "@/lib/i18n/fulfilment";
import type { OrderDetailDto } from "@/lib/orders/order-schemas";
import { ShipForm, type CarrierOption } from "./ship-form";

/** The order page's delivery card: recipient, phone, address, method and fee, shipment and tracking; ship or hand over from here. */
export function OrderDeliveryCard({ o, t, carriers, money, onChanged }: { o: OrderDetailDto; t: FulfilmentMessages; carriers: CarrierOption[]; money: (minor: number) => string; onChanged: () => void }) {
  const d = o.delivery;
  const s = o.shipment;
  const a = d?.address;
  const others = o.shipment_group.filter((g) => g.id !== o.id);
  const covering = d?.covered_by_order_id ? o.shipment_group.find((g) => g.id === d.covered_by_order_id) : null;
  async function act(action: "deliver" | "ready-for-pickup", done: string) {
    try {
      await api(`/api/v1/orders/${o.id}/${action}`, { method: "POST" });
      toast({ title: done, tone: "success" });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError) toast({ title: error.message, tone: "error" });
      else throw error;
    }
  }
  if (!d && !s && o.status !== "paid") return null;
  return (
    <Card data-testid="order-delivery">
      <CardHeader><CardTitle>{t.deliveryCard}</CardTitle></CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {d && o.buyer_details ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-muted-foreground">{t.recipient}</dt><dd className="font-medium">{o.buyer_details.name}</dd>
            <dt className="text-muted-foreground">{t.phone}</dt><dd dir="ltr" className="text-start">{o.buyer_details.phone}</dd>
            {o.buyer_details.email && (<><dt className="text-muted-foreground">{t.email}</dt><dd>{o.buyer_details.email}</dd></>)}
            <dt className="text-muted-foreground">{t.method}</dt><dd>{d.name}</dd>
            {a && (<><dt className="text-muted-foreground">{t.addressHeading}</dt><dd dir="auto">{a.line1}{a.line2 ? `, ${a.line2}` : ""}, {a.city}, {a.region}{a.postal_code ? ` ${a.postal_code}` : ""}</dd></>)}
            <dt className="text-muted-foreground">{t.shippingFee}</dt><dd className="tabular-nums">{money(d.fee_minor)}</dd>
          </dl>
        ) : (
          <p className="text-muted-foreground">{t.noDetails}</p>
        )}
        {covering && <p className="text-success">{format(t.coveredBy, { number: covering.number })}</p>}
        {others.length > 0 && <p className="text-muted-foreground">{format(t.groupWith, { numbers: others.map((g) => `#${g.number}`).join(", ") })}</p>}
        {s?.tracking_number && (
          <p data-testid="order-tracking">
            {format(t.shippedWith, { carrier: s.carrier_name || s.carrier, tracking: s.tracking_number })}{" "}
            {s.tracking_url && <a href={s.tracking_url} target="_blank" rel="noopener noreferrer" className="underline">{t.track}</a>}
          </p>
        )}
        {o.status === "paid" && !o.delivered_at && (
          <div className="flex flex-wrap items-end gap-2 border-t border-border pt-3">
            {d?.type === "pickup" ? (
              !s ? (
                <Button type="button" onClick={() => void act("ready-for-pickup", t.readyToast)}><Store aria-hidden /> {t.readyForPickup}</Button>
              ) : (
                <Button type="button" onClick={() => void act("deliver", t.deliveredToast)}><CheckCircle2 aria-hidden /> {t.markPickedUp}</Button>
              )
            ) : (
              <>
                <ShipForm orderId={o.id} carriers={carriers} t={t} initial={s ? { carrier: s.carrier, tracking: s.tracking_number } : null} onDone={onChanged} />
                {s?.shipped_at && <Button type="button" variant="outline" onClick={() => void act("deliver", t.deliveredToast)}><CheckCircle2 aria-hidden /> {t.markDelivered}</Button>}
              </>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
