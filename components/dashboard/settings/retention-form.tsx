"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { AccountMessages } from "@/lib/i18n/account";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

/** Settings → Privacy: after how many days comments without buying intent lose their text (7–3650; the API validates). */
export function RetentionForm({ storeId, days, disabled, t, tc }: { storeId: string; days: number; disabled: boolean; t: AccountMessages["storeLifecycle"]; tc: Messages["common"] }) {
  const router = useRouter();
  const [value, setValue] = useState(String(days));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      noValidate
      data-testid="retention-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          // An empty or non-numeric entry goes to the API as it is: its answer names the field in the seller's language.
          const n = value.trim() === "" ? null : Number(value);
          await api(`/api/v1/stores/${storeId}`, { method: "PATCH", json: { comment_retention_days: n !== null && Number.isFinite(n) ? n : value } });
          toast({ title: t.retentionSaved, tone: "success" });
          router.refresh();
        } catch (err) {
          setError(err instanceof ApiError ? (err.fieldErrors().comment_retention_days ?? err.message) : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field id="comment_retention_days" label={t.retentionDays} hint={t.retentionHelp} error={error} className="flex-1">
        <Input type="number" inputMode="numeric" min={7} max={3650} value={value} onChange={(e) => setValue(e.target.value)} disabled={disabled} />
      </Field>
      {!disabled && <Button type="submit" disabled={busy}>{busy ? tc.saving : tc.save}</Button>}
    </form>
  );
}
