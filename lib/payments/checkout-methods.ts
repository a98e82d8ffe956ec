import { prisma } from "@/lib/db";
import { breakerKey } from "./gateways/breaker";
import { transferDetails, type TransferDetails } from "./gateways/credentials";
import { PAYPAL_CURRENCIES } from "./gateways/paypal";
import { PROVIDER_IDS, type ProviderId } from "./gateways/types";
import { loadProviderSettings } from "./payment-config";
import type { PaymentRuntime } from "./payment-runtime";

// What each provider can charge in; a method that cannot take the order's currency is not offered.
const MERCADOPAGO_CURRENCIES = new Set(["ARS", "BRL", "CLP", "COP", "MXN", "PEN", "UYU"]);
const FLOW_CURRENCIES = new Set(["CLP"]);

/** Local methods first: they convert best where they exist; the test provider last. */
const DISPLAY_ORDER: readonly ProviderId[] = ["flow", "mercadopago", "paypal", "transfer", "sandbox"];

export type CheckoutMethod = {
  provider: ProviderId;
  /** Flow cannot create a payment without the payer's e-mail. */
  needsEmail: boolean;
  /** Bank transfer: the details the buyer copies. */
  transfer?: TransferDetails;
};

export type CheckoutMethods = {
  methods: CheckoutMethod[];
  /** Enabled, but failing right now (circuit open): the page says so and offers the others. */
  unavailable: ProviderId[];
};

export function supportsCurrency(provider: ProviderId, currency: string): boolean {
  if (provider === "paypal") return PAYPAL_CURRENCIES.has(currency);
  if (provider === "mercadopago") return MERCADOPAGO_CURRENCIES.has(currency);
  if (provider === "flow") return FLOW_CURRENCIES.has(currency);
  return true;
}

/** The payment methods a buyer of this store can choose for an order in `currency`, right now. */
export async function listCheckoutMethods({ storeId, currency, runtime }: { storeId: string; currency: string; runtime: PaymentRuntime }): Promise<CheckoutMethods> {
  const rows = await prisma.paymentConfig.findMany({ where: { storeId }, select: { provider: true, enabled: true } });
  const { breaker } = runtime;
  const methods: CheckoutMethod[] = [];
  const unavailable: ProviderId[] = [];
  for (const provider of DISPLAY_ORDER) {
    const row = rows.find((r) => r.provider === provider);
    const enabled = row ? row.enabled : provider === "sandbox" && runtime.sandboxByDefault;
    if (!enabled || !supportsCurrency(provider, currency)) continue;
    if (breaker.isOpen(breakerKey(storeId, provider))) {
      unavailable.push(provider);
      continue;
    }
    if (provider === "transfer") {
      const saved = await loadProviderSettings({ storeId, provider });
      const details = transferDetails.safeParse(saved?.settings);
      if (!details.success) continue;
      methods.push({ provider, needsEmail: false, transfer: details.data });
      continue;
    }
    methods.push({ provider, needsEmail: provider === "flow" });
  }
  return { methods, unavailable };
}

export function isProviderId(value: string | null | undefined): value is ProviderId {
  return !!value && (PROVIDER_IDS as readonly string[]).includes(value);
}
