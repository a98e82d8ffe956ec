"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { BuyersMessages } from "@/lib/i18n/buyers";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

const TREATMENTS = ["short_hold", "pay_first", "approval"] as const;
type Treatment = (typeof TREATMENTS)[number];

/** Settings → Buyers: the high-risk threshold, what high risk means (shorter hold, pay-first, approval), and what a blocked buyer hears. */
export function BuyerRulesForm({ storeId, threshold, holdSeconds, treatment, blockedReply, disabled, t, tc }: {
  storeId: string;
  threshold: number | null;
  holdSeconds: number;
  treatment: Treatment;
  blockedReply: "none" | "polite";
  disabled: boolean;
  t: BuyersMessages["settings"];
  tc: Messages["common"];
}) {
  const router = useRouter();
  const [risk, setRisk] = useState(threshold === null ? "" : String(threshold));
  const [minutes, setMinutes] = useState(String(Math.round(holdSeconds / 60)));
  const [reply, setReply] = useState(blockedReply);
  const [mode, setMode] = useState<Treatment>(treatment);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      data-testid="buyer-rules"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setErrors({});
        try {
          await api(`/api/v1/stores/${storeId}`, {
            method: "PATCH",
            json: { high_risk_threshold: risk.trim() === "" ? null : Number(risk), high_risk_hold_seconds: Math.round(Number(minutes) * 60), high_risk_treatment: mode, blocked_buyer_reply: reply },
          });
          toast({ title: t.saved, tone: "success" });
          router.refresh();
        } catch (err) {
          if (err instanceof ApiError) setErrors(err.fieldErrors());
          toast({ title: (err as Error).message, tone: "error" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <p className="text-sm text-muted-foreground">{t.intro}</p>
      <Field id="high_risk_threshold" label={t.threshold} hint={t.thresholdHelp} error={errors.high_risk_threshold} className="sm:max-w-xs">
        <Input type="number" inputMode="numeric" min={1} max={100} value={risk} onChange={(e) => setRisk(e.target.value)} disabled={disabled} />
      </Field>
      <fieldset className="flex flex-col gap-2" disabled={disabled} data-testid="high-risk-treatment">
        <legend className="mb-1 text-sm font-medium">{t.treatment}</legend>
        {TREATMENTS.map((v) => (
          <div key={v} className="flex flex-col gap-0.5">
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="high_risk_treatment" value={v} checked={mode === v} onChange={() => setMode(v)} aria-describedby={`treatment-${v}-help`} className="mt-0.5 size-4 accent-primary" />
              <span>{t.treatments[v]}</span>
            </label>
            <p id={`treatment-${v}-help`} className="ms-6 text-xs text-muted-foreground">{t.treatmentHelp[v]}</p>
          </div>
        ))}
        {errors.high_risk_treatment && <p className="text-sm text-destructive" role="alert">{errors.high_risk_treatment}</p>}
      </fieldset>
      {mode === "short_hold" && (
        <Field id="high_risk_hold_minutes" label={t.hold} hint={t.holdHelp} error={errors.high_risk_hold_seconds} className="sm:max-w-xs">
          <Input type="number" inputMode="numeric" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} disabled={disabled} />
        </Field>
      )}
      <fieldset className="flex flex-col gap-2" disabled={disabled}>
        <legend className="mb-1 text-sm font-medium">{t.blockedReply}</legend>
        {(["none", "polite"] as const).map((v) => (
          <label key={v} className="flex items-start gap-2 text-sm">
            <input type="radio" name="blocked_buyer_reply" value={v} checked={reply === v} onChange={() => setReply(v)} className="mt-0.5 size-4 accent-primary" />
            <span>{v === "none" ? t.blockedNone : t.blockedPolite}</span>
          </label>
        ))}
      </fieldset>
      {!disabled && <Button type="submit" className="self-start" disabled={busy}>{busy ? tc.saving : t.save}</Button>}
    </form>
  );
}
