"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import type { Messages } from "@/lib/i18n/messages/en";
import { api, ApiError } from "@/components/dashboard/api-client";

type Props = { mode: "signin" | "signup"; t: Messages["auth"] };

export function AuthForm({ mode, t }: Props) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get("error") === "rate_limited" ? t.rateLimited : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

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
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error === "rate_limited" ? t.rateLimited : t.invalid);
        return;
      }
      router.push(params.get("callbackUrl") ?? "/dashboard");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
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
        <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!fieldErrors.email} aria-describedby={fieldErrors.email ? "email-error" : undefined} />
        {fieldErrors.email && <p id="email-error" className="text-xs text-rose-300">{fieldErrors.email}</p>}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t.password}</Label>
        <Input id="password" name="password" type="password" autoComplete={mode === "signup" ? "new-password" : "current-password"} required minLength={8} aria-invalid={!!fieldErrors.password} aria-describedby={mode === "signup" ? "password-hint" : undefined} />
        {mode === "signup" && <p id="password-hint" className={fieldErrors.password ? "text-xs text-rose-300" : "text-xs text-muted-foreground"}>{fieldErrors.password ?? t.passwordHint}</p>}
      </div>
      <Button type="submit" disabled={busy}>{busy ? t.working : mode === "signup" ? t.signUp : t.signIn}</Button>
      <p className="text-center text-sm text-muted-foreground">
        {mode === "signup" ? t.haveAccount : t.noAccount}{" "}
        <Link className="text-primary underline-offset-4 hover:underline" href={mode === "signup" ? "/login" : "/signup"}>
          {mode === "signup" ? t.signIn : t.signUp}
        </Link>
      </p>
    </form>
  );
}
