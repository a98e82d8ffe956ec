import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { recordCheckoutOpened } from "@/lib/orders/record-checkout-opened";
import { CartSummary, type CartLineView } from "@/components/checkout/cart-summary";
import { CheckoutShell } from "@/components/checkout/checkout-shell";
import { Countdown } from "@/components/checkout/countdown";
import { PaymentMethods } from "@/components/checkout/payment-methods";
import { ExpiredPanel, FailurePanel, Panel, ProcessingPanel, SuccessPanel } from "@/components/checkout/status-panels";
import { TransferDetails } from "@/components/checkout/transfer-details";
import { TransferRejectedPanel, TransferReviewExpiredPanel, TransferReviewPanel } from "@/components/checkout/transfer-review-panels";
import { soldOutItems } from "@/lib/payments/sold-out-items";
import { format } from "@/lib/i18n";
import { checkoutMessages } from "@/lib/i18n/checkout";
import { formatClockTime, formatDayTime, formatMoneyMinor } from "@/lib/messaging/texts";
import { expireOrder } from "@/lib/orders/expire-order";
import { includedVat } from "@/lib/orders/tax";
import { listCheckoutMethods, isProviderId } from "@/lib/payments/checkout-methods";
import { checkoutPath } from "@/lib/payments/checkout-links";
import { CHECKOUT_LANG_COOKIE, checkoutFormattingLocale, resolveCheckoutLocale } from "@/lib/payments/checkout-locale";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { loadTransferReview } from "@/lib/payments/load-transfer-review";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { DeliveryDetails } from "@/components/checkout/delivery-details";
import { OrderStatus } from "@/components/checkout/order-status";
import { checkoutDeliveryMessages } from "@/lib/i18n/checkout-delivery";
import { getCheckoutView } from "@/lib/fulfilment/checkout-view";
import { getOrderStatusView } from "@/lib/fulfilment/order-status-view";
import { addressShapeOf, regionsOf } from "@/lib/fulfilment/countries";
import { phoneExampleFor } from "@/lib/fulfilment/normalize-phone";

export const dynamic = "force-dynamic";
// The URL carries the buyer's token: never indexed, never sent on as a referrer.
export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function CheckoutPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<Search> }) {
  const { orderId } = await params;
  const sp = await searchParams;
  const token = one(sp.t);
  let order = await loadCheckoutOrder({ orderId, token });
  if (!order || !token) notFound();
  if (!order.checkoutOpenedAt) await recordCheckoutOpened(order.id);
  // Expiry is data: a page opened after expires_at shows the expired view even if the job is late.
  if (order.status === "PENDING" && order.expiresAt.getTime() <= Date.now()) {
    await expireOrder({ orderId: order.id });
    order = (await loadCheckoutOrder({ orderId, token })) ?? order;
  }

  const locale = resolveCheckoutLocale({
    explicit: one(sp.lang),
    cookie: (await cookies()).get(CHECKOUT_LANG_COOKIE)?.value,
    buyerLocale: order.buyerLocale ?? order.buyer?.locale,
    headers: await headers(),
    storeLocale: order.store.locale,
  });
  const t = checkoutMessages(locale);
  const td = checkoutDeliveryMessages(locale);
  const fmt = checkoutFormattingLocale(locale, order.store.country);
  // The delivery fee is recomputed before the page shows a total (the cart or the combined group may have changed).
  const delivery = await getCheckoutView(order);
  if (delivery.total_minor !== order.totalMinor) order = (await loadCheckoutOrder({ orderId, token })) ?? order;
  const money = (minor: number) => formatMoneyMinor(minor, order.currency, fmt);
  const lines: CartLineView[] = order.items.map((i) => ({
    key: i.id,
    name: i.name,
    imageUrl: i.product?.imageUrl ?? null,
    color: i.product?.color ?? null,
    size: i.product?.size ?? null,
    quantity: i.quantity,
    unitPrice: money(i.unitPriceMinor),
    lineTotal: money(i.unitPriceMinor * i.quantity),
  }));
  const { rateBps, taxMinor } = includedVat({ totalMinor: order.totalMinor, country: order.store.country });
  const vat = rateBps > 0 ? { rate: new Intl.NumberFormat(fmt, { maximumFractionDigits: 2 }).format(rateBps / 100), amount: money(order.taxMinor || taxMinor) } : null;
  const shippingLine =
    delivery.details || order.shippingMinor > 0
      ? {
          label: td.shipping,
          amount: order.shippingMinor === 0 ? td.free : money(order.shippingMinor),
          note: delivery.shipping_covered_by ? format(td.coveredBy, { number: delivery.shipping_covered_by.number }) : null,
        }
      : null;
  const cart = <CartSummary t={t} lines={lines} total={money(order.totalMinor)} vat={vat} shipping={shippingLine} />;
  const shell = (children: React.ReactNode) => (
    <CheckoutShell locale={locale} t={t} storeName={order.store.name} storeId={order.storeId} orderNumber={order.number} languageHref={(lang) => checkoutPath({ orderId: order.id, token, lang })}>
      {children}
    </CheckoutShell>
  );

  const review = order.status === "PENDING" || order.status === "EXPIRED" ? await loadTransferReview(order) : null;
  const rejected = review?.state === "rejected" ? review.rejection_reason : null;

  switch (order.status) {
    case "PAID": {
      // After payment the link is the order's status page: timeline, delivery, address and tracking.
      const status = await getOrderStatusView(order.id);
      const when = (at: string | Date | null) => (at ? formatDayTime(new Date(at), order.store.timezone, fmt) : null);
      return shell(<><SuccessPanel t={t} orderNumber={order.number} /><OrderStatus t={td} view={status} when={when} />{cart}</>);
    }
    case "REFUND_NEEDED":
      return shell(<><Panel tone="error" title={t.refundTitle} testId="checkout-refund-needed"><p>{format(t.refundBody, { amount: money(order.totalMinor) })}</p></Panel>{cart}</>);
    case "REFUNDED":
      return shell(<><Panel tone="info" title={t.refundedTitle} testId="checkout-refunded"><p>{t.refundedBody}</p></Panel>{cart}</>);
    case "CANCELLED":
      return shell(<><Panel tone="warning" title={t.cancelledTitle} testId="checkout-cancelled"><p>{t.cancelledBody}</p></Panel>{cart}</>);
    case "EXPIRED":
      // A receipt that arrived too late to hold the items is still with the store: no "reserve again" beside it.
      if (review?.state === "pending") return shell(<><TransferReviewExpiredPanel t={t} />{cart}</>);
      return shell(
        <>
          {rejected && <TransferRejectedPanel t={t} reason={rejected} until={null} />}
          <ExpiredPanel t={t} orderId={order.id} token={token} lang={locale} soldOut={await soldOutItems(order)} />
          {cart}
        </>,
      );
    case "PENDING":
      // A high-risk buyer's order the store approves first: nothing to pay yet (the link comes on approval).
      if (order.riskMode === "approval" && !order.approvedAt) {
        return shell(<><Panel tone="info" title={t.awaitingApprovalTitle} testId="checkout-awaiting-approval"><p>{format(t.awaitingApprovalBody, { store: order.store.name })}</p></Panel>{cart}</>);
      }
      break;
  }

  const { methods, unavailable } = await listCheckoutMethods({ storeId: order.storeId, currency: order.currency, runtime: paymentRuntimeFromEnv() });
  const until = formatClockTime(order.expiresAt, order.store.timezone, fmt);
  const transfer = methods.find((m) => m.provider === "transfer")?.transfer;
  const receipt = one(sp.receipt);
  const transferDetails = (upload: "ok" | "rejected" | null) =>
    transfer && (
      <TransferDetails t={t} details={transfer} amount={money(order.totalMinor)} reference={format(t.orderRef, { number: order.number })} orderId={order.id} token={token} lang={locale} receipt={upload} />
    );

  if (review?.state === "pending") {
    // The store is checking the receipt: the items are held (for days, hence the date), no other payment is offered.
    const heldUntil = formatDayTime(order.expiresAt, order.store.timezone, fmt);
    return shell(
      <>
        <TransferReviewPanel t={t} heldUntil={heldUntil} />
        {cart}
        {transfer && (
          <details open={receipt === "rejected" || undefined} className="rounded-lg border border-border p-3 [&_section]:border-0 [&_section]:p-0">
            <summary className="cursor-pointer text-sm font-medium">{t.reviewReplace}</summary>
            <div className="mt-3">{transferDetails(receipt === "rejected" ? "rejected" : null)}</div>
          </details>
        )}
      </>,
    );
  }
  const result = one(sp.result);
  const error = one(sp.error);
  const failedMethod = one(sp.method);
  return shell(
    <>
      {rejected && <TransferRejectedPanel t={t} reason={rejected} until={until} />}
      {result === "processing" && <ProcessingPanel t={t} />}
      {result === "failed" && <FailurePanel t={t} until={until} />}
      {result === "cancelled" && <Panel tone="info" title={t.cancelledByBuyer} role="status" />}
      {(error === "unavailable" || error === "start_failed") && isProviderId(failedMethod) && (
        <Panel tone="error" title={format(t.payFailedToStart, { method: t.methods[failedMethod] })} role="alert" testId="checkout-method-error" />
      )}
      {order.riskMode === "pay_first" && <Panel tone="warning" title={t.payFirstNote} testId="checkout-pay-first" />}
      <section aria-labelledby="timer-heading" className="flex items-center justify-between gap-3 rounded-lg border border-primary/40 bg-primary/10 p-4">
        <div className="flex flex-col">
          <h2 id="timer-heading" className="text-sm font-medium">{t.reservedFor}</h2>
          <p className="text-sm text-muted-foreground">{format(t.reservedUntil, { time: until })}</p>
        </div>
        <Countdown expiresAt={order.expiresAt.toISOString()} timeUpLabel={t.timeUp} />
      </section>
      {cart}
      {delivery.requires_details && (
        <DeliveryDetails
          orderId={order.id}
          token={token}
          t={td}
          fmt={fmt}
          currency={order.currency}
          country={order.store.country}
          shape={addressShapeOf(order.store.country)}
          regions={regionsOf(order.store.country)}
          phoneExample={phoneExampleFor(order.store.country)}
          methods={delivery.delivery_methods}
          initial={delivery.details ?? delivery.prefill}
          fromEarlierOrder={!delivery.details}
          totals={{ subtotal_minor: delivery.subtotal_minor, shipping_minor: delivery.shipping_minor, total_minor: delivery.total_minor, shipping_covered_by: delivery.shipping_covered_by, saved: Boolean(delivery.details) }}
        />
      )}
      {error === "details" && <Panel tone="warning" title={td.detailsNeeded} role="alert" testId="checkout-details-needed" />}
      {delivery.requires_details && !delivery.details ? (
        <p className="rounded-md border border-dashed border-border p-3 text-sm text-muted-foreground" data-testid="pay-after-details">{td.detailsNeeded}</p>
      ) : (
        <>
          <PaymentMethods t={t} orderId={order.id} token={token} lang={locale} methods={methods} unavailable={unavailable} emailError={error === "email"} />
          {transferDetails(receipt === "rejected" ? "rejected" : null)}
        </>
      )}
    </>,
  );
}
