import { formatMoney } from "@/lib/money";
import type { AccountMessages } from "@/lib/i18n/account";

type Values = Record<string, unknown> | null;

function show(key: string, value: unknown, { currency, locale, t }: { currency: string; locale: string; t: AccountMessages["audit"] }): string {
  if (value === null || value === undefined) return "—";
  if (key === "price_minor" && typeof value === "number") return formatMoney(value, currency, locale);
  if (key === "enabled" && typeof value === "boolean") return value ? t.enabledOn : t.enabledOff;
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${String(v)}`).join(", ") || "—";
  }
  return String(value);
}

/** "15.990 → 12.990": each field that has a before or an after, in the seller's formats. */
export function AuditChange({ before, after, currency, locale, t }: { before: Values; after: Values; currency: string; locale: string; t: AccountMessages["audit"] }) {
  // Only what has a value on one side or the other ("credentials: — → —" says nothing).
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => show(k, before?.[k], { currency, locale, t }) !== "—" || show(k, after?.[k], { currency, locale, t }) !== "—",
  );
  if (!keys.length) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex flex-col gap-1">
      {keys.map((k) => {
        const from = show(k, before?.[k], { currency, locale, t });
        const to = show(k, after?.[k], { currency, locale, t });
        return (
          <li key={k} className="text-sm" data-testid={`audit-${k}`}>
            {keys.length > 1 && <span className="text-muted-foreground">{k}: </span>}
            <bdi className="line-through decoration-rose-400/70">{from}</bdi>
            <span aria-hidden className="mx-1">→</span>
            <bdi className="font-medium">{to}</bdi>
          </li>
        );
      })}
    </ul>
  );
}
