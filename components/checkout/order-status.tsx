import { format } from "@/lib/i18n";
import type { CheckoutDeliveryMessages } from "@/lib/i18n/checkout-delivery";
import type { OrderStatusView } from "@/lib/fulfilment/order-status-view";

type Step = { key: string; label: string; at: string | null; done: boolean };

/** The buyer's order after payment: where it stands, how it travels, where to, and its tracking link. */
export function OrderStatus({ t, view, when }: { t: CheckoutDeliveryMessages; view: OrderStatusView; when: (iso: string | Date | null) => string | null }) {
  const s = view.shipment;
  const pickup = view.delivery?.type === "pickup";
  const steps: Step[] = [
    { key: "paid", label: t.steps.paid, at: when(view.paidAt), done: true },
    { key: "preparing", label: t.steps.preparing, at: null, done: true },
    pickup
      ? { key: "ready", label: t.steps.ready, at: when(s?.ready_at ?? null), done: Boolean(s?.ready_at || s?.delivered_at) }
      : { key: "shipped", label: t.steps.shipped, at: when(s?.shipped_at ?? null), done: Boolean(s?.shipped_at) },
    { key: "delivered", label: pickup ? t.steps.pickedUp : t.steps.delivered, at: when(s?.delivered_at ?? null), done: Boolean(s?.delivered_at) },
  ];
  const a = view.delivery?.address;
  return (
    <section aria-labelledby="status-heading" className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4" data-testid="order-status">
      <h2 id="status-heading" className="text-base font-semibold">{t.statusTitle}</h2>
      <ol className="flex flex-col gap-2" data-testid="order-timeline">
        {steps.map((step) => (
          <li key={step.key} className="flex items-center gap-3" data-done={step.done || undefined}>
            <span aria-hidden className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs ${step.done ? "bg-success text-success-foreground" : "border border-border text-muted-foreground"}`}>{step.done ? "✓" : ""}</span>
            <span className={step.done ? "font-medium" : "text-muted-foreground"}>{step.label}</span>
            {step.at && <span className="ms-auto text-sm text-muted-foreground tabular-nums">{step.at}</span>}
          </li>
        ))}
      </ol>
      {s?.tracking_number && (
        <div className="flex flex-col gap-2 rounded-md border border-primary/40 bg-primary/5 p-3" data-testid="tracking">
          <h3 className="text-sm font-semibold">{t.trackingHeading}</h3>
          <p dir="auto">{format(t.trackingNumber, { carrier: s.carrier_name || s.carrier, tracking: s.tracking_number })}</p>
          {s.tracking_url && (
            <a href={s.tracking_url} target="_blank" rel="noopener noreferrer" className="inline-flex h-11 items-center justify-center rounded-md bg-primary px-4 font-semibold text-primary-foreground">
              {t.trackButton}
            </a>
          )}
        </div>
      )}
      {view.delivery && (
        <div className="flex flex-col gap-1 text-sm" data-testid="status-delivery">
          <h3 className="font-semibold">{t.deliveryHeading}</h3>
          <p>{view.delivery.name}</p>
          {view.buyer_details && <p className="text-muted-foreground">{view.buyer_details.name}</p>}
          {a && (
            <address className="not-italic text-muted-foreground" dir="auto">
              {a.line1}
              {a.line2 ? `, ${a.line2}` : ""}
              <br />
              {[a.city, a.region, a.postal_code].filter(Boolean).join(", ")}
            </address>
          )}
          {view.pickup?.address && <p className="text-muted-foreground">{format(t.pickupAt, { address: view.pickup.address })}</p>}
          {view.pickup?.instructions && <p className="text-muted-foreground">{format(t.hours, { hours: view.pickup.instructions })}</p>}
        </div>
      )}
    </section>
  );
}
