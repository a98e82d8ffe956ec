import { z } from "zod";

/**
 * Every event a job can be triggered by, name → schema of `data`. Both drivers validate against this
 * registry when an event is sent and again when a handler receives it, so a handler's `event.data` is
 * exactly the schema's output type. Add new events here.
 */
export const jobEvents = {
  "comment/received": z.object({
    commentId: z.string().min(1),
    storeId: z.string().min(1),
    liveId: z.string().min(1).optional(),
  }),
  "message/received": z.object({
    inboundMessageId: z.string().min(1),
    storeId: z.string().min(1),
    /** The store and a digest of the sender: one buyer's messages are handled one at a time, in the order they arrived (absent in events queued by older versions). */
    conversationKey: z.string().min(1).optional(),
  }),
  "stock/released": z.object({
    storeId: z.string().min(1),
    productIds: z.array(z.string().min(1)).min(1),
  }),
  "order/created": z.object({
    orderId: z.string().min(1),
    storeId: z.string().min(1),
  }),
  "payment/succeeded": z.object({
    orderId: z.string().min(1),
    storeId: z.string().min(1),
    // "transfer" everywhere (gateway, payments, confirm action); "bank_transfer" only in events queued by
    // older versions, read as "transfer" so no handler ever sees the old name.
    provider: z.enum(["paypal", "mercadopago", "flow", "sandbox", "transfer", "bank_transfer"]).transform((p) => (p === "bank_transfer" ? "transfer" : p)),
    transactionId: z.string().min(1),
    amount: z.number().int().nonnegative(),
    currency: z.string().length(3),
  }),
  /** Read an active live's comments back through the Graph API (a chain: each run queues the next). */
  "live/reconcile": z.object({
    liveId: z.string().min(1),
    storeId: z.string().min(1),
    round: z.number().int().nonnegative(),
  }),
  /** A shipment notice (shipped, corrected tracking, ready for pickup) that could not go out at once: retried until Meta takes it. */
  "shipment/notice": z.object({
    orderId: z.string().min(1),
    shipmentId: z.string().min(1),
    notice: z.enum(["shipped", "corrected", "pickup_ready"]),
  }),
  /** The seller reconnected a Page that Meta had disconnected (error 190): its waiting replies go out. */
  "meta/reconnected": z.object({
    storeId: z.string().min(1),
  }),
  /** A live ended: its report is emailed to the store's owners. */
  "live/ended": z.object({
    liveId: z.string().min(1),
    storeId: z.string().min(1),
  }),
  /** An email recorded in `emails` waits for delivery (lib/email). */
  "email/requested": z.object({
    emailId: z.string().min(1),
  }),
  /** The operators' alarm clock (lib/alerts): evaluate the alert conditions as of `at` and notify what changed. */
  "ops/alerts": z.object({
    at: z.string().datetime(),
  }),
  /** The billing clock (lib/billing/collect/run-billing-sweep): trials, invoices, charges due, dunning steps. `at` = the time it stands for. */
  "billing/sweep": z.object({
    at: z.string().datetime(),
  }),
  /** One collection attempt of an invoice (`attempt` = failed attempts before it); `at` = when the sweep found it due. */
  "billing/charge": z.object({
    invoiceId: z.string().min(1),
    attempt: z.number().int().nonnegative(),
    at: z.string().datetime(),
  }),
  /** Run the sweepers of stuck work once (lib/jobs/sweep-stuck.ts); Inngest also triggers it by cron. */
  "ops/sweep": z.object({}),
  /** The daily privacy retention run of one UTC day (lib/privacy/retention); its id `retention:<day>` deduplicates. */
  "privacy/retention": z.object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  /** The daily re-check of every connected Page token with Meta (debug_token); its id `meta-token-check:<day>` deduplicates. */
  "meta/token-check": z.object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  /** The operator's monthly reports (lib/admin/run-scheduled-reports); one per month by its event id. */
  "reports/monthly": z.object({
    period: z.string().regex(/^\d{4}-\d{2}$/),
  }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

type JobEvents = typeof jobEvents;
export type JobEventName = keyof JobEvents & string;
type JobEventData<N extends JobEventName> = z.output<JobEvents[N]>;

/** An event as a handler sees it: validated data plus the id used for deduplication. */
export type JobEvent<N extends JobEventName = JobEventName> = {
  [K in N]: { name: K; data: JobEventData<K>; id: string; ts: number };
}[N];

/** An event as a producer sends it. A stable `id` makes re-sending the same fact a no-op. */
export type SendableEvent = {
  [K in JobEventName]: { name: K; data: z.input<JobEvents[K]>; id?: string; ts?: number };
}[JobEventName];

export function isJobEventName(name: string): name is JobEventName {
  return Object.hasOwn(jobEvents, name);
}

/** What both drivers store or transmit: validated data, an id for deduplication, a timestamp. */
export interface PreparedEvent {
  name: JobEventName;
  data: Record<string, unknown>;
  id: string;
  ts: number;
}

/**
 * Validates events before they leave the producer, so a typo fails the request that caused it
 * instead of a job much later. Schemas must not transform (input = output, as Inngest's `eventType`
 * requires) because handlers parse the stored data again.
 */
export function prepareEvents(
  events: SendableEvent | readonly SendableEvent[],
  newId: (index: number) => string = () => crypto.randomUUID(),
): PreparedEvent[] {
  const list: readonly SendableEvent[] = Array.isArray(events) ? events : [events as SendableEvent];
  return list.map((event, index) => {
    if (!isJobEventName(event.name)) throw new TypeError(`Unknown job event "${event.name}"`);
    const parsed = jobEvents[event.name].safeParse(event.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ");
      throw new TypeError(`Invalid data for event "${event.name}": ${issues}`);
    }
    return { name: event.name, data: parsed.data, id: event.id ?? newId(index), ts: event.ts ?? Date.now() };
  });
}
