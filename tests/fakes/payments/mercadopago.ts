import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { fromUnits, toUnits } from "./decimal";
import { deliver, header, json, matchPath, redirect, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-server";

// A local stand-in for Mercado Pago's Checkout Pro API: preferences, payments, payment search,
// refunds, and webhook notifications signed with the documented x-signature manifest.

const ZERO_DECIMAL = new Set(["CLP", "COP"]);
const MP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?([+-]\d{2}:\d{2}|Z)$/;

type Item = { id?: string; title: string; quantity: number; unit_price: number; currency_id: string };
type Preference = {
  id: string;
  items: Item[];
  externalReference: string | null;
  notificationUrl: string | null;
  backUrls: { success?: string; pending?: string; failure?: string };
  expires: boolean;
  expirationDateTo: string | null;
  body: Record<string, unknown>;
};
type Payment = {
  id: number;
  status: string;
  statusDetail: string;
  amountUnits: bigint;
  currency: string;
  externalReference: string | null;
  preferenceId: string;
  refundedUnits: bigint;
  dateCreated: string;
  dateApproved: string | null;
  refunds: { id: number; amount: number; status: string }[];
};

export type FakeMercadoPagoOptions = {
  accessToken?: string;
  webhookSecret?: string;
  /** The browser checkout page also sends the payment notification to the preference's notification_url. */
  autoNotify?: boolean;
};

export type MercadoPagoNotification = { url: string; headers: Record<string, string>; body: string };

export type FakeMercadoPago = FakeServer & {
  accessToken: string;
  webhookSecret: string;
  /** The buyer pays the preference; returns the new payment id. `amount` (major units) / `currency` tamper with the charge. */
  approve(preferenceId: string, opts?: { amount?: string | number; currency?: string; status?: "approved" | "pending" | "in_process" | "rejected" }): string;
  setPaymentStatus(paymentId: string, status: string): void;
  payment(paymentId: string): Record<string, unknown>;
  preference(preferenceId: string): Record<string, unknown>;
  /** A payment notification as MP would deliver it (query data.id & type, x-signature, x-request-id). */
  notification(paymentId: string, opts?: { secret?: string; requestId?: string | null; ts?: string; action?: string; targetUrl?: string }): MercadoPagoNotification;
  sendWebhook(paymentId: string, opts?: { secret?: string; targetUrl?: string }): Promise<{ status: number; body: string }>;
  /** Subscriptions (preapproval): the resource as GET /preapproval/{id} shows it. */
  preapproval(id: string): Record<string, unknown>;
  /** Every preapproval created, in order. */
  preapprovals(): Record<string, unknown>[];
  /** Mercado Pago debits the subscription (its current transaction_amount); returns the authorized payment id. */
  debit(preapprovalId: string, opts?: { status?: "approved" | "rejected" }): string;
  /** A subscription notification (topic subscription_preapproval or subscription_authorized_payment), signed like a payment's. */
  subscriptionNotification(topic: "subscription_preapproval" | "subscription_authorized_payment", id: string, opts: { targetUrl: string; secret?: string; requestId?: string | null; ts?: string }): MercadoPagoNotification;
};

type Preapproval = {
  id: string; status: string; reason: string; payerEmail: string; backUrl: string; externalReference: string | null;
  frequency: number; frequencyType: string; amount: number; currency: string; dateCreated: string; lastModified: string;
};
type AuthorizedPayment = { id: number; preapprovalId: string; status: string; amount: number; currency: string; paymentId: number; paymentStatus: string; dateCreated: string };

export async function startFakeMercadoPago(options: FakeMercadoPagoOptions = {}): Promise<FakeMercadoPago> {
  const accessToken = options.accessToken ?? `TEST-${randomBytes(8).toString("hex")}-fake`;
  const webhookSecret = options.webhookSecret ?? "fake-mp-webhook-secret";
  const collectorId = 202809963;
  const preferences = new Map<string, Preference>();
  const payments = new Map<number, Payment>();
  const idempotent = new Map<string, FakeResponse>();
  let nextPaymentId = 1_318_000_001;
  let nextRefundId = 2_000_000_001;
  let nextNotificationId = 114_000_000_001;
  const preapprovals = new Map<string, Preapproval>();
  const authorizedPayments = new Map<number, AuthorizedPayment>();
  let nextAuthorizedPaymentId = 6_114_000_001;
  let base = "";

  const digitsOf = (currency: string) => (ZERO_DECIMAL.has(currency) ? 0 : 2);

  const paymentView = (p: Payment) => ({
    id: p.id,
    date_created: p.dateCreated,
    date_approved: p.dateApproved,
    date_last_updated: new Date().toISOString(),
    operation_type: "regular_payment",
    payment_method_id: "master",
    payment_type_id: "credit_card",
    status: p.status,
    status_detail: p.statusDetail,
    currency_id: p.currency,
    description: preferences.get(p.preferenceId)?.items[0]?.title ?? null,
    collector_id: collectorId,
    external_reference: p.externalReference,
    transaction_amount: Number(fromUnits(p.amountUnits, digitsOf(p.currency))),
    transaction_amount_refunded: Number(fromUnits(p.refundedUnits, digitsOf(p.currency))),
    refunds: p.refunds,
    live_mode: false,
  });

  const preferenceView = (pr: Preference) => ({
    ...pr.body,
    id: pr.id,
    collector_id: collectorId,
    client_id: "fake-client",
    date_created: new Date().toISOString(),
    init_point: `${base}/checkout/v1/redirect?pref_id=${pr.id}`,
    sandbox_init_point: `${base}/checkout/v1/redirect?pref_id=${pr.id}&sandbox=1`,
  });

  const approve: FakeMercadoPago["approve"] = (preferenceId, opts = {}) => {
    const pr = preferences.get(preferenceId);
    if (!pr) throw new Error(`fake Mercado Pago: no preference ${preferenceId}`);
    const currency = opts.currency ?? pr.items[0]!.currency_id;
    const digits = digitsOf(currency);
    const amountUnits =
      opts.amount !== undefined
        ? toUnits(opts.amount, digits) ?? (() => { throw new Error(`fake Mercado Pago: bad amount ${opts.amount}`); })()
        : pr.items.reduce((acc, i) => acc + toUnits(i.unit_price, digits)! * BigInt(i.quantity), 0n);
    const status = opts.status ?? "approved";
    const now = new Date().toISOString();
    const p: Payment = {
      id: nextPaymentId++,
      status,
      statusDetail: status === "approved" ? "accredited" : status === "rejected" ? "cc_rejected_other_reason" : "pending_contingency",
      amountUnits,
      currency,
      externalReference: pr.externalReference,
      preferenceId,
      refundedUnits: 0n,
      dateCreated: now,
      dateApproved: status === "approved" ? now : null,
      refunds: [],
    };
    payments.set(p.id, p);
    return String(p.id);
  };

  const notification: FakeMercadoPago["notification"] = (paymentId, opts = {}) => {
    const p = payments.get(Number(paymentId));
    if (!p) throw new Error(`fake Mercado Pago: no payment ${paymentId}`);
    const target = opts.targetUrl ?? preferences.get(p.preferenceId)?.notificationUrl;
    if (!target) throw new Error("fake Mercado Pago: the preference has no notification_url and no targetUrl was given");
    const url = new URL(target);
    url.searchParams.set("data.id", String(p.id));
    url.searchParams.set("type", "payment");
    const ts = opts.ts ?? String(Date.now());
    const requestId = opts.requestId === undefined ? randomUUID() : opts.requestId;
    // Documented manifest: id:[data.id_url];request-id:[x-request-id_header];ts:[ts_header]; with absent parts left out.
    const manifest = `id:${String(p.id).toLowerCase()};${requestId ? `request-id:${requestId};` : ""}ts:${ts};`;
    const v1 = createHmac("sha256", opts.secret ?? webhookSecret).update(manifest).digest("hex");
    const body = JSON.stringify({
      id: nextNotificationId++,
      live_mode: false,
      type: "payment",
      date_created: new Date().toISOString(),
      user_id: collectorId,
      api_version: "v1",
      action: opts.action ?? "payment.updated",
      data: { id: String(p.id) },
    });
    return {
      url: url.toString(),
      body,
      headers: { "content-type": "application/json", "x-signature": `ts=${ts},v1=${v1}`, ...(requestId ? { "x-request-id": requestId } : {}) },
    };
  };

  const handle = async (req: FakeRequest): Promise<FakeResponse> => {
    if (req.method === "GET" && req.path === "/checkout/v1/redirect") return buyerPays(req);
    if (req.method === "GET" && req.path === "/subscriptions/checkout") return payerAuthorizes(req);
    if (header(req, "authorization") !== `Bearer ${accessToken}`) {
      return json(401, { message: "invalid access token", error: "unauthorized", status: 401, cause: [] });
    }
    let m: Record<string, string> | null;
    if (req.method === "POST" && req.path === "/checkout/preferences") return createPreference(req);
    if (req.method === "GET" && (m = matchPath("/checkout/preferences/:id", req.path))) {
      const pr = preferences.get(m.id!);
      return pr ? json(200, preferenceView(pr)) : json(404, { message: "preference not found", error: "not_found", status: 404, cause: [] });
    }
    if (req.method === "GET" && req.path === "/v1/payments/search") return searchPayments(req);
    if (req.method === "GET" && (m = matchPath("/v1/payments/:id", req.path))) {
      const p = payments.get(Number(m.id));
      return p ? json(200, paymentView(p)) : json(404, { message: "Payment not found", error: "not_found", status: 404, cause: [{ code: 2000, description: "Payment not found" }] });
    }
    if (req.method === "POST" && (m = matchPath("/v1/payments/:id/refunds", req.path))) return refund(Number(m.id), req);
    if (req.method === "POST" && req.path === "/preapproval") return createPreapproval(req);
    if ((req.method === "GET" || req.method === "PUT") && (m = matchPath("/preapproval/:id", req.path))) {
      const pa = preapprovals.get(m.id!);
      if (!pa) return json(404, { message: "The preapproval was not found", error: "not_found", status: 404, cause: [] });
      return req.method === "GET" ? json(200, preapprovalView(pa)) : updatePreapproval(pa, req);
    }
    if (req.method === "GET" && (m = matchPath("/authorized_payments/:id", req.path))) {
      const ap = authorizedPayments.get(Number(m.id));
      return ap ? json(200, authorizedPaymentView(ap)) : json(404, { message: "authorized payment not found", error: "not_found", status: 404, cause: [] });
    }
    return json(404, { message: "resource not found", error: "not_found", status: 404, cause: [] });
  };

  // Subscriptions without an associated plan (POST /preapproval with status "pending"): the payer
  // authorizes at init_point, after which Mercado Pago debits transaction_amount every period.
  const preapprovalView = (pa: Preapproval) => ({
    id: pa.id,
    payer_id: 1_234_567,
    payer_email: pa.payerEmail,
    back_url: pa.backUrl,
    collector_id: collectorId,
    application_id: 8_000_000_001,
    status: pa.status,
    reason: pa.reason,
    external_reference: pa.externalReference,
    date_created: pa.dateCreated,
    last_modified: pa.lastModified,
    init_point: `${base}/subscriptions/checkout?preapproval_id=${pa.id}`,
    auto_recurring: { frequency: pa.frequency, frequency_type: pa.frequencyType, transaction_amount: pa.amount, currency_id: pa.currency },
    payment_method_id: pa.status === "authorized" ? "account_money" : null,
  });

  const authorizedPaymentView = (ap: AuthorizedPayment) => ({
    id: ap.id,
    preapproval_id: ap.preapprovalId,
    type: "scheduled",
    status: ap.status,
    date_created: ap.dateCreated,
    last_modified: ap.dateCreated,
    transaction_amount: ap.amount,
    currency_id: ap.currency,
    reason: preapprovals.get(ap.preapprovalId)?.reason ?? null,
    external_reference: preapprovals.get(ap.preapprovalId)?.externalReference ?? null,
    payment: { id: ap.paymentId, status: ap.paymentStatus, status_detail: ap.paymentStatus === "approved" ? "accredited" : "cc_rejected_insufficient_amount" },
    retry_attempt: ap.status === "recycling" ? 1 : 0,
  });

  const createPreapproval = (req: FakeRequest): FakeResponse => {
    const b = req.json as Record<string, unknown> | null;
    if (!b || typeof b !== "object") return badRequest("invalid_body", "body must be a JSON object");
    if (typeof b.reason !== "string" || !b.reason) return badRequest("invalid_reason", "reason is required");
    if (typeof b.payer_email !== "string" || !b.payer_email.includes("@")) return badRequest("invalid_payer_email", "payer_email is required");
    if (typeof b.back_url !== "string" || !isUrl(b.back_url)) return badRequest("invalid_back_url", "back_url is invalid");
    const ar = b.auto_recurring as { frequency?: unknown; frequency_type?: unknown; transaction_amount?: unknown; currency_id?: unknown } | undefined;
    if (!ar || !Number.isInteger(ar.frequency) || (ar.frequency as number) < 1) return badRequest("invalid_auto_recurring", "auto_recurring.frequency is required");
    if (ar.frequency_type !== "months" && ar.frequency_type !== "days") return badRequest("invalid_auto_recurring", "auto_recurring.frequency_type must be months or days");
    if (typeof ar.currency_id !== "string" || !/^[A-Z]{3}$/.test(ar.currency_id)) return badRequest("invalid_auto_recurring", "auto_recurring.currency_id is invalid");
    if (typeof ar.transaction_amount !== "number" || !(ar.transaction_amount > 0) || toUnits(ar.transaction_amount, digitsOf(ar.currency_id)) === null) return badRequest("invalid_auto_recurring", "auto_recurring.transaction_amount is invalid");
    if (b.status !== undefined && b.status !== "pending") return badRequest("invalid_status", "without card_token_id the status must be pending");
    const now = new Date().toISOString();
    const pa: Preapproval = {
      id: randomBytes(16).toString("hex"), status: "pending", reason: b.reason, payerEmail: b.payer_email, backUrl: b.back_url,
      externalReference: typeof b.external_reference === "string" ? b.external_reference : null, frequency: ar.frequency as number, frequencyType: ar.frequency_type,
      amount: ar.transaction_amount, currency: ar.currency_id, dateCreated: now, lastModified: now,
    };
    preapprovals.set(pa.id, pa);
    return json(201, preapprovalView(pa));
  };

  const updatePreapproval = (pa: Preapproval, req: FakeRequest): FakeResponse => {
    const b = (req.json ?? {}) as { status?: unknown; auto_recurring?: { transaction_amount?: unknown } };
    if (b.status !== undefined) {
      if (b.status !== "cancelled" && b.status !== "paused" && b.status !== "authorized") return badRequest("invalid_status", "status is invalid");
      if (pa.status === "cancelled") return badRequest("invalid_status", "a cancelled preapproval cannot be modified");
      pa.status = b.status;
    }
    if (b.auto_recurring?.transaction_amount !== undefined) {
      const a = b.auto_recurring.transaction_amount;
      if (typeof a !== "number" || !(a > 0) || toUnits(a, digitsOf(pa.currency)) === null) return badRequest("invalid_auto_recurring", "auto_recurring.transaction_amount is invalid");
      pa.amount = a;
    }
    pa.lastModified = new Date().toISOString();
    return json(200, preapprovalView(pa));
  };

  const payerAuthorizes = (req: FakeRequest): FakeResponse => {
    const pa = preapprovals.get(req.query.get("preapproval_id") ?? "");
    if (!pa) return { status: 404, body: "<h1>Unknown subscription</h1>" };
    if (pa.status === "pending") pa.status = "authorized";
    const back = new URL(pa.backUrl);
    back.searchParams.set("preapproval_id", pa.id);
    return redirect(back.toString());
  };

  const debit: FakeMercadoPago["debit"] = (preapprovalId, opts = {}) => {
    const pa = preapprovals.get(preapprovalId);
    if (!pa) throw new Error(`fake Mercado Pago: no preapproval ${preapprovalId}`);
    if (pa.status !== "authorized") throw new Error(`fake Mercado Pago: preapproval ${preapprovalId} is ${pa.status}`);
    const paymentStatus = opts.status ?? "approved";
    const ap: AuthorizedPayment = {
      id: nextAuthorizedPaymentId++, preapprovalId, status: paymentStatus === "approved" ? "processed" : "recycling", amount: pa.amount, currency: pa.currency,
      paymentId: nextPaymentId++, paymentStatus, dateCreated: new Date().toISOString(),
    };
    authorizedPayments.set(ap.id, ap);
    return String(ap.id);
  };

  const subscriptionNotification: FakeMercadoPago["subscriptionNotification"] = (topic, id, opts) => {
    const url = new URL(opts.targetUrl);
    url.searchParams.set("data.id", id);
    url.searchParams.set("type", topic);
    const ts = opts.ts ?? String(Date.now());
    const requestId = opts.requestId === undefined ? randomUUID() : opts.requestId;
    const manifest = `id:${id.toLowerCase()};${requestId ? `request-id:${requestId};` : ""}ts:${ts};`;
    const v1 = createHmac("sha256", opts.secret ?? webhookSecret).update(manifest).digest("hex");
    const body = JSON.stringify({ id: nextNotificationId++, live_mode: false, type: topic, date_created: new Date().toISOString(), user_id: collectorId, api_version: "v1", action: "updated", data: { id } });
    return { url: url.toString(), body, headers: { "content-type": "application/json", "x-signature": `ts=${ts},v1=${v1}`, ...(requestId ? { "x-request-id": requestId } : {}) } };
  };

  const createPreference = (req: FakeRequest): FakeResponse => {
    if (!String(header(req, "content-type") ?? "").startsWith("application/json")) return badRequest("invalid_content_type", "content-type must be application/json");
    const body = req.json as Record<string, unknown> | null;
    if (!body || typeof body !== "object") return badRequest("invalid_body", "body must be a JSON object");
    const items = body.items;
    if (!Array.isArray(items) || items.length === 0) return badRequest("invalid_items", "items needed");
    for (const [i, raw] of items.entries()) {
      const it = raw as Partial<Item>;
      if (typeof it.title !== "string" || !it.title) return badRequest("invalid_items", `items[${i}].title is required`);
      if (!Number.isInteger(it.quantity) || (it.quantity as number) < 1) return badRequest("invalid_items", `items[${i}].quantity must be a positive integer`);
      if (typeof it.unit_price !== "number" || !(it.unit_price > 0)) return badRequest("invalid_items", `items[${i}].unit_price must be a positive number`);
      if (typeof it.currency_id !== "string" || !/^[A-Z]{3}$/.test(it.currency_id)) return badRequest("invalid_items", `items[${i}].currency_id is invalid`);
      if (toUnits(it.unit_price, digitsOf(it.currency_id)) === null) {
        return badRequest("invalid_unit_price", `items[${i}].unit_price has more decimals than ${it.currency_id} allows`);
      }
      if (it.currency_id !== (items[0] as Item).currency_id) return badRequest("invalid_items", "all items must share currency_id");
    }
    const backUrls = (body.back_urls ?? {}) as Preference["backUrls"];
    for (const [k, v] of Object.entries(backUrls)) if (typeof v !== "string" || !isUrl(v)) return badRequest("invalid_back_urls", `back_urls.${k} is invalid`);
    if (body.auto_return !== undefined) {
      if (body.auto_return !== "approved" && body.auto_return !== "all") return badRequest("invalid_auto_return", "auto_return invalid");
      if (!backUrls.success) return badRequest("invalid_auto_return", "auto_return invalid. back_url.success must be defined");
    }
    if (body.notification_url !== undefined && (typeof body.notification_url !== "string" || !isUrl(body.notification_url))) {
      return badRequest("invalid_notification_url", "notification_url attribute must be url valid");
    }
    if (body.external_reference !== undefined && (typeof body.external_reference !== "string" || body.external_reference.length > 256)) {
      return badRequest("invalid_external_reference", "external_reference must be a string up to 256 characters");
    }
    for (const f of ["expiration_date_from", "expiration_date_to"] as const) {
      if (body[f] !== undefined && (typeof body[f] !== "string" || !MP_DATE.test(body[f]))) return badRequest("invalid_expiration_date", `${f} invalid format`);
    }
    if (body.expires !== undefined && typeof body.expires !== "boolean") return badRequest("invalid_expires", "expires must be boolean");
    if (body.expires === true && body.expiration_date_to === undefined) return badRequest("invalid_expiration_date", "expiration_date_to is required when expires is true");

    const key = header(req, "x-idempotency-key");
    if (key && idempotent.has(key)) return idempotent.get(key)!;
    const pr: Preference = {
      id: `${collectorId}-${randomUUID()}`,
      items: items as Item[],
      externalReference: (body.external_reference as string | undefined) ?? null,
      notificationUrl: (body.notification_url as string | undefined) ?? null,
      backUrls,
      expires: body.expires === true,
      expirationDateTo: (body.expiration_date_to as string | undefined) ?? null,
      body,
    };
    preferences.set(pr.id, pr);
    const out = json(201, preferenceView(pr));
    if (key) idempotent.set(key, out);
    return out;
  };

  const searchPayments = (req: FakeRequest): FakeResponse => {
    const ref = req.query.get("external_reference");
    const results = [...payments.values()].filter((p) => ref === null || p.externalReference === ref).sort((a, b) => b.id - a.id);
    return json(200, { paging: { total: results.length, limit: 30, offset: 0 }, results: results.map(paymentView) });
  };

  const refund = (id: number, req: FakeRequest): FakeResponse => {
    const key = header(req, "x-idempotency-key");
    if (!key) return badRequest("missing_idempotency_key", "X-Idempotency-Key header is required");
    const seen = idempotent.get(key);
    if (seen) return seen;
    const p = payments.get(id);
    if (!p) return json(404, { message: "Payment not found", error: "not_found", status: 404, cause: [] });
    if (p.status !== "approved") return badRequest("invalid_status", `Payment status ${p.status} cannot be refunded`);
    const digits = digitsOf(p.currency);
    const body = (req.json ?? {}) as { amount?: unknown };
    let units = p.amountUnits - p.refundedUnits;
    if (body.amount !== undefined) {
      const u = typeof body.amount === "number" ? toUnits(body.amount, digits) : null;
      if (u === null || u <= 0n) return badRequest("invalid_amount", "amount is invalid");
      if (u > units) return badRequest("amount_exceeded", "The amount to refund exceeds the refundable amount");
      units = u;
    }
    p.refundedUnits += units;
    if (p.refundedUnits === p.amountUnits) {
      p.status = "refunded";
      p.statusDetail = "refunded";
    }
    const r = { id: nextRefundId++, amount: Number(fromUnits(units, digits)), status: "approved" };
    p.refunds.push(r);
    const out = json(201, { ...r, payment_id: p.id, source: { id: String(collectorId), type: "collector" }, date_created: new Date().toISOString(), unique_sequence_number: null, refund_mode: "standard" });
    idempotent.set(key, out);
    return out;
  };

  // The checkout page the buyer sees: here it pays at once and returns to back_urls.success.
  const buyerPays = async (req: FakeRequest): Promise<FakeResponse> => {
    const pr = preferences.get(req.query.get("pref_id") ?? "");
    if (!pr) return { status: 404, body: "<h1>Unknown preference</h1>" };
    if (pr.expires && pr.expirationDateTo && Date.parse(pr.expirationDateTo) < Date.now()) return { status: 410, body: "<h1>This link has expired</h1>" };
    const paymentId = approve(pr.id);
    if (options.autoNotify && pr.notificationUrl) {
      const n = notification(paymentId);
      await deliver(n).catch(() => undefined);
    }
    const back = pr.backUrls.success;
    if (!back) return { status: 200, body: "<h1>Paid</h1>" };
    const url = new URL(back);
    url.searchParams.set("collection_id", paymentId);
    url.searchParams.set("collection_status", "approved");
    url.searchParams.set("payment_id", paymentId);
    url.searchParams.set("status", "approved");
    url.searchParams.set("external_reference", pr.externalReference ?? "null");
    url.searchParams.set("preference_id", pr.id);
    return redirect(url.toString());
  };

  const server = await startFakeServer(handle, { message: "internal_error", error: "internal_error", status: 500, cause: [] });
  base = server.url;

  return Object.assign(server, {
    accessToken,
    webhookSecret,
    approve,
    setPaymentStatus(paymentId: string, status: string) {
      const p = payments.get(Number(paymentId));
      if (!p) throw new Error(`fake Mercado Pago: no payment ${paymentId}`);
      p.status = status;
      if (status === "approved") p.dateApproved = new Date().toISOString();
    },
    payment(paymentId: string) {
      const p = payments.get(Number(paymentId));
      if (!p) throw new Error(`fake Mercado Pago: no payment ${paymentId}`);
      return paymentView(p);
    },
    preference(preferenceId: string) {
      const pr = preferences.get(preferenceId);
      if (!pr) throw new Error(`fake Mercado Pago: no preference ${preferenceId}`);
      return preferenceView(pr);
    },
    notification,
    preapproval(id: string) {
      const pa = preapprovals.get(id);
      if (!pa) throw new Error(`fake Mercado Pago: no preapproval ${id}`);
      return preapprovalView(pa);
    },
    preapprovals: () => [...preapprovals.values()].map(preapprovalView),
    debit,
    subscriptionNotification,
    sendWebhook(paymentId: string, opts: { secret?: string; targetUrl?: string } = {}) {
      return deliver(notification(paymentId, opts));
    },
  });
}

function badRequest(error: string, message: string): FakeResponse {
  return json(400, { message, error, status: 400, cause: [{ code: error, description: message }] });
}

function isUrl(v: string) {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
