"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/** Change the sign-in email: a link goes to the new address; nothing changes until it is opened. */
export function ChangeEmailForm({ email, verified, t, passwordLabel }: { email: string; verified: boolean; t: AccountMessages["lifecycle"]; passwordLabel: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form className="flex flex-col gap-2 rounded-lg border border-border p-4" noValidate data-testid="change-email" onSubmit={async (e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget);
      const newEmail = String(form.get("new_email") ?? "").trim();
      setBusy(true);
      setErrors({});
      setError(null);
      try {
        await api("/api/v1/auth/email/change", { method: "POST", json: { new_email: newEmail, current_password: String(form.get("email_current_password") ?? "") } });
        setSentTo(newEmail);
      } catch (err) {
        if (err instanceof ApiError) {
          const fields = err.fieldErrors();
          setErrors(fields);
          if (Object.keys(fields).length === 0) setError(err.message);
        } else setError(String(err));
      } finally {
        setBusy(false);
      }
    }}>
      <h2 className="font-semibold">{t.emailTitle}</h2>
      <p className="text-sm"><bdi>{format(t.emailCurrent, { email })}</bdi> · <span className={verified ? "text-lime-300" : "text-amber-200"}>{verified ? t.emailVerified : t.emailUnverified}</span></p>
      {sentTo && <Alert tone="success" data-testid="change-email-sent">{format(t.emailSent, { email: sentTo })}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Label htmlFor="new_email">{t.newEmail}</Label>
      <Input id="new_email" name="new_email" type="email" autoComplete="email" className="max-w-sm" dir="ltr" aria-invalid={!!errors.new_email} />
      {errors.new_email && <p className="text-xs text-rose-300">{errors.new_email}</p>}
      <Label htmlFor="email_current_password">{passwordLabel}</Label>
      <Input id="email_current_password" name="email_current_password" type="password" autoComplete="current-password" className="max-w-sm" aria-invalid={!!errors.current_password} />
      {errors.current_password && <p className="text-xs text-rose-300">{errors.current_password}</p>}
      <Button type="submit" variant="outline" className="self-start" disabled={busy}>{t.emailSubmit}</Button>
    </form>
  );
}
