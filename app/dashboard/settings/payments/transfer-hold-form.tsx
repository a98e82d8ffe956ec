"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { PaymentMessages } from "@/lib/i18n/payments";

/** How long a transfer receipt keeps the buyer's items reserved while the owner reviews it (empty = the default). */
export function TransferHoldForm({ storeId, seconds, defaultSeconds, t }: { storeId: string; seconds: number | null; defaultSeconds: number; t: PaymentMessages }) {
  const [hours, setHours] = useState(seconds === null ? "" : String(Math.round(seconds / 3600)));
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const defaultHours = Math.round(defaultSeconds / 3600);
  return (
    <form
      className="flex flex-col gap-3 border-t border-border pt-4 sm:flex-row sm:items-end"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const value = hours.trim();
        const n = Number(value);
        if (value !== "" && (!Number.isInteger(n) || n < 1 || n > 336)) {
          setState("error");
          return;
        }
        setState("saving");
        try {
          await api(`/api/v1/stores/${encodeURIComponent(storeId)}`, { method: "PATCH", json: { transfer_review_hold_seconds: value === "" ? null : n * 3600 } });
          setState("saved");
        } catch {
          setState("error");
        }
      }}
    >
      <Field id="transfer-hold-hours" label={t.hold.label} hint={state === "saved" ? t.saved : format(t.hold.help, { hours: defaultHours })} error={state === "error" ? t.hold.error : null} className="flex-1">
        <Input type="number" inputMode="numeric" min={1} max={336} value={hours} placeholder={String(defaultHours)} onChange={(e) => { setHours(e.target.value); setState("idle"); }} />
      </Field>
      <Button type="submit" variant="outline" disabled={state === "saving"}>{state === "saving" ? t.saving : t.save}</Button>
    </form>
  );
}
