"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { ProfileForm, type StoreProfile } from "@/components/dashboard/onboarding/profile-form";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/messages/en";

export function StoreProfileSection({ store, disabled, t, ts, tc }: { store: StoreProfile; disabled: boolean; t: Messages["settings"]; ts: Messages["store"]; tc: Messages["common"] }) {
  return <ProfileForm store={store} t={ts} ts={tc} submitLabel={tc.save} disabled={disabled} onSaved={() => toast({ title: t.saved, tone: "success" })} />;
}

/** How long a comment's units stay reserved (empty = the platform default). */
export function ReservationForm({ storeId, storeLocale, seconds, defaultSeconds, disabled, t, tc }: { storeId: string; storeLocale: string; seconds: number | null; defaultSeconds: number; disabled: boolean; t: Messages["settings"]; tc: Messages["common"] }) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(seconds === null ? "" : String(Math.round(seconds / 60)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await api(`/api/v1/stores/${storeId}`, { method: "PATCH", json: { reservation_ttl_seconds: minutes.trim() === "" ? null : Math.round(Number(minutes) * 60), locale: storeLocale } });
          toast({ title: t.saved, tone: "success" });
          router.refresh();
        } catch (err) {
          setError(err instanceof ApiError ? (Object.values(err.fieldErrors())[0] ?? err.message) : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field id="reservation_minutes" label={t.reservationMinutes} hint={format(t.reservationHelp, { minutes: Math.round(defaultSeconds / 60) })} error={error} className="flex-1">
        <Input type="number" min={1} max={10080} value={minutes} onChange={(e) => setMinutes(e.target.value)} disabled={disabled} placeholder={String(Math.round(defaultSeconds / 60))} />
      </Field>
      {!disabled && <Button type="submit" disabled={busy}>{busy ? tc.saving : tc.save}</Button>}
    </form>
  );
}
