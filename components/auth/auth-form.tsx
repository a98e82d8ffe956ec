"use client";
import { getSession, signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { landingPath } from "@/lib/auth/landing-path";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { AccountMessages } from "@/lib/i18n/account";

type Props = { mode: "signin" | "signup"; t: Messages["auth"]; tm: AccountMessages["mfa"]; invite: { token: string; storeId: string; email: string } | null };

export function AuthForm({ mode, t, tm, invite }: Props) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get("error") === "rate_limited" ? t.rateLimited : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Two-step verification: the password was right and the account asks for a code (or a backup code).
  const [askCode, setAskCode] = useState(false);
  // Stays pending until the next page has rendered: no blank screen between "Create account" and the dashboard.
  const [navigating, startNavigation] = useTransition();
  const go = (path: string) => startNavigation(() => router.push(path));
  // The other form keeps the invitation (and where to go afterwards).
  const carry = new URLSearchParams();
  if (invite) carry.set("invite", invite.token);
  if (params.get("callbackUrl")) carry.set("callbackUrl", params.get("callbackUrl")!);
  const suffix = carry.size ? `?${carry}` : "";

  /** Signed in: join the invited store, else land where this user belongs (admin panel or dashboard). */
  async function landAfterSignIn() {
    if (invite) {
      try {
        await api(`/api/v1/stores/${invite.storeId}/members/accept`, { method: "POST", json: { token: invite.token } });
        return go("/dashboard");
      } catch {
        // The invitation page explains what went wrong (used meanwhile, plan limit…) and offers to retry.
        return go(`/invite/${encodeURIComponent(invite.token)}`);
      }
    }
    const session = await getSession();
    go(landingPath({ platformRole: session?.user?.platformRole ?? "USER", callbackUrl: params.get("callbackUrl") }));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    try {
      if (mode === "signup") {
        try {
          await api("/api/v1/auth/register", { method: "POST", json: { email, password, full_name: String(form.get("full_name")) } });
        } catch (err) {
          // Translated, field by field (lib/i18n/api-errors.ts): "The password must have at least 8 characters."
          if (!(err instanceof ApiError)) throw err;
          setFieldErrors(err.fieldErrors());
          setError(err.message);
          return;
        }
      }
      const mfaCode = String(form.get("mfa_code") ?? "").trim();
      const result = await signIn("credentials", { email, password, ...(mfaCode && { mfa_code: mfaCode }), redirect: false });
      if (!result || result.error) {
        if (result?.error === "mfa_required" || result?.error === "invalid_mfa_code") {
          setAskCode(true);
          setError(result.error === "mfa_required" ? tm.required : tm.invalid);
          return;
        }
        setError(result?.error === "rate_limited" ? t.rateLimited : t.invalid);
        return;
      }
      await landAfterSignIn();
    } finally {
      setBusy(false);
    }
  }

  const working = busy || navigating;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={working}>
      {error && <Alert tone="error">{error}</Alert>}
      {mode === "signup" && (
        <div className="flex flex-col gap-2">
          <Label htmlFor="full_name">{t.fullName}</Label>
          <Input id="full_name" name="full_name" autoComplete="name" required aria-invalid={!!fieldErrors.full_name} aria-describedby={fieldErrors.full_name ? "full_name-error" : undefined} />
          {fieldErrors.full_name && <p id="full_name-error" className="text-xs text-rose-300">{fieldErrors.full_name}</p>}
        </div>
      )}
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t.email}</Label>
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={invite?.email} aria-invalid={!!fieldErrors.email} aria-describedby={fieldErrors.email ? "email-error" : undefined} />
        {fieldErrors.email && <p id="email-error" className="text-xs text-rose-300">{fieldErrors.email}</p>}
      </div>
      <div className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <Label htmlFor="password">{t.password}</Label>
          {mode === "signin" && <Link className="text-xs text-blue-300 underline-offset-4 hover:underline" href="/forgot-password">{t.forgot}</Link>}
        </div>
        <Input id="password" name="password" type="password" autoComplete={mode === "signup" ? "new-password" : "current-password"} required minLength={8} aria-invalid={!!fieldErrors.password} aria-describedby={mode === "signup" ? "password-hint" : undefined} />
        {mode === "signup" && <p id="password-hint" className={fieldErrors.password ? "text-xs text-rose-300" : "text-xs text-muted-foreground"}>{fieldErrors.password ?? t.passwordHint}</p>}
      </div>
      {askCode && (
        <div className="flex flex-col gap-2">
          <Label htmlFor="mfa_code">{tm.codeLabel}</Label>
          <Input id="mfa_code" name="mfa_code" inputMode="text" autoComplete="one-time-code" required maxLength={64} aria-describedby="mfa_code-hint" />
          <p id="mfa_code-hint" className="text-xs text-muted-foreground">{tm.codeHint}</p>
        </div>
      )}
      <Button type="submit" disabled={working}>{working ? t.working : mode === "signup" ? t.signUp : t.signIn}</Button>
      <p className="text-center text-sm text-muted-foreground">
        {mode === "signup" ? t.haveAccount : t.noAccount}{" "}
        <Link className="text-blue-300 underline underline-offset-4" href={`${mode === "signup" ? "/login" : "/signup"}${suffix}`}>
          {mode === "signup" ? t.signIn : t.signUp}
        </Link>
      </p>
      {mode === "signup" && (
        <p className="-mt-2 text-center text-sm">
          <Link className="text-blue-300 underline-offset-4 hover:underline" href="/forgot-password">{t.forgot}</Link>
        </p>
      )}
    </form>
  );
}
