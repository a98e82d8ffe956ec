import { createHmac, timingSafeEqual } from "node:crypto";
import { minorToDecimalString } from "../money";

// The built-in sandbox provider's notification: the raw JSON body signed with
// `X-Sandbox-Signature: sha256=<hex HMAC-SHA256 of the raw body with SANDBOX_PAYMENTS_SECRET>`.

export const SANDBOX_SIGNATURE_HEADER = "X-Sandbox-Signature";

export function signSandboxWebhook(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export function sandboxSignatureMatches(rawBody: string | Buffer, signature: string, secret: string): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!m) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(m[1]!, "hex"), expected);
}

/** What the sandbox payment page posts to /api/webhooks/payments/sandbox: body and header value. */
export function createSandboxNotification(args: {
  event: "payment_success" | "payment_failure";
  orderId: string;
  transactionId: string;
  amountMinor: number;
  currency: string;
  secret: string;
  now?: Date;
}): { body: string; signature: string } {
  const body = JSON.stringify({
    event: args.event,
    timestamp: (args.now ?? new Date()).toISOString(),
    // Major units, like every amount a buyer or seller sees.
    data: { order_id: args.orderId, transaction_id: args.transactionId, amount: Number(minorToDecimalString(args.amountMinor, args.currency)) },
  });
  return { body, signature: signSandboxWebhook(body, args.secret) };
}
