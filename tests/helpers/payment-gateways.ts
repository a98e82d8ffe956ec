import type { CreateLinkInput, WebhookRequest } from "@/lib/payments/gateways/types";

// Shared inputs for the gateway contract tests.

export const APP_URL = "https://shop.example.test";

export function linkInput(overrides: Partial<CreateLinkInput> = {}): CreateLinkInput {
  const orderId = overrides.orderId ?? "ord_test_1";
  return {
    orderId,
    amountMinor: 1999,
    currency: "USD",
    description: "Order ord_test_1 — Camiseta roja",
    items: [{ sku: "TSHIRT-RED", name: "Camiseta roja", quantity: 1, unitPriceMinor: 1999 }],
    expiresAt: new Date(Date.now() + 30 * 60 * 1000),
    buyerEmail: "buyer@example.test",
    returnUrl: `${APP_URL}/checkout/${orderId}?t=tok123`,
    cancelUrl: `${APP_URL}/checkout/${orderId}?t=tok123&cancelled=1`,
    notifyUrl: `${APP_URL}/api/webhooks/payments/test?store=st_1`,
    ...overrides,
  };
}

export function webhookRequest(args: { headers: Record<string, string>; body: string; url?: string }): WebhookRequest {
  return {
    headers: new Headers(args.headers),
    rawBody: Buffer.from(args.body, "utf8"),
    query: new URL(args.url ?? `${APP_URL}/api/webhooks/payments/test`).searchParams,
  };
}
