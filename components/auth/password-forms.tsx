"use client";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/** "Forgot your password?": always the same answer, whether or not the account exists. */
export function ForgotPasswordForm({ t }: { t: AccountMessages["forgot"] }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api("/api/v1/auth/password/forgot", { method: "POST", json: { email } });
      setSentTo(email);
    } catch (err) {
      if (err instanceof ApiError) setFieldError(err.fieldErrors().email ?? null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  if (sentTo) return <Alert tone="success" data-testid="forgot-sent">{format(t.sent, { email: sentTo })}</Alert>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={busy}>
      {error && !fieldError && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t.email}</Label>
        <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!fieldError} aria-describedby={fieldError ? "email-error" : undefined} />
        {fieldError && <p id="email-error" className="text-xs text-rose-300">{fieldError}</p>}
      </div>
      <Button type="submit" disabled={busy}>{busy ? t.sending : t.send}</Button>
    </form>
  );
}

/** The emailed link's page: a new password, then every session of the account is signed out. */
export function ResetPasswordForm({ token, t }: { token: string; t: AccountMessages["reset"] }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api("/api/v1/auth/password/reset", { method: "POST", json: { token, password } });
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" data-testid="reset-done">{t.done}</Alert>
        <Button asChild className="self-start"><Link href="/login">{t.signIn}</Link></Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={busy}>
      {error && !fieldErrors.password && <Alert tone="error">{fieldErrors.token ?? error}</Alert>}
      {fieldErrors.token && <Link href="/forgot-password" className="text-sm text-blue-300 underline-offset-4 hover:underline">{t.askAgain}</Link>}
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t.password}</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-invalid={!!fieldErrors.password} aria-describedby="password-hint" />
        <p id="password-hint" className={fieldErrors.password ? "text-xs text-rose-300" : "text-xs text-muted-foreground"}>{fieldErrors.password ?? t.body}</p>
      </div>
      <Button type="submit" disabled={busy}>{busy ? t.saving : t.save}</Button>
    </form>
  );
}
