import type { z } from "zod";
import { credentialSchemas } from "./credentials";
import { PaymentProviderError } from "./errors";
import { FlowGateway } from "./flow";
import { MercadopagoGateway } from "./mercadopago";
import { PaypalGateway } from "./paypal";
import type { FetchLike } from "./provider-request";
import { SandboxGateway } from "./sandbox";
import { TransferGateway } from "./transfer";
import type { PaymentGateway, ProviderBaseUrls, ProviderId } from "./types";

/** The providers' sandbox environments: production URLs are opted into through configuration. */
export const DEFAULT_PROVIDER_BASE_URLS: ProviderBaseUrls = {
  paypal: "https://api-m.sandbox.paypal.com",
  mercadopago: "https://api.mercadopago.com",
  flow: "https://sandbox.flow.cl/api",
};

const DEFAULT_PROVIDER_TIMEOUT_MS = 5_000;

export type CreateGatewayInput = {
  provider: ProviderId;
  /** The store's saved settings for this provider (decrypted); validated against the provider's schema. */
  credentials: unknown;
  baseUrls?: Partial<ProviderBaseUrls>;
  /** Public base URL of this app (sandbox payment page). */
  appUrl: string;
  /** SANDBOX_PAYMENTS_SECRET; required for the sandbox provider. */
  sandboxSecret?: string;
  /** The store's currency; required for the sandbox provider, whose notifications carry none. */
  storeCurrency?: string;
  fetch?: FetchLike;
  /** Per provider call. Flow must be answered within 15 s, and its confirmation makes two calls. */
  timeoutMs?: number;
  now?: () => Date;
};

/** The one place that picks the payment strategy for a provider. */
export function createGateway(input: CreateGatewayInput): PaymentGateway {
  const baseUrls = { ...DEFAULT_PROVIDER_BASE_URLS, ...input.baseUrls };
  const fetchImpl: FetchLike = input.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = input.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const now = input.now ?? (() => new Date());
  const common = { fetch: fetchImpl, timeoutMs };

  switch (input.provider) {
    case "paypal":
      return new PaypalGateway({ ...common, credentials: parseCredentials("paypal", input.credentials), baseUrl: trimSlash(baseUrls.paypal) });
    case "mercadopago":
      return new MercadopagoGateway({ ...common, now, credentials: parseCredentials("mercadopago", input.credentials), baseUrl: trimSlash(baseUrls.mercadopago) });
    case "flow":
      return new FlowGateway({ ...common, now, credentials: parseCredentials("flow", input.credentials), baseUrl: trimSlash(baseUrls.flow) });
    case "transfer":
      return new TransferGateway({ details: parseCredentials("transfer", input.credentials) });
    case "sandbox": {
      parseCredentials("sandbox", input.credentials ?? {});
      if (!input.sandboxSecret) throw misconfigured("sandbox", "sandboxSecret is required");
      if (!input.storeCurrency || !/^[A-Z]{3}$/.test(input.storeCurrency)) throw misconfigured("sandbox", "storeCurrency (ISO 4217) is required");
      return new SandboxGateway({ appUrl: trimSlash(input.appUrl), secret: input.sandboxSecret, currency: input.storeCurrency, now });
    }
  }
}

function parseCredentials<P extends ProviderId>(provider: P, value: unknown): z.infer<(typeof credentialSchemas)[P]> {
  const parsed = credentialSchemas[provider].safeParse(value);
  if (!parsed.success) {
    // Name the fields, never echo the values: they are secrets.
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
    throw misconfigured(provider, `invalid ${provider} settings: ${fields}`);
  }
  return parsed.data as z.infer<(typeof credentialSchemas)[P]>;
}

function misconfigured(provider: ProviderId, message: string): PaymentProviderError {
  return new PaymentProviderError({ provider, code: "invalid_configuration", message });
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
