import { createSign, createVerify, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from "node:crypto";
import { crc32 } from "node:zlib";
import { decimalPlaces, fromUnits, toUnits } from "./decimal";
import { deliver, header, json, matchPath, redirect, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-server";

// A local stand-in for PayPal's REST API (OAuth2 client credentials, Orders v2, captures/refunds,
// verify-webhook-signature). It validates requests the way PayPal documents them and signs webhook
// notifications with its own RSA key, so a notification verifies only through this fake's
// verify-webhook-signature endpoint — exactly like the real thing.

const CURRENCIES = new Set([
  "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN", "TWD",
  "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD",
]);
const ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"]);
const VALUE = /^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$/;
const AUTH_ALGO = "SHA256withRSA";

type Money = { currency_code: string; value: string };
type PurchaseUnit = {
  reference_id?: string;
  custom_id?: string;
  invoice_id?: string;
  description?: string;
  amount: Money & { breakdown?: Record<string, Money> };
  items?: { name: string; quantity: string; unit_amount: Money; sku?: string }[];
};
type Capture = { id: string; orderId: string; status: string; amount: Money; refundedUnits: bigint; createTime: string; customId?: string };
type FakeOrder = {
  id: string;
  intent: string;
  status: string;
  purchaseUnits: PurchaseUnit[];
  returnUrl: string | null;
  cancelUrl: string | null;
  usesPaymentSource: boolean;
  createTime: string;
  approval: { amount?: string; currency?: string; captureStatus: string } | null;
  capture: Capture | null;
};

export type FakePaypalOptions = {
  clientId?: string;
  clientSecret?: string;
  /** The webhook id notifications are signed for (what the store saved as `webhookId`). */
  webhookId?: string;
  /** Where the browser-approval page sends CHECKOUT.ORDER.APPROVED when `autoNotify` is on. */
  webhookUrl?: string;
  autoNotify?: boolean;
};

export type SignedNotification = { headers: Record<string, string>; body: string };

export type FakePaypal = FakeServer & {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** Simulates the buyer approving the order at PayPal; `amount`/`currency` tamper with what gets captured. */
  approve(orderId: string, opts?: { amount?: string; currency?: string; captureStatus?: "COMPLETED" | "PENDING" | "DECLINED" }): void;
  /** The order as GET /v2/checkout/orders/{id} shows it. */
  order(orderId: string): Record<string, unknown>;
  /** A webhook event built from the current state (CHECKOUT.ORDER.APPROVED, PAYMENT.CAPTURE.*). */
  webhookEvent(eventType: string, orderId: string): Record<string, unknown>;
  /** Headers + body exactly as PayPal would deliver them. */
  signWebhook(event: Record<string, unknown>, opts?: { webhookId?: string }): SignedNotification;
  sendWebhook(targetUrl: string, args: { eventType: string; orderId: string; webhookId?: string }): Promise<{ status: number; body: string }>;
  /** A saved (vaulted) PayPal payment method that merchant-initiated orders can charge; "decline" refuses every charge, "pending" leaves each capture PENDING. */
  vault(vaultId: string, state: "ok" | "decline" | "pending"): void;
  /** Captures made through vaulted payment methods, in order (what a seller was charged). */
  vaultCharges(): { vaultId: string; currency: string; value: string; status: string; customId?: string; orderId?: string; captureId?: string }[];
  /** Vault v3 setup tokens (POST /v3/vault/setup-tokens) as PayPal holds them. */
  setupToken(id: string): { id: string; status: string; returnUrl: string; cancelUrl: string } | undefined;
  /** A capture changes state later (PENDING → COMPLETED or DECLINED), as after a PayPal review. */
  setCaptureStatus(captureId: string, status: string): void;
};

// One RSA key per process: generating it takes a noticeable fraction of a second.
let signingKeys: { publicKey: KeyObject; privateKey: KeyObject } | null = null;

export async function startFakePaypal(options: FakePaypalOptions = {}): Promise<FakePaypal> {
  const clientId = options.clientId ?? "fake-paypal-client";
  const clientSecret = options.clientSecret ?? "fake-paypal-secret";
  const webhookId = options.webhookId ?? "WHFAKE0001";
  signingKeys ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  const { publicKey, privateKey } = signingKeys;
  const certId = "CERT-360caa42-fca2a594-fake";
  const tokens = new Set<string>();
  const orders = new Map<string, FakeOrder>();
  const captures = new Map<string, Capture>();
  const idempotent = new Map<string, FakeResponse>();
  const vaults = new Map<string, "ok" | "decline" | "pending">();
  const charges: { vaultId: string; currency: string; value: string; status: string; customId?: string; orderId?: string; captureId?: string }[] = [];
  const setupTokens = new Map<string, { id: string; status: string; returnUrl: string; cancelUrl: string; customerId: string }>();
  let base = "";

  const certUrl = () => `${base}/v1/notifications/certs/${certId}`;

  const signWebhook = (event: Record<string, unknown>, opts: { webhookId?: string } = {}): SignedNotification => {
    const body = JSON.stringify(event);
    const transmissionId = randomUUID();
    const transmissionTime = new Date().toISOString();
    const message = `${transmissionId}|${transmissionTime}|${opts.webhookId ?? webhookId}|${crc32(body)}`;
    const sig = createSign("sha256").update(message).sign(privateKey, "base64");
    return {
      body,
      headers: {
        "content-type": "application/json",
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-time": transmissionTime,
        "paypal-transmission-sig": sig,
        "paypal-cert-url": certUrl(),
        "paypal-auth-algo": AUTH_ALGO,
      },
    };
  };

  const orderView = (o: FakeOrder): Record<string, unknown> => ({
    id: o.id,
    intent: o.intent,
    status: o.status,
    create_time: o.createTime,
    ...(o.usesPaymentSource ? { payment_source: { paypal: {} } } : {}),
    purchase_units: o.purchaseUnits.map((pu, i) => ({
      ...pu,
      ...(i === 0 && o.capture ? { payments: { captures: [captureView(o.capture)] } } : {}),
    })),
    links: links(o),
  });

  const links = (o: FakeOrder) => {
    const l = [{ href: `${base}/v2/checkout/orders/${o.id}`, rel: "self", method: "GET" }];
    if (o.status === "CREATED" || o.status === "PAYER_ACTION_REQUIRED") {
      l.push({ href: `${base}/checkoutnow?token=${o.id}`, rel: o.usesPaymentSource ? "payer-action" : "approve", method: "GET" });
    }
    if (o.status === "APPROVED") l.push({ href: `${base}/v2/checkout/orders/${o.id}/capture`, rel: "capture", method: "POST" });
    return l;
  };

  const captureView = (c: Capture) => ({
    id: c.id,
    status: c.status,
    amount: c.amount,
    final_capture: true,
    ...(c.customId ? { custom_id: c.customId } : {}),
    create_time: c.createTime,
    update_time: c.createTime,
    supplementary_data: { related_ids: { order_id: c.orderId } },
    links: [{ href: `${base}/v2/payments/captures/${c.id}`, rel: "self", method: "GET" }],
  });

  const approve: FakePaypal["approve"] = (orderId, opts = {}) => {
    const o = orders.get(orderId);
    if (!o) throw new Error(`fake PayPal: no order ${orderId}`);
    o.status = "APPROVED";
    o.approval = { amount: opts.amount, currency: opts.currency, captureStatus: opts.captureStatus ?? "COMPLETED" };
  };

  const webhookEvent: FakePaypal["webhookEvent"] = (eventType, orderId) => {
    const o = orders.get(orderId);
    if (!o) throw new Error(`fake PayPal: no order ${orderId}`);
    const isCapture = eventType.startsWith("PAYMENT.CAPTURE.");
    if (isCapture && !o.capture) throw new Error(`fake PayPal: order ${orderId} has no capture yet`);
    return {
      id: `WH-${randomBytes(8).toString("hex").toUpperCase()}`,
      event_version: "1.0",
      create_time: new Date().toISOString(),
      resource_type: isCapture ? "capture" : "checkout-order",
      resource_version: "2.0",
      event_type: eventType,
      summary: isCapture ? `Payment ${eventType.split(".").pop()!.toLowerCase()}` : "An order has been approved by buyer",
      resource: isCapture ? captureView(o.capture!) : orderView(o),
      links: [],
    };
  };

  const handle = (req: FakeRequest): FakeResponse | Promise<FakeResponse> => {
    if (req.method === "POST" && req.path === "/v1/oauth2/token") return issueToken(req);
    if (req.method === "GET" && req.path === "/checkoutnow") return buyerApproves(req);
    if (req.method === "GET" && req.path === "/agreements/approve") return payerApprovesVault(req);
    let m: Record<string, string> | null;
    if (req.method === "GET" && (m = matchPath("/v1/notifications/certs/:id", req.path))) {
      return m.id === certId ? { status: 200, body: publicKey.export({ type: "spki", format: "pem" }).toString(), headers: { "content-type": "application/x-pem-file" } } : json(404, {});
    }
    if (!authorised(req)) return json(401, { error: "invalid_token", error_description: "Token signature verification failed" });
    if (req.method === "POST" && req.path === "/v2/checkout/orders") return once(req, () => createOrder(req));
    if (req.method === "GET" && (m = matchPath("/v2/checkout/orders/:id", req.path))) {
      const o = orders.get(m.id!);
      return o ? json(200, orderView(o)) : notFound();
    }
    if (req.method === "POST" && (m = matchPath("/v2/checkout/orders/:id/capture", req.path))) {
      const id = m.id!;
      return once(req, () => captureOrder(id));
    }
    if (req.method === "POST" && (m = matchPath("/v2/payments/captures/:id/refund", req.path))) {
      const id = m.id!;
      return once(req, () => refundCapture(id, req));
    }
    if (req.method === "POST" && req.path === "/v1/notifications/verify-webhook-signature") return verifySignature(req);
    if (req.method === "GET" && (m = matchPath("/v2/payments/captures/:id", req.path))) {
      const c = captures.get(m.id!);
      return c ? json(200, captureView(c)) : notFound();
    }
    if (req.method === "POST" && req.path === "/v3/vault/setup-tokens") return once(req, () => createSetupToken(req));
    if (req.method === "GET" && (m = matchPath("/v3/vault/setup-tokens/:id", req.path))) {
      const t = setupTokens.get(m.id!);
      return t ? json(200, setupTokenView(t)) : notFound();
    }
    if (req.method === "POST" && req.path === "/v3/vault/payment-tokens") return once(req, () => createPaymentToken(req));
    return notFound();
  };

  const issueToken = (req: FakeRequest): FakeResponse => {
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
    if (header(req, "authorization") !== expected) {
      return json(401, { error: "invalid_client", error_description: "Client Authentication failed" });
    }
    if (req.form?.get("grant_type") !== "client_credentials") {
      return json(400, { error: "unsupported_grant_type", error_description: "Grant Type is NULL" });
    }
    const token = `A21AA${randomBytes(24).toString("base64url")}`;
    tokens.add(token);
    return json(200, { scope: "https://uri.paypal.com/services/payments/payment", access_token: token, token_type: "Bearer", app_id: "APP-80W284485P519543T", expires_in: 32400, nonce: randomUUID() });
  };

  const authorised = (req: FakeRequest) => {
    const auth = header(req, "authorization") ?? "";
    return auth.startsWith("Bearer ") && tokens.has(auth.slice(7));
  };

  // PayPal-Request-Id makes POSTs idempotent: the same id replays the first answer.
  const once = (req: FakeRequest, run: () => FakeResponse): FakeResponse => {
    const rid = header(req, "paypal-request-id");
    if (!rid) return run();
    const key = `${req.path}|${rid}`;
    const seen = idempotent.get(key);
    if (seen) return { ...seen, status: seen.status === 201 ? 200 : seen.status };
    const out = run();
    if (out.status < 500) idempotent.set(key, out);
    return out;
  };

  const createOrder = (req: FakeRequest): FakeResponse => {
    if (!String(header(req, "content-type") ?? "").startsWith("application/json")) return json(415, { name: "UNSUPPORTED_MEDIA_TYPE" });
    const body = req.json as Record<string, unknown> | null;
    if (!body || typeof body !== "object") return invalidRequest("/", "MALFORMED_REQUEST_JSON");
    if (body.intent !== "CAPTURE" && body.intent !== "AUTHORIZE") return invalidRequest("/intent", body.intent === undefined ? "MISSING_REQUIRED_PARAMETER" : "INVALID_PARAMETER_VALUE");
    const units = body.purchase_units;
    if (!Array.isArray(units) || units.length < 1 || units.length > 10) return invalidRequest("/purchase_units", "MISSING_REQUIRED_PARAMETER");
    for (const [i, pu] of (units as PurchaseUnit[]).entries()) {
      const problem = checkPurchaseUnit(pu, `/purchase_units/@reference_id=='${pu?.reference_id ?? "default"}'`);
      if (problem) return problem;
      if (units.length > 1 && !pu.reference_id) return invalidRequest(`/purchase_units/${i}/reference_id`, "MISSING_REQUIRED_PARAMETER");
    }
    const ps = body.payment_source as { paypal?: { vault_id?: string; experience_context?: Record<string, unknown> } } | undefined;
    if (ps?.paypal?.vault_id !== undefined) return chargeVault(ps.paypal.vault_id, units[0] as PurchaseUnit, body.intent);
    const ctx = (ps?.paypal?.experience_context ?? (body.application_context as Record<string, unknown> | undefined)) ?? {};
    for (const field of ["return_url", "cancel_url"] as const) {
      const v = ctx[field];
      if (v !== undefined && (typeof v !== "string" || !isUrl(v))) return invalidRequest(`/payment_source/paypal/experience_context/${field}`, "INVALID_PARAMETER_SYNTAX");
    }
    const id = randomBytes(9).toString("hex").toUpperCase().slice(0, 17);
    const order: FakeOrder = {
      id,
      intent: body.intent,
      status: ps?.paypal ? "PAYER_ACTION_REQUIRED" : "CREATED",
      purchaseUnits: units as PurchaseUnit[],
      returnUrl: typeof ctx.return_url === "string" ? ctx.return_url : null,
      cancelUrl: typeof ctx.cancel_url === "string" ? ctx.cancel_url : null,
      usesPaymentSource: Boolean(ps?.paypal),
      createTime: new Date().toISOString(),
      approval: null,
      capture: null,
    };
    orders.set(id, order);
    const full = /return=representation/.test(header(req, "prefer") ?? "");
    const view = orderView(order);
    return json(201, full ? view : { id, status: order.status, ...(order.usesPaymentSource ? { payment_source: { paypal: {} } } : {}), links: view.links });
  };

  // A merchant-initiated payment with a vaulted payment method: no approval step, the answer is final.
  const chargeVault = (vaultId: string, pu: PurchaseUnit, intent: string): FakeResponse => {
    const state = vaults.get(vaultId);
    if (!state) return unprocessable("/payment_source/paypal/vault_id", "INVALID_RESOURCE_ID");
    const id = randomBytes(9).toString("hex").toUpperCase().slice(0, 17);
    const status = state === "ok" ? "COMPLETED" : state === "pending" ? "PENDING" : "DECLINED";
    if (state === "decline") {
      charges.push({ vaultId, currency: pu.amount.currency_code, value: pu.amount.value, status, customId: pu.custom_id });
      return unprocessable("", "INSTRUMENT_DECLINED");
    }
    const capture: Capture = { id: randomBytes(9).toString("hex").toUpperCase().slice(0, 17), orderId: id, status, amount: pu.amount, refundedUnits: 0n, createTime: new Date().toISOString(), customId: pu.custom_id };
    captures.set(capture.id, capture);
    charges.push({ vaultId, currency: pu.amount.currency_code, value: pu.amount.value, status, customId: pu.custom_id, orderId: id, captureId: capture.id });
    const order: FakeOrder = { id, intent, status: state === "pending" ? "PENDING" : "COMPLETED", purchaseUnits: [pu], returnUrl: null, cancelUrl: null, usesPaymentSource: true, createTime: capture.createTime, approval: null, capture };
    orders.set(id, order);
    return json(201, orderView(order));
  };

  const checkPurchaseUnit = (pu: PurchaseUnit, at: string): FakeResponse | null => {
    if (!pu || typeof pu !== "object" || !pu.amount) return invalidRequest(`${at}/amount`, "MISSING_REQUIRED_PARAMETER");
    const amountProblem = checkMoney(pu.amount, `${at}/amount`);
    if (amountProblem) return amountProblem;
    if (pu.reference_id !== undefined && (typeof pu.reference_id !== "string" || pu.reference_id.length > 256)) return invalidRequest(`${at}/reference_id`, "INVALID_STRING_LENGTH");
    if (pu.custom_id !== undefined && (typeof pu.custom_id !== "string" || pu.custom_id.length > 127)) return invalidRequest(`${at}/custom_id`, "INVALID_STRING_LENGTH");
    if (pu.description !== undefined && (typeof pu.description !== "string" || pu.description.length > 127)) return invalidRequest(`${at}/description`, "INVALID_STRING_LENGTH");
    const currency = pu.amount.currency_code;
    const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
    const breakdown = pu.amount.breakdown ?? {};
    for (const [k, m] of Object.entries(breakdown)) {
      const p = checkMoney(m, `${at}/amount/breakdown/${k}`);
      if (p) return p;
      if (m.currency_code !== currency) return unprocessable(`${at}/amount/breakdown/${k}/currency_code`, "CURRENCY_MISMATCH");
    }
    if (pu.items !== undefined) {
      if (!Array.isArray(pu.items)) return invalidRequest(`${at}/items`, "INVALID_PARAMETER_SYNTAX");
      if (!breakdown.item_total) return unprocessable(`${at}/amount/breakdown/item_total`, "ITEM_TOTAL_REQUIRED");
      let sum = 0n;
      for (const [i, item] of pu.items.entries()) {
        if (typeof item?.name !== "string" || item.name.length < 1 || item.name.length > 127) return invalidRequest(`${at}/items/${i}/name`, "INVALID_STRING_LENGTH");
        if (typeof item.quantity !== "string" || !/^[1-9][0-9]{0,9}$/.test(item.quantity)) return invalidRequest(`${at}/items/${i}/quantity`, "INVALID_PARAMETER_SYNTAX");
        const p = checkMoney(item.unit_amount, `${at}/items/${i}/unit_amount`);
        if (p) return p;
        if (item.unit_amount.currency_code !== currency) return unprocessable(`${at}/items/${i}/unit_amount/currency_code`, "CURRENCY_MISMATCH");
        sum += toUnits(item.unit_amount.value, digits)! * BigInt(item.quantity);
      }
      if (sum !== toUnits(breakdown.item_total.value, digits)) return unprocessable(`${at}/amount/breakdown/item_total`, "ITEM_TOTAL_MISMATCH");
    }
    if (pu.amount.breakdown) {
      const u = (k: string) => (breakdown[k] ? toUnits(breakdown[k]!.value, digits)! : 0n);
      const expected = u("item_total") + u("shipping") + u("handling") + u("tax_total") + u("insurance") - u("shipping_discount") - u("discount");
      if (expected !== toUnits(pu.amount.value, digits)) return unprocessable(`${at}/amount/value`, "AMOUNT_MISMATCH");
    }
    return null;
  };

  const checkMoney = (m: Money | undefined, at: string): FakeResponse | null => {
    if (!m || typeof m !== "object") return invalidRequest(at, "MISSING_REQUIRED_PARAMETER");
    if (typeof m.currency_code !== "string" || !/^[A-Z]{3}$/.test(m.currency_code)) return invalidRequest(`${at}/currency_code`, "INVALID_PARAMETER_SYNTAX");
    if (!CURRENCIES.has(m.currency_code)) return unprocessable(`${at}/currency_code`, "CURRENCY_NOT_SUPPORTED");
    if (typeof m.value !== "string" || m.value.length > 32 || !VALUE.test(m.value)) return invalidRequest(`${at}/value`, "INVALID_PARAMETER_SYNTAX");
    const allowed = ZERO_DECIMAL.has(m.currency_code) ? 0 : 2;
    if (decimalPlaces(m.value) > allowed) return unprocessable(`${at}/value`, "DECIMAL_PRECISION");
    if (m.value.startsWith("-")) return unprocessable(`${at}/value`, "CANNOT_BE_NEGATIVE");
    return null;
  };

  const captureOrder = (id: string): FakeResponse => {
    const o = orders.get(id);
    if (!o) return notFound();
    if (o.status === "COMPLETED") return unprocessable("", "ORDER_ALREADY_CAPTURED");
    if (o.status !== "APPROVED" || !o.approval) return unprocessable("", "ORDER_NOT_APPROVED");
    const pu = o.purchaseUnits[0]!;
    const currency = o.approval.currency ?? pu.amount.currency_code;
    const capture: Capture = {
      id: randomBytes(9).toString("hex").toUpperCase().slice(0, 17),
      orderId: id,
      status: o.approval.captureStatus,
      amount: { currency_code: currency, value: o.approval.amount ?? pu.amount.value },
      refundedUnits: 0n,
      createTime: new Date().toISOString(),
      customId: pu.custom_id,
    };
    captures.set(capture.id, capture);
    o.capture = capture;
    o.status = "COMPLETED";
    return json(201, orderView(o));
  };

  const refundCapture = (id: string, req: FakeRequest): FakeResponse => {
    const c = captures.get(id);
    if (!c) return notFound();
    if (c.status !== "COMPLETED" && c.status !== "PARTIALLY_REFUNDED") return unprocessable("", c.status === "REFUNDED" ? "CAPTURE_FULLY_REFUNDED" : "REFUND_NOT_ALLOWED");
    const digits = ZERO_DECIMAL.has(c.amount.currency_code) ? 0 : 2;
    const captured = toUnits(c.amount.value, digits)!;
    const body = (req.json ?? {}) as { amount?: Money };
    let units = captured - c.refundedUnits;
    if (body.amount) {
      const p = checkMoney(body.amount, "/amount");
      if (p) return p;
      if (body.amount.currency_code !== c.amount.currency_code) return unprocessable("/amount/currency_code", "REFUND_CURRENCY_MISMATCH");
      units = toUnits(body.amount.value, digits)!;
      if (units > captured - c.refundedUnits) return unprocessable("/amount/value", "REFUND_AMOUNT_EXCEEDED");
    }
    c.refundedUnits += units;
    c.status = c.refundedUnits === captured ? "REFUNDED" : "PARTIALLY_REFUNDED";
    const refundId = randomBytes(9).toString("hex").toUpperCase().slice(0, 17);
    return json(201, {
      id: refundId,
      status: "COMPLETED",
      amount: { currency_code: c.amount.currency_code, value: fromUnits(units, digits) },
      links: [{ href: `${base}/v2/payments/refunds/${refundId}`, rel: "self", method: "GET" }, { href: `${base}/v2/payments/captures/${id}`, rel: "up", method: "GET" }],
    });
  };

  // Vault v3 without a purchase: a setup token the payer approves at PayPal, exchanged for a payment token.
  const setupTokenView = (t: { id: string; status: string; customerId: string }) => ({
    id: t.id,
    customer: { id: t.customerId },
    status: t.status,
    payment_source: { paypal: { usage_type: "MERCHANT", customer_type: "CONSUMER", permit_multiple_payment_tokens: false } },
    links: [
      { href: `${base}/v3/vault/setup-tokens/${t.id}`, rel: "self", method: "GET", encType: "application/json" },
      ...(t.status === "PAYER_ACTION_REQUIRED" ? [{ href: `${base}/agreements/approve?approval_session_id=${t.id}`, rel: "approve", method: "GET", encType: "application/json" }] : []),
    ],
  });

  const createSetupToken = (req: FakeRequest): FakeResponse => {
    const body = req.json as { payment_source?: { paypal?: { usage_type?: string; experience_context?: { return_url?: string; cancel_url?: string } } } } | null;
    const pp = body?.payment_source?.paypal;
    if (!pp) return invalidRequest("/payment_source", "MISSING_REQUIRED_PARAMETER");
    if (pp.usage_type !== "MERCHANT" && pp.usage_type !== "PLATFORM") return invalidRequest("/payment_source/paypal/usage_type", "INVALID_PARAMETER_VALUE");
    const ctx = pp.experience_context ?? {};
    if (!ctx.return_url || !isUrl(ctx.return_url)) return invalidRequest("/payment_source/paypal/experience_context/return_url", "MISSING_REQUIRED_PARAMETER");
    if (!ctx.cancel_url || !isUrl(ctx.cancel_url)) return invalidRequest("/payment_source/paypal/experience_context/cancel_url", "MISSING_REQUIRED_PARAMETER");
    const t = { id: randomBytes(9).toString("hex").toUpperCase().slice(0, 17), status: "PAYER_ACTION_REQUIRED", returnUrl: ctx.return_url, cancelUrl: ctx.cancel_url, customerId: `cust_${randomBytes(5).toString("hex")}` };
    setupTokens.set(t.id, t);
    return json(201, setupTokenView(t));
  };

  const payerApprovesVault = (req: FakeRequest): FakeResponse => {
    const id = req.query.get("approval_session_id") ?? "";
    const t = setupTokens.get(id);
    if (!t) return { status: 404, body: "<h1>Unknown agreement</h1>" };
    if (t.status === "PAYER_ACTION_REQUIRED") t.status = "APPROVED";
    const back = new URL(t.returnUrl);
    back.searchParams.set("approval_token_id", id);
    back.searchParams.set("approval_session_id", id);
    return redirect(back.toString());
  };

  const createPaymentToken = (req: FakeRequest): FakeResponse => {
    const body = req.json as { payment_source?: { token?: { id?: string; type?: string } } } | null;
    const tok = body?.payment_source?.token;
    if (!tok?.id) return invalidRequest("/payment_source/token/id", "MISSING_REQUIRED_PARAMETER");
    if (tok.type !== "SETUP_TOKEN") return invalidRequest("/payment_source/token/type", "INVALID_PARAMETER_VALUE");
    const t = setupTokens.get(tok.id);
    if (!t) return notFound();
    if (t.status !== "APPROVED") return unprocessable("/payment_source/token/id", "SETUP_TOKEN_NOT_APPROVED");
    t.status = "VAULTED";
    const vaultId = randomBytes(4).toString("hex");
    vaults.set(vaultId, "ok");
    return json(201, {
      id: vaultId,
      customer: { id: t.customerId },
      payment_source: { paypal: { usage_type: "MERCHANT", customer_type: "CONSUMER", email_address: "seller-payer@example.com", payer_id: "FAKEPAYER123" } },
      links: [{ href: `${base}/v3/vault/payment-tokens/${vaultId}`, rel: "self", method: "GET", encType: "application/json" }],
    });
  };

  const verifySignature = (req: FakeRequest): FakeResponse => {
    const b = req.json as Record<string, unknown> | null;
    const required = ["auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id", "webhook_event"] as const;
    for (const f of required) {
      if (!b || b[f] === undefined || b[f] === null || b[f] === "") return invalidRequest(`/${f}`, "MISSING_REQUIRED_PARAMETER", "VALIDATION_ERROR");
    }
    const body = b!;
    if (typeof body.webhook_event !== "object") return invalidRequest("/webhook_event", "INVALID_PARAMETER_SYNTAX", "VALIDATION_ERROR");
    let valid = false;
    if (body.auth_algo === AUTH_ALGO && body.cert_url === certUrl()) {
      const message = `${String(body.transmission_id)}|${String(body.transmission_time)}|${String(body.webhook_id)}|${crc32(JSON.stringify(body.webhook_event))}`;
      try {
        valid = createVerify("sha256").update(message).verify(publicKey, String(body.transmission_sig), "base64");
      } catch {
        valid = false;
      }
    }
    return json(200, { verification_status: valid ? "SUCCESS" : "FAILURE" });
  };

  // The page PayPal shows the buyer: here it approves at once and returns to the merchant.
  const buyerApproves = async (req: FakeRequest): Promise<FakeResponse> => {
    const id = req.query.get("token") ?? "";
    const o = orders.get(id);
    if (!o) return { status: 404, body: "<h1>Unknown order</h1>" };
    if (o.status === "CREATED" || o.status === "PAYER_ACTION_REQUIRED") approve(id);
    if (options.autoNotify && options.webhookUrl) {
      const signed = signWebhook(webhookEvent("CHECKOUT.ORDER.APPROVED", id));
      await deliver({ url: options.webhookUrl, ...signed }).catch(() => undefined);
    }
    if (!o.returnUrl) return { status: 200, body: "<h1>Approved</h1>" };
    const back = new URL(o.returnUrl);
    back.searchParams.set("token", id);
    back.searchParams.set("PayerID", "FAKEPAYER123");
    return redirect(back.toString());
  };

  const server = await startFakeServer(handle, { name: "INTERNAL_SERVER_ERROR", message: "An internal server error occurred.", debug_id: "fake" });
  base = server.url;

  return Object.assign(server, {
    clientId,
    clientSecret,
    webhookId,
    approve,
    order(orderId: string) {
      const o = orders.get(orderId);
      if (!o) throw new Error(`fake PayPal: no order ${orderId}`);
      return orderView(o);
    },
    webhookEvent,
    signWebhook,
    vault(vaultId: string, state: "ok" | "decline" | "pending") {
      vaults.set(vaultId, state);
    },
    vaultCharges: () => [...charges],
    setupToken: (id: string) => setupTokens.get(id),
    setCaptureStatus(captureId: string, status: string) {
      const c = captures.get(captureId);
      if (!c) throw new Error(`fake PayPal: no capture ${captureId}`);
      c.status = status;
      const o = orders.get(c.orderId);
      if (o) o.status = status === "COMPLETED" ? "COMPLETED" : o.status;
    },
    async sendWebhook(targetUrl: string, args: { eventType: string; orderId: string; webhookId?: string }) {
      const signed = signWebhook(webhookEvent(args.eventType, args.orderId), { webhookId: args.webhookId });
      return deliver({ url: targetUrl, ...signed });
    },
  });
}

function notFound(): FakeResponse {
  return json(404, { name: "RESOURCE_NOT_FOUND", message: "The specified resource does not exist.", details: [{ issue: "INVALID_RESOURCE_ID" }], debug_id: "fake" });
}

function invalidRequest(field: string, issue: string, name = "INVALID_REQUEST"): FakeResponse {
  return json(400, { name, message: "Request is not well-formed, syntactically incorrect, or violates schema.", details: [{ field, location: "body", issue }], debug_id: "fake" });
}

function unprocessable(field: string, issue: string): FakeResponse {
  return json(422, { name: "UNPROCESSABLE_ENTITY", message: "The requested action could not be performed, semantically incorrect, or failed business validation.", details: [{ field, issue }], debug_id: "fake" });
}

function isUrl(v: string) {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
