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

/** Settings → Buyers: the high-risk threshold and hold, and what a blocked buyer hears. */
export function BuyerRulesForm({ storeId, threshold, holdSeconds, blockedReply, disabled, t, tc }: {
  storeId: string;
  threshold: number | null;
  holdSeconds: number;
  blockedReply: "none" | "polite";
  disabled: boolean;
  t: BuyersMessages["settings"];
  tc: Messages["common"];
}) {
  const router = useRouter();
  const [risk, setRisk] = useState(threshold === null ? "" : String(threshold));
  const [minutes, setMinutes] = useState(String(Math.round(holdSeconds / 60)));
  const [reply, setReply] = useState(blockedReply);
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
            json: { high_risk_threshold: risk.trim() === "" ? null : Number(risk), high_risk_hold_seconds: Math.round(Number(minutes) * 60), blocked_buyer_reply: reply },
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
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="high_risk_threshold" label={t.threshold} hint={t.thresholdHelp} error={errors.high_risk_threshold}>
          <Input type="number" inputMode="numeric" min={1} max={100} value={risk} onChange={(e) => setRisk(e.target.value)} disabled={disabled} />
        </Field>
        <Field id="high_risk_hold_minutes" label={t.hold} hint={t.holdHelp} error={errors.high_risk_hold_seconds}>
          <Input type="number" inputMode="numeric" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} disabled={disabled} />
        </Field>
      </div>
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
