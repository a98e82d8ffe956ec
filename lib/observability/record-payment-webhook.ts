import { metrics } from "./metrics";

/** Counts one provider notification by how it was answered: accepted (2xx), rejected (4xx), error (5xx). */
export function recordPaymentWebhook(provider: string, status: number) {
  const outcome = status < 400 ? "accepted" : status < 500 ? "rejected" : "error";
  metrics().paymentWebhooks.inc({ provider, outcome });
}
