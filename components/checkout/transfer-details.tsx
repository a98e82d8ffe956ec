import { format } from "@/lib/i18n";
import type { CheckoutMessages } from "@/lib/i18n/checkout";
import { normalizeAccountType, type TransferDetails as Details } from "@/lib/payments/gateways/credentials";
import { CopyButton } from "./copy-button";

/** The store's bank details with copy buttons, the exact amount and reference, and the receipt upload. */
export function TransferDetails({
  t,
  details,
  amount,
  reference,
  orderId,
  token,
  lang,
  receipt,
}: {
  t: CheckoutMessages;
  details: Details;
  amount: string;
  reference: string;
  orderId: string;
  token: string;
  lang: string;
  receipt: "ok" | "rejected" | null;
}) {
  const rows: { label: string; value: string }[] = [
    { label: t.bank, value: details.bankName },
    { label: t.holder, value: details.accountHolder },
    { label: t.accountNumber, value: details.accountNumber },
    { label: t.accountType, value: accountTypeLabel(t, details.accountType) },
    ...(details.taxId ? [{ label: t.taxId, value: details.taxId }] : []),
    ...(details.email ? [{ label: t.email, value: details.email }] : []),
    { label: t.amount, value: amount },
    { label: t.reference, value: reference },
  ];
  return (
    <section id="bank-transfer" aria-labelledby="transfer-heading" className="flex scroll-mt-4 flex-col gap-3 rounded-lg border border-border bg-card p-4">
      <h2 id="transfer-heading" className="text-base font-semibold">{t.transferTitle}</h2>
      <p className="text-sm text-muted-foreground">{format(t.transferHelp, { amount, reference })}</p>
      <dl className="flex flex-col gap-2">
        {rows.map((row) => (
          <div key={row.label} className="flex flex-col">
            <dt className="text-xs text-muted-foreground">{row.label}</dt>
            <dd className="flex items-center justify-between gap-3">
              <span className="min-w-0 select-all break-words font-medium">{row.value}</span>
              <CopyButton value={row.value} label={t.copy} copiedLabel={t.copied} fieldName={row.label} />
            </dd>
          </div>
        ))}
      </dl>
      {details.instructions && <p className="text-sm">{details.instructions}</p>}
      {receipt === "ok" ? (
        <p role="status" className="rounded-md border border-success/40 bg-success/10 p-3 text-sm" data-testid="receipt-received">{t.receiptReceived}</p>
      ) : (
        <form method="post" encType="multipart/form-data" action={`/checkout/${encodeURIComponent(orderId)}/receipt`} className="flex flex-col gap-2">
          <input type="hidden" name="t" value={token} />
          <input type="hidden" name="lang" value={lang} />
          <label htmlFor="receipt-file" className="text-sm font-medium">{t.uploadLabel}</label>
          <input
            id="receipt-file"
            name="receipt"
            type="file"
            required
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-invalid={receipt === "rejected" || undefined}
            aria-describedby={receipt === "rejected" ? "receipt-error" : undefined}
            className="text-sm file:me-3 file:h-10 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:text-foreground"
          />
          {receipt === "rejected" && <p id="receipt-error" className="text-sm text-destructive">{t.receiptRejected}</p>}
          <button type="submit" className="inline-flex h-11 items-center justify-center rounded-md border border-border bg-background px-4 font-semibold hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring">
            {t.uploadButton}
          </button>
        </form>
      )}
    </section>
  );
}

/** The seller's choice in the buyer's language; text saved before it was a choice is shown as written. */
function accountTypeLabel(t: CheckoutMessages, value: string): string {
  const type = normalizeAccountType(value);
  return type ? t.accountTypes[type] : value;
}
