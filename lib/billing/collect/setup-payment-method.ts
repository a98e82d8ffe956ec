import { prisma } from "@/lib/db";
import { AppError, conflict, notFound, unprocessable } from "@/lib/http/errors";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { PaymentProviderError } from "@/lib/payments/gateways/errors";
import { ensureSubscription } from "../store-billing";
import { createPaypalPaymentToken, createPaypalSetupToken, createPreapproval, fetchPreapproval, MERCADOPAGO_CURRENCIES } from "./platform-providers";
import { setPaymentMethod } from "./set-payment-method";

/** A provider that refuses or cannot be reached is the provider's problem, shown as such (502), never a 500. */
async function viaProvider<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PaymentProviderError) throw new AppError(502, "payment_provider_error", `The payment provider did not accept the request (${e.code}). Try again later.`);
    throw e;
  }
}

/**
 * The owner starts saving a PayPal wallet (Vault v3 setup token) or a Mercado Pago subscription
 * (preapproval) for the platform's invoices. Returns the provider's page where the owner approves it;
 * the current method keeps working until the approval comes back (completePaymentMethodSetup, or the
 * provider's webhook). A Mercado Pago subscription charges in the plan's currency, which must be one
 * Mercado Pago operates in.
 */
export async function startPaymentMethodSetup({ storeId, method, payerEmail, appUrl, actorId }: { storeId: string; method: "paypal" | "mercadopago"; payerEmail: string; appUrl: string; actorId: string }) {
  await ensureSubscription(storeId);
  const sub = await prisma.subscription.findUniqueOrThrow({ where: { storeId }, include: { plan: true } });
  const returnUrl = `${appUrl}/dashboard/billing/return?provider=${method}`;
  let started: { id: string; url: string };
  if (method === "paypal") {
    const t = await viaProvider(() => createPaypalSetupToken({ storeId, returnUrl, cancelUrl: `${appUrl}/dashboard/billing?setup=cancelled` }));
    started = { id: t.id, url: t.approveUrl };
  } else {
    if (!MERCADOPAGO_CURRENCIES.has(sub.plan.currency)) {
      throw unprocessable(`method: Mercado Pago cannot charge ${sub.plan.currency}`, [{ field: "method", code: "currency_not_supported", params: { currency: sub.plan.currency }, message: `Mercado Pago subscriptions cannot charge ${sub.plan.currency}; choose PayPal or bank transfer` }]);
    }
    const p = await viaProvider(() => createPreapproval({ storeId, payerEmail, backUrl: returnUrl, amountMinor: sub.plan.priceMinor, currency: sub.plan.currency }));
    started = { id: p.id, url: p.initPoint };
  }
  await prisma.$transaction(async (tx) => {
    await tx.subscription.update({ where: { storeId }, data: { pendingMethod: method, pendingToken: started.id } });
    await recordAudit(tx, { actorType: "USER", actorId, storeId, action: "billing.payment_method_setup_started", entityType: "subscription", entityId: sub.id, data: { method } });
  });
  return { method, approve_url: started.url };
}

/** The store whose set-up (setup token or preapproval id) is waiting for the provider; null when none. */
export async function storeOfPendingSetup(token: string) {
  const sub = await prisma.subscription.findFirst({ where: { pendingToken: token }, select: { storeId: true } });
  return sub?.storeId ?? null;
}

/**
 * The provider sent the owner back (or its webhook said so): a PayPal setup token is exchanged for the
 * payment token that is charged each month; a Mercado Pago preapproval counts once Mercado Pago says it
 * is "authorized". Only the set-up this store started is accepted (another token → 404). Not approved
 * yet → 409, nothing changes. Doing it twice is harmless.
 */
export async function completePaymentMethodSetup({ storeId, provider, token, actor }: { storeId: string; provider: "paypal" | "mercadopago"; token: string; actor: Pick<AuditEntry, "actorType" | "actorId"> }) {
  const sub = await prisma.subscription.findUnique({ where: { storeId } });
  if (sub && sub.paymentMethod === provider && sub.paymentToken === token) return { method: provider, saved: true };
  if (!sub || sub.pendingMethod !== provider || sub.pendingToken !== token) throw notFound("Payment method set-up");
  let saved: string | null;
  if (provider === "paypal") {
    saved = await viaProvider(() => createPaypalPaymentToken({ setupToken: token }));
  } else {
    const p = await viaProvider(() => fetchPreapproval(token));
    saved = p && p.status === "authorized" ? p.id : null;
  }
  if (!saved) throw conflict("setup_not_approved", "The payment method was not approved at the provider yet.");
  return setPaymentMethod({ storeId, method: provider, token: saved, actor });
}
