import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { fromUnits, toUnits } from "./decimal";
import { deliver, json, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-server";

// A local stand-in for Flow's API v2 (flow.cl): payment/create, payment/getStatus,
// payment/getStatusByCommerceId and refund/create, every call signed with `s` over the sorted
// parameters. Confirmations are the documented form POST of `token` to urlConfirmation.

const DIGITS: Record<string, number> = { CLP: 0, UF: 4, USD: 2 };

type FlowPayment = {
  flowOrder: number;
  token: string;
  commerceOrder: string;
  subject: string;
  currency: string;
  amount: string;
  email: string;
  urlConfirmation: string;
  urlReturn: string;
  optional: string | null;
  status: 1 | 2 | 3 | 4;
  requestDate: string;
  paidAt: string | null;
  refundedUnits: bigint;
  params: Record<string, string>;
};

export type FakeFlowOptions = { apiKey?: string; secretKey?: string; autoNotify?: boolean };
export type FlowConfirmation = { url: string; headers: Record<string, string>; body: string };

export type FakeFlow = FakeServer & {
  apiKey: string;
  secretKey: string;
  /** The buyer pays (status 2) or fails (3) / cancels (4); `amount`/`currency` tamper with what Flow reports. */
  approve(token: string, opts?: { amount?: string; currency?: string; status?: 2 | 3 | 4 }): void;
  payment(token: string): Record<string, unknown>;
  /** The confirmation POST Flow sends to urlConfirmation: form body `token=…`. */
  confirmation(token: string, targetUrl?: string): FlowConfirmation;
  sendConfirmation(token: string, targetUrl?: string): Promise<{ status: number; body: string }>;
};

export async function startFakeFlow(options: FakeFlowOptions = {}): Promise<FakeFlow> {
  const apiKey = options.apiKey ?? "1F90971E-8276-4715-97FF-FAKEFAKE0001";
  const secretKey = options.secretKey ?? "fake-flow-secret-key";
  const byToken = new Map<string, FlowPayment>();
  const refundOrders = new Map<string, Record<string, unknown>>();
  let nextFlowOrder = 8_765_001;
  let nextRefund = 4_100_001;

  const signatureValid = (params: URLSearchParams): boolean => {
    const s = params.get("s") ?? "";
    const keys = [...new Set(params.keys())].filter((k) => k !== "s").sort();
    let text = "";
    for (const k of keys) text += k + (params.get(k) ?? "");
    const expected = Buffer.from(createHmac("sha256", secretKey).update(text).digest("hex"));
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  // Flow checks the apiKey and the signature before anything else.
  const authenticate = (params: URLSearchParams): FakeResponse | null => {
    if (params.get("apiKey") !== apiKey) return json(401, { code: 108, message: "Invalid apiKey" });
    if (!params.get("s")) return json(400, { code: 1620, message: "Missing parameter s" });
    if (!signatureValid(params)) return json(401, { code: 108, message: "Invalid signature" });
    return null;
  };

  const statusView = (p: FlowPayment) => ({
    flowOrder: p.flowOrder,
    commerceOrder: p.commerceOrder,
    requestDate: p.requestDate,
    status: p.status,
    subject: p.subject,
    currency: p.currency,
    amount: Number(p.amount),
    payer: p.email,
    optional: p.optional ? (JSON.parse(p.optional) as unknown) : null,
    pending_info: { media: "", date: "" },
    paymentData:
      p.status === 2
        ? { date: p.paidAt, media: "Webpay", conversionDate: null, conversionRate: null, amount: Number(p.amount), currency: p.currency, fee: 0, balance: Number(p.amount), transferDate: null }
        : { date: null, media: null, conversionDate: null, conversionRate: null, amount: null, currency: null, fee: null, balance: null, transferDate: null },
    merchantId: null,
  });

  const handle = async (req: FakeRequest): Promise<FakeResponse> => {
    if (req.method === "GET" && req.path === "/app/web/pay.php") return buyerPays(req);
    if (req.method === "POST" && req.path === "/payment/create") return createPayment(req);
    if (req.method === "GET" && req.path === "/payment/getStatus") {
      const denied = authenticate(req.query);
      if (denied) return denied;
      const p = byToken.get(req.query.get("token") ?? "");
      return p ? json(200, statusView(p)) : json(400, { code: 105, message: "Invalid token" });
    }
    if (req.method === "GET" && req.path === "/payment/getStatusByCommerceId") {
      const denied = authenticate(req.query);
      if (denied) return denied;
      const id = req.query.get("commerceId") ?? "";
      const matches = [...byToken.values()].filter((x) => x.commerceOrder === id);
      const p = matches.find((x) => x.status === 2) ?? matches[matches.length - 1];
      return p ? json(200, statusView(p)) : json(400, { code: 105, message: "Invalid commerceId" });
    }
    if (req.method === "POST" && req.path === "/refund/create") return createRefund(req);
    return json(404, { code: 404, message: "Not found" });
  };

  const createPayment = (req: FakeRequest): FakeResponse => {
    if (!req.form) return json(400, { code: 1620, message: "Content-Type must be application/x-www-form-urlencoded" });
    const f = req.form;
    const denied = authenticate(f);
    if (denied) return denied;
    for (const k of ["commerceOrder", "subject", "amount", "email", "urlConfirmation", "urlReturn"]) {
      if (!f.get(k)) return json(400, { code: 1620, message: `Missing parameter ${k}` });
    }
    const currency = f.get("currency") ?? "CLP";
    const digits = DIGITS[currency];
    if (digits === undefined) return json(400, { code: 1605, message: `Invalid currency ${currency}` });
    const amount = f.get("amount")!;
    const units = toUnits(amount, digits);
    if (units === null || units <= 0n) return json(400, { code: 1605, message: `Invalid amount ${amount} for ${currency}` });
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.get("email")!)) return json(400, { code: 1605, message: "Invalid email" });
    for (const k of ["urlConfirmation", "urlReturn"]) if (!isUrl(f.get(k)!)) return json(400, { code: 1605, message: `Invalid ${k}` });
    const timeout = f.get("timeout");
    if (timeout !== null && !/^\d+$/.test(timeout)) return json(400, { code: 1605, message: "Invalid timeout" });
    const optional = f.get("optional");
    if (optional !== null) {
      try {
        JSON.parse(optional);
      } catch {
        return json(400, { code: 1605, message: "optional must be a JSON string" });
      }
    }
    const token = randomBytes(20).toString("hex").toUpperCase();
    const p: FlowPayment = {
      flowOrder: nextFlowOrder++,
      token,
      commerceOrder: f.get("commerceOrder")!,
      subject: f.get("subject")!,
      currency,
      amount: fromUnits(units, digits),
      email: f.get("email")!,
      urlConfirmation: f.get("urlConfirmation")!,
      urlReturn: f.get("urlReturn")!,
      optional,
      status: 1,
      requestDate: flowDate(new Date()),
      paidAt: null,
      refundedUnits: 0n,
      params: Object.fromEntries(f),
    };
    byToken.set(token, p);
    return json(200, { url: `${baseUrl}/app/web/pay.php`, token, flowOrder: p.flowOrder });
  };

  const createRefund = (req: FakeRequest): FakeResponse => {
    if (!req.form) return json(400, { code: 1620, message: "Content-Type must be application/x-www-form-urlencoded" });
    const f = req.form;
    const denied = authenticate(f);
    if (denied) return denied;
    for (const k of ["refundCommerceOrder", "receiverEmail", "amount", "urlCallBack"]) {
      if (!f.get(k)) return json(400, { code: 1620, message: `Missing parameter ${k}` });
    }
    const seen = refundOrders.get(f.get("refundCommerceOrder")!);
    if (seen) return json(200, seen);
    const trx = f.get("flowTrxId");
    const commerceTrx = f.get("commerceTrxId");
    const p = [...byToken.values()].find((x) => (trx && String(x.flowOrder) === trx) || (commerceTrx && x.commerceOrder === commerceTrx));
    if (!p) return json(400, { code: 105, message: "Original transaction not found" });
    if (p.status !== 2) return json(400, { code: 1605, message: "Original transaction is not paid" });
    const digits = DIGITS[p.currency]!;
    const units = toUnits(f.get("amount")!, digits);
    if (units === null || units <= 0n) return json(400, { code: 1605, message: "Invalid amount" });
    if (units > toUnits(p.amount, digits)! - p.refundedUnits) return json(400, { code: 1605, message: "Amount exceeds refundable amount" });
    p.refundedUnits += units;
    const out = { token: randomBytes(20).toString("hex").toUpperCase(), flowRefundOrder: nextRefund++, date: flowDate(new Date()), status: "created", amount: fromUnits(units, digits), fee: "0" };
    refundOrders.set(f.get("refundCommerceOrder")!, out);
    return json(200, out);
  };

  const approve: FakeFlow["approve"] = (token, opts = {}) => {
    const p = byToken.get(token);
    if (!p) throw new Error(`fake Flow: no payment for token ${token}`);
    p.status = opts.status ?? 2;
    if (opts.amount !== undefined) p.amount = opts.amount;
    if (opts.currency !== undefined) p.currency = opts.currency;
    if (p.status === 2) p.paidAt = flowDate(new Date());
  };

  const confirmation: FakeFlow["confirmation"] = (token, targetUrl) => {
    const p = byToken.get(token);
    if (!p) throw new Error(`fake Flow: no payment for token ${token}`);
    return { url: targetUrl ?? p.urlConfirmation, headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token }).toString() };
  };

  // The page where the buyer pays: it pays at once, confirms, and posts the browser back to urlReturn.
  const buyerPays = async (req: FakeRequest): Promise<FakeResponse> => {
    const p = byToken.get(req.query.get("token") ?? "");
    if (!p) return { status: 404, body: "<h1>Unknown token</h1>" };
    if (p.status === 1) approve(p.token);
    if (options.autoNotify) await deliver(confirmation(p.token)).catch(() => undefined);
    const html = `<!doctype html><form id="f" method="post" action="${escapeHtml(p.urlReturn)}"><input type="hidden" name="token" value="${p.token}"></form><script>document.getElementById("f").submit()</script>`;
    return { status: 200, body: html };
  };

  const server = await startFakeServer(handle, { code: 500, message: "Internal error" });
  const baseUrl = server.url;

  return Object.assign(server, {
    apiKey,
    secretKey,
    approve,
    payment(token: string) {
      const p = byToken.get(token);
      if (!p) throw new Error(`fake Flow: no payment for token ${token}`);
      return { ...statusView(p), token: p.token, params: p.params };
    },
    confirmation,
    sendConfirmation(token: string, targetUrl?: string) {
      return deliver(confirmation(token, targetUrl));
    },
  });
}

function flowDate(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function isUrl(v: string) {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
