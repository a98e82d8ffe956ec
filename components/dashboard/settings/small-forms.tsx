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
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

export function StoreProfileSection({ store, disabled, t, ts, tc }: { store: StoreProfile; disabled: boolean; t: Messages["settings"]; ts: Messages["store"]; tc: Messages["common"] }) {
  return <ProfileForm store={store} t={ts} ts={tc} submitLabel={tc.save} disabled={disabled} onSaved={() => toast({ title: t.saved, tone: "success" })} />;
}

/** How long a comment's units stay reserved (empty = the platform default). */
/** How the bot answers buyers' questions about a product's price, stock, sizes or colours. */
export function QuestionAnswersForm({ storeId, storeLocale, value, disabled, t }: { storeId: string; storeLocale: string; value: "public" | "dm"; disabled: boolean; t: Messages["settings"] }) {
  const router = useRouter();
  const [current, setCurrent] = useState(value);
  const save = async (next: "public" | "dm") => {
    const before = current;
    setCurrent(next);
    try {
      await api(`/api/v1/stores/${storeId}`, { method: "PATCH", json: { question_answers: next, locale: storeLocale } });
      toast({ title: t.saved, tone: "success" });
      router.refresh();
    } catch (err) {
      setCurrent(before);
      toast({ title: (err as Error).message, tone: "error" });
    }
  };
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled} data-testid="question-answers">
      <legend className="mb-1 text-sm font-medium">{t.questionAnswers}</legend>
      {(["public", "dm"] as const).map((v) => (
        <label key={v} className="flex items-start gap-2 text-sm">
          <input type="radio" name="question_answers" value={v} checked={current === v} onChange={() => void save(v)} className="mt-0.5 size-4 accent-primary" />
          <span>{v === "public" ? t.questionAnswersPublic : t.questionAnswersDm}</span>
        </label>
      ))}
      <p className="text-xs text-muted-foreground">{t.questionAnswersHelp}</p>
    </fieldset>
  );
}

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
