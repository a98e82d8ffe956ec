import { Alert } from "@/components/ui/alert";
import { getUiLocale } from "@/lib/i18n/server";
import { paymentMessages } from "@/lib/i18n/payments";
import { listPaymentConfigs } from "@/lib/payments/payment-config";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { DEFAULT_TRANSFER_REVIEW_HOLD_SECONDS } from "@/lib/orders/transfer-hold";
import { PaymentProviderForm } from "./payment-provider-form";
import { TransferHoldForm } from "./transfer-hold-form";

export const metadata = { title: "Payments" };
export const dynamic = "force-dynamic";

/** Settings → Payments: OWNERs configure providers; STAFF are told it is owner-only and see nothing of it. */
export default async function PaymentSettingsPage() {
  const { store, role } = await requireDashboardStore();
  const t = paymentMessages(await getUiLocale());
  if (role !== "OWNER") {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <Alert tone="warning" data-testid="payments-owner-only">{t.ownerOnly}</Alert>
      </div>
    );
  }
  const runtime = paymentRuntimeFromEnv();
  const configs = await listPaymentConfigs({ storeId: store.id, sandboxByDefault: runtime.sandboxByDefault, appUrl: runtime.appUrl });
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-muted-foreground">{t.intro}</p>
      </div>
      <div className="grid gap-4">
        {configs.map((config) => (
          <PaymentProviderForm
            key={config.provider}
            storeId={store.id}
            initial={config}
            t={t}
            extra={config.provider === "transfer" ? <TransferHoldForm storeId={store.id} seconds={store.transferReviewHoldSeconds} defaultSeconds={DEFAULT_TRANSFER_REVIEW_HOLD_SECONDS} t={t} /> : undefined}
          />
        ))}
      </div>
    </div>
  );
}
