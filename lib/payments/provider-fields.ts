import type { ProviderId } from "./gateways/types";

export type ProviderField = { name: string; secret: boolean; optional: boolean };

/**
 * The settings each provider takes, in display order. Secret fields are shown masked and an empty
 * value keeps the saved one; bank-transfer details are public (buyers see them at checkout).
 */
export const PROVIDER_FIELDS: Record<ProviderId, readonly ProviderField[]> = {
  paypal: [
    { name: "clientId", secret: true, optional: false },
    { name: "clientSecret", secret: true, optional: false },
    { name: "webhookId", secret: true, optional: false },
  ],
  mercadopago: [
    { name: "accessToken", secret: true, optional: false },
    { name: "webhookSecret", secret: true, optional: false },
  ],
  flow: [
    { name: "apiKey", secret: true, optional: false },
    { name: "secretKey", secret: true, optional: false },
  ],
  transfer: [
    { name: "bankName", secret: false, optional: false },
    { name: "accountHolder", secret: false, optional: false },
    { name: "accountNumber", secret: false, optional: false },
    { name: "accountType", secret: false, optional: false },
    { name: "taxId", secret: false, optional: true },
    { name: "email", secret: false, optional: true },
    { name: "instructions", secret: false, optional: true },
  ],
  sandbox: [],
};

/**
 * Providers whose notification URL the seller registers by hand at the provider (PayPal's webhook id and
 * Mercado Pago's webhook secret only exist once a URL is registered). Flow gets it with every payment.
 */
export const PROVIDERS_WITH_WEBHOOK_URL: readonly ProviderId[] = ["paypal", "mercadopago"];

/** "APP_USR-1234567890" → "••••7890": enough to recognise which key is saved, never enough to use it. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? "••••" : `••••${value.slice(-4)}`;
}
