import { Alert } from "@/components/ui/alert";
import { localizeApiError } from "@/lib/i18n/api-errors";
import type { UiLocale } from "@/lib/i18n";
import { format } from "@/lib/i18n";

/** The outcome of the last form action, carried in the URL by the action's redirect (?ok=… or ?error=…). */
export function ActionNotice({ ok, error, locale, savedLabel, errorTemplate }: { ok?: string; error?: string; locale: UiLocale; savedLabel: string; errorTemplate: string }) {
  if (error) {
    let parsed: { status: number; code: string; message: string; details?: unknown } = { status: 500, code: "internal_error", message: "" };
    try {
      parsed = JSON.parse(error);
    } catch {
      /* a hand-edited URL: show the generic message */
    }
    return <Alert tone="error" role="alert">{format(errorTemplate, { message: localizeApiError(parsed, locale).message })}</Alert>;
  }
  if (ok) return <Alert tone="success" role="status">{savedLabel}</Alert>;
  return null;
}
