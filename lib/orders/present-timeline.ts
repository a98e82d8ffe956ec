import { format, isRtlText } from "@/lib/i18n";
import type { TimelineMessages } from "@/lib/i18n/order-timeline";
import { orderDateTime, orderTime } from "./order-dates";
import type { TimelineEntry } from "./order-schemas";

export type TimelineTone = "default" | "success" | "warning" | "danger";

/** One line of the order's story as the seller reads it: no ids, no ISO dates, no event names. */
export type TimelineItem = {
  key: string;
  /** ISO, for <time dateTime>; never shown. */
  at: string;
  when: string;
  title: string;
  detail: string | null;
  quote: string | null;
  tone: TimelineTone;
};

export type TimelineContext = {
  locale: string;
  timeZone: string;
  /** Formats money (the store's locale: "$31.980" in Chile). */
  storeLocale: string;
  currency: string;
  totalMinor: number;
  t: TimelineMessages;
  intents: Record<string, string>;
  providers: Record<string, string>;
  items: { sku: string; name: string }[];
};

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function moneyFormat(storeLocale: string) {
  return (minor: number, currency: string) => {
    try {
      const f = new Intl.NumberFormat(storeLocale, { style: "currency", currency });
      return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
    } catch {
      return `${minor} ${currency}`;
    }
  };
}

/**
 * The machine-readable timeline of GET /api/v1/orders/{id} as sentences in the seller's language, in
 * the store's time zone. Provider notifications and payment rows are left out (the audit events say
 * what they changed, and the Payments card lists the payments), and a line that repeats the one before
 * it is dropped.
 */
export function presentTimeline(entries: TimelineEntry[], ctx: TimelineContext): TimelineItem[] {
  const { t } = ctx;
  const when = orderDateTime(ctx.locale, ctx.timeZone);
  const timeOnly = orderTime(ctx.locale, ctx.timeZone);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: ctx.timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const money = moneyFormat(ctx.storeLocale);
  const productNames = new Map(ctx.items.map((i) => [i.sku.toUpperCase(), i.name]));
  const product = (d: Data) => str(d.name) ?? productNames.get(String(d.sku ?? "").toUpperCase()) ?? str(d.sku) ?? "—";
  const method = (provider: unknown) => ctx.providers[String(provider)] ?? String(provider ?? "");
  const actor = (d: Data) => {
    switch (d.actor_type) {
      case "user":
        return str(d.actor_name) ? say(t.byUser, { name: d.actor_name as string }) : t.byTeam;
      case "buyer":
        return t.byBuyer;
      default:
        return null;
    }
  };
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(" · ") || null;
  // Names, amounts and times typed in another script keep their own direction inside the sentence
  // (first-strong isolates): "حُجز ⁨2 × Polera roja M⁩ حتى ⁨14:33⁩" reads right in Arabic.
  // format() already isolates the values of a right-to-left template; left-to-right ones are isolated here.
  const say = (template: string, vars: Record<string, string | number>) =>
    isRtlText(template) ? format(template, vars) : format(template, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, `\u2068${v}\u2069`])));
  const items = (d: Data) => `${num(d.quantity) ?? 1} × ${product(d)}`;
  // The buyer's risk shortened the hold (lib/orders/reserve/read-context.ts): the seller sees why.
  const shortHold = (a: Data) => {
    const h = (a.riskHold ?? null) as Data | null;
    if (h) return say(t.shortHold, { minutes: Math.max(1, Math.round((num(h.seconds) ?? 0) / 60)), risk: num(h.risk) ?? 0, threshold: num(h.threshold) ?? 0 });
    // Pay-first or the seller's approval instead of a held reservation (the store's high-risk treatment).
    const m = (a.riskMode ?? null) as Data | null;
    if (!m) return null;
    return say(m.mode === "approval" ? t.riskApproval : t.riskPayFirst, { risk: num(m.risk) ?? 0, threshold: num(m.threshold) ?? 0 });
  };
  const risky = (a: Data) => Boolean(a.riskHold || a.riskMode);

  function describe(e: TimelineEntry): Omit<TimelineItem, "key" | "at" | "when"> | null {
    const d = e.data as Data;
    const line = (title: string, detail: string | null = null, tone: TimelineTone = "default", quote: string | null = null) => ({ title, detail, quote, tone });
    switch (e.type) {
      case "comment.received":
        return line(say(t.commented, { author: str(d.author) ?? t.theBuyer }), null, "default", str(d.text));
      case "ai.decision": {
        const intent = ctx.intents[String(d.intent)] ?? t.updated;
        const title = d.intent === "BUY" && d.sku ? say(t.understoodBuy, { items: items(d) }) : format(t.understood, { intent });
        const pct = num(d.confidence);
        return line(title, join(pct !== null ? format(t.sure, { pct: Math.round(pct * 100) }) : null, d.engine === "llm" ? t.byModel : null));
      }
      case "reservation.created": {
        const expires = str(d.expires_at);
        const sameDay = expires && day.format(new Date(expires)) === day.format(new Date(e.at));
        return line(say(t.reserved, { items: items(d), time: expires ? (sameDay ? timeOnly(expires) : when(expires)) : "—" }));
      }
      case "reservation.committed":
        return line(say(t.sold, { items: items(d) }), null, "success");
      case "reservation.released":
        return line(say(t.released, { items: items(d) }));
      case "seller.alert":
        return line((t.alerts as Record<string, string>)[String(d.alert)] ?? t.alerts.other, null, "warning");
      case "webhook.received":
      case "payment.created":
        return null;
    }
    if (e.type.startsWith("message.")) {
      const title = (t.messages as Record<string, string>)[String(d.purpose)] ?? t.messages.other;
      const state = d.status === "failed" ? t.messageState.failed : d.status === "pending" ? t.messageState.pending : d.status === "skipped" ? t.messageState.skipped : null;
      return line(title, state, d.status === "failed" ? "danger" : state ? "warning" : "default");
    }
    if (e.type.startsWith("audit.")) {
      const a = (d.data ?? {}) as Data;
      const by = actor(d);
      const amount = num(a.amountMinor) !== null ? money(num(a.amountMinor)!, str(a.currency) ?? ctx.currency) : null;
      switch (d.action) {
        case "order.created":
          return line(a.commentId ? t.createdFrom : t.created, join(by, shortHold(a)), risky(a) ? "warning" : "default");
        case "order.items_added": {
          const items = Array.isArray(a.items) ? (a.items as Data[]).map((i) => `${product(i)} ×${num(i.quantity) ?? 1}`).join(", ") : null;
          return line(t.itemsAdded, join(items, shortHold(a)), risky(a) ? "warning" : "default");
        }
        case "order.paid":
          return line(t.paid, join(amount ? say(t.paidWith, { amount, method: method(a.provider) }) : null, by), "success");
        case "order.paid_after_expiry":
          return line(t.paidAfterExpiry, join(amount ? say(t.paidWith, { amount, method: method(a.provider) }) : null, by), "success");
        case "order.refund_needed":
          return line(t.refundNeeded, amount ? say(t.paidWith, { amount, method: method(a.provider) }) : null, "danger");
        case "order.expired":
          return line(t.expired);
        case "order.cancelled":
          return line(t.cancelled, by);
        case "order.approved":
          return line(t.approved, by, "success");
        case "order.declined":
          return line(t.declined, by);
        case "order.shipped": {
          const tracking = [str(a.carrier), str(a.trackingNumber)].filter(Boolean).join(" ");
          return line(t.shipped, join(tracking ? say(t.tracking, { tracking }) : null, by), "success");
        }
        case "order.refunded":
          return line(t.refunded, by);
        case "order.corrected":
          return line(t.corrected, by);
        case "order.cart_edited":
          return line(say(t.cartEdited, { product: product(a), from: num(a.from) ?? 0, to: num(a.to) ?? 0 }), by);
        case "order.reserved_again":
          return line(t.reservedAgain);
        case "payment.link_created":
          return line(say(t.linkCreated, { method: method(a.provider) }), by);
        case "payment.failed":
          return line(say(t.paymentFailed, { method: method(a.provider) }), null, "danger");
        case "payment.pending":
          return line(say(t.paymentPending, { method: method(a.provider) }));
        case "payment.flagged": {
          const twice = /second payment/i.test(String(a.reason ?? ""));
          return line(t.paymentFlagged, twice ? t.flaggedTwice : amount ? say(t.flaggedAmount, { amount, total: money(ctx.totalMinor, ctx.currency) }) : null, "danger");
        }
        case "payment.refunded":
          return line(say(t.paymentRefunded, { method: method(a.provider) }), by);
        case "payment.receipt_uploaded":
          return line(t.receiptUploaded, null, "warning");
        case "payment.transfer_rejected":
          return line(t.transferRejected, by, "warning", str(a.reason));
        default:
          return line(t.updated, by);
      }
    }
    return null;
  }

  const out: TimelineItem[] = [];
  entries.forEach((e, i) => {
    const described = describe(e);
    if (!described) return;
    const previous = out[out.length - 1];
    if (previous && previous.title === described.title && previous.detail === described.detail && previous.quote === described.quote) return;
    out.push({ key: `${e.at}-${i}`, at: e.at, when: when(e.at), ...described });
  });
  return out;
}
