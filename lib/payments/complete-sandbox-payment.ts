import { randomBytes } from "node:crypto";
import { createSandboxNotification, SANDBOX_SIGNATURE_HEADER } from "./gateways/sandbox-signature";
import type { PaymentRuntime } from "./payment-runtime";
import { processPaymentWebhook, type WebhookOutcome } from "./process-payment-webhook";

/**
 * The sandbox pay page's "Pay" / "Fail" buttons: a notification signed with SANDBOX_PAYMENTS_SECRET,
 * delivered to the sandbox webhook handler exactly as an external provider's would be (same
 * verification, inbox, status re-read and settlement) — in process, so it works whatever APP_URL
 * resolves to from the server.
 */
export async function completeSandboxPayment({
  order,
  outcome,
  runtime,
}: {
  order: { id: string; storeId: string; totalMinor: number; currency: string };
  outcome: "success" | "failure";
  runtime: PaymentRuntime;
}): Promise<WebhookOutcome> {
  const { body, signature } = createSandboxNotification({
    event: outcome === "success" ? "payment_success" : "payment_failure",
    orderId: order.id,
    transactionId: `sbx_${randomBytes(9).toString("hex")}`,
    amountMinor: order.totalMinor,
    currency: order.currency,
    secret: runtime.sandboxSecret,
  });
  return processPaymentWebhook({
    provider: "sandbox",
    storeId: order.storeId,
    request: {
      headers: new Headers({ "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: signature }),
      rawBody: Buffer.from(body, "utf8"),
      query: new URLSearchParams({ store: order.storeId }),
    },
    runtime,
  });
}
